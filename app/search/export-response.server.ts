/**
 * One export as a file to send: the result set (search-export.server.ts) written as CSV or XLSX,
 * with a dated file name. The route adds the download headers.
 */
import type { Executor } from "../../db/client";
import type { SearchEngine } from "../../search/engine";
import type { Principal } from "../accounts/policy";
import { cstDate } from "../drafts/china-time";
import type { Locale } from "../platform/i18n/locales";
import { translator, type MessageKey } from "../platform/i18n/translate";
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from "../platform/media-types";
import { exportCsv, exportXlsx } from "./export-files.server";
import { resolveLabels } from "./facet-labels.server";
import { exportComments } from "./search-export.server";
import { PAGE_FACETS, type SearchState } from "./search-state";

export type ExportFormat = "csv" | "xlsx";

export interface ExportFile {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  mediaType: string;
  rows: number;
  total: number;
  capped: boolean;
}

export type ExportFileOutcome = { ok: true; value: ExportFile } | { ok: false; error: "unavailable" | "forbidden" };

export async function searchExportFile(
  db: Executor, engine: SearchEngine, user: Principal | null, state: SearchState, locale: Locale, format: ExportFormat, now: Date,
): Promise<ExportFileOutcome> {
  const exported = await exportComments(db, engine, user, state, locale);
  if (!exported.ok) return exported;
  const set = exported.value;
  const t = translator(locale);
  const fileName = `${t("search.export.fileName")}-${cstDate(now)}.${format}`;
  if (format === "csv") {
    return { ok: true, value: { bytes: exportCsv(set, locale), fileName, mediaType: CSV_MEDIA_TYPE, rows: set.rows.length, total: set.total, capped: set.capped } };
  }
  const labels = await resolveLabels(db, state.filters, locale);
  const filters = [
    ...PAGE_FACETS.flatMap((f) => (state.filters[f] ?? []).map((v) => `${t(`search.facet.${f}` as MessageKey)}：${labels.of(f, v)}`)),
    ...(state.dateFrom ? [t("search.activeFrom", { date: state.dateFrom })] : []),
    ...(state.dateTo ? [t("search.activeTo", { date: state.dateTo })] : []),
  ];
  const bytes = await exportXlsx(set, locale, { query: state.q, filters, generatedAt: now.toISOString() });
  return { ok: true, value: { bytes, fileName, mediaType: XLSX_MEDIA_TYPE, rows: set.rows.length, total: set.total, capped: set.capped } };
}
