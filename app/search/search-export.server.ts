/**
 * The whole result set of an officer's search — same query, filters and reach as the page — as rows
 * for CSV and XLSX. Only what was said and where it sits: no names, phones, e-mails or addresses
 * (the index never holds them). Capped at EXPORT_MAX_ROWS; the caller says so when it bites.
 */
import type { Executor } from "../../db/client";
import { MAX_LIMIT, SearchUnavailableError, type CommentDocument, type SearchEngine, type SearchResult } from "../../search/engine";
import type { Principal } from "../accounts/policy";
import type { Locale } from "../platform/i18n/locales";
import { EXPORT_MAX_ROWS } from "./export-limit";
import { resolveLabels } from "./facet-labels.server";
import { scopedRequest } from "./officer-search.server";
import type { SearchState } from "./search-state";

export const EXPORT_COLUMNS = [
  "receiptCode", "draft", "version", "article", "contactPoint", "region", "channel", "category", "status", "moderation", "date", "body", "proposedText", "reason",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string>;

export interface ExportSet {
  rows: ExportRow[];
  /** Matches in all (may exceed rows.length when capped). */
  total: number;
  capped: boolean;
}

export type ExportOutcome = { ok: true; value: ExportSet } | { ok: false; error: "unavailable" | "forbidden" };

export async function exportComments(
  db: Executor, engine: SearchEngine, user: Principal | null, state: SearchState, locale: Locale, maxRows = EXPORT_MAX_ROWS,
): Promise<ExportOutcome> {
  // The reach is resolved once; only the window moves from page to page.
  const scoped = await scopedRequest(db, user, { ...state, page: 1 }, { offset: 0, limit: MAX_LIMIT, facets: [] });
  if (!scoped) return { ok: false, error: "forbidden" };
  const documents: CommentDocument[] = [];
  const seen = new Set<string>();
  let total = 0;
  try {
    for (let offset = 0; offset < maxRows; offset += MAX_LIMIT) {
      const result: SearchResult<CommentDocument> = await engine.search({ ...scoped.request, offset, limit: Math.min(MAX_LIMIT, maxRows - offset) });
      total = result.total;
      for (const h of result.hits) {
        if (seen.has(h.document.id)) continue;
        seen.add(h.document.id);
        documents.push(h.document);
      }
      if (result.hits.length === 0 || offset + result.hits.length >= total) break;
    }
  } catch (error) {
    if (error instanceof SearchUnavailableError) return { ok: false, error: "unavailable" };
    throw error;
  }
  const labels = await resolveLabels(db, {
    draftId: documents.map((d) => d.draftId),
    versionId: documents.map((d) => d.versionId),
    contactPointId: documents.flatMap((d) => (d.contactPointId ? [d.contactPointId] : [])),
    region: documents.flatMap((d) => (d.region ? [d.region] : [])),
  }, locale);
  const rows = documents.map((d): ExportRow => ({
    receiptCode: d.receiptCode,
    draft: labels.of("draftId", d.draftId),
    version: labels.versionLabel(d.versionId),
    article: d.provisionPath.join(" "),
    contactPoint: d.contactPointId ? labels.of("contactPointId", d.contactPointId) : "",
    region: d.region ? labels.of("region", d.region) : "",
    channel: labels.of("channel", d.channel),
    category: labels.of("category", d.category),
    status: labels.of("status", d.status),
    moderation: labels.of("moderation", d.moderation),
    date: d.date,
    body: d.body,
    proposedText: d.proposedText ?? "",
    reason: d.reason ?? "",
  }));
  return { ok: true, value: { rows, total, capped: total > rows.length } };
}
