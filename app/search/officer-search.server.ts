/**
 * The officer's comment search: the page's state (from the URL) becomes one engine request within
 * the officer's reach; the hits, facet counts and active filters come back with names, ready to
 * show. An engine outage is an answer ("unavailable"), not an error page.
 */
import type { Executor } from "../../db/client";
import {
  SearchUnavailableError, type CommentDocument, type FacetName, type SearchEngine, type SearchRequest, type SearchResult, type Snippet,
} from "../../search/engine";
import type { Principal } from "../accounts/policy";
import type { Locale } from "../platform/i18n/locales";
import { scopedOrganizations } from "./comment-scope-filter.server";
import { resolveLabels, type LabelRequest, type Labels } from "./facet-labels.server";
import { engineFilters, PAGE_FACETS, SEARCH_PAGE_SIZE, type SearchState } from "./search-state";

export interface FacetEntry {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface ActiveFilter {
  facet: FacetName;
  value: string;
  label: string;
}

export interface CommentHitView {
  id: string;
  receiptCode: string;
  draftTitle: string;
  /** 第二章 … 第十三条, or null for a comment on the whole draft. */
  article: string | null;
  contactPoint: string | null;
  channel: string;
  category: string;
  status: string;
  date: string;
  /** Matched runs of the fields that matched; the start of the text when nothing is highlighted. */
  snippets: { field: "body" | "proposedText" | "reason"; snippet: Snippet }[];
}

export interface OfficerSearchView {
  ok: true;
  state: SearchState;
  hits: CommentHitView[];
  total: number;
  totalIsExact: boolean;
  pageCount: number;
  facets: Partial<Record<FacetName, FacetEntry[]>>;
  active: ActiveFilter[];
  tookMs: number;
}

export type OfficerSearchOutcome = OfficerSearchView | { ok: false; error: "unavailable"; state: SearchState } | { ok: false; error: "forbidden" };

/** Plain text shown for a hit without highlights (an empty query): its first characters. */
const EXCERPT_CHARS = 160;

/** The engine request for a state, with the officer's reach applied (null: reaches nothing). */
export async function scopedRequest(
  db: Executor, user: Principal | null, state: SearchState, page: { offset: number; limit: number; facets: FacetName[] },
): Promise<{ request: SearchRequest & { kind: "comment" }; state: SearchState } | null> {
  const scope = await scopedOrganizations(db, user, state.filters.organizationIds);
  if (!scope) return null;
  const filters = { ...state.filters };
  if (scope.kept.length > 0) filters.organizationIds = scope.kept;
  else delete filters.organizationIds;
  const clean: SearchState = { ...state, filters };
  return {
    state: clean,
    request: {
      kind: "comment",
      query: clean.q,
      filters: { ...engineFilters(clean), ...(scope.filter ? { organizationIds: scope.filter } : {}) },
      facets: page.facets,
      ...(clean.sort ? { sort: clean.sort } : {}),
      offset: page.offset,
      limit: page.limit,
    },
  };
}

export async function searchComments(
  db: Executor, engine: SearchEngine, user: Principal | null, state: SearchState, locale: Locale,
): Promise<OfficerSearchOutcome> {
  const offset = (state.page - 1) * SEARCH_PAGE_SIZE;
  const scoped = await scopedRequest(db, user, state, { offset, limit: SEARCH_PAGE_SIZE, facets: PAGE_FACETS });
  if (!scoped) return { ok: false, error: "forbidden" };
  let result: SearchResult<CommentDocument>;
  try {
    result = await engine.search(scoped.request);
  } catch (error) {
    if (error instanceof SearchUnavailableError) return { ok: false, error: "unavailable", state: scoped.state };
    throw error;
  }
  const clean = scoped.state;
  const pageCount = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  const labels = await resolveLabels(db, labelRequest(result, clean), locale);
  const facets: OfficerSearchView["facets"] = {};
  for (const facet of PAGE_FACETS) {
    const counts = result.facets[facet] ?? [];
    const selected = new Set(clean.filters[facet] ?? []);
    // A selected value stays listed (to be unticked) even when nothing matches it any more.
    const listed = [...counts, ...[...selected].filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 }))];
    facets[facet] = listed.map((c) => ({ value: c.value, count: c.count, label: labels.of(facet, c.value), selected: selected.has(c.value) }));
  }
  return {
    ok: true,
    state: clean,
    hits: result.hits.map((h) => hitView(h.document, h.highlights, labels)),
    total: result.total,
    totalIsExact: result.totalIsExact,
    pageCount,
    facets,
    active: activeFilters(clean, labels),
    tookMs: result.tookMs,
  };
}

function labelRequest(result: SearchResult<CommentDocument>, state: SearchState): LabelRequest {
  const request: Record<string, Set<string>> = {};
  const add = (facet: FacetName, value: string | null) => {
    if (value) (request[facet] ??= new Set()).add(value);
  };
  for (const facet of PAGE_FACETS) {
    for (const c of result.facets[facet] ?? []) add(facet, c.value);
    for (const v of state.filters[facet] ?? []) add(facet, v);
  }
  for (const { document: d } of result.hits) {
    add("draftId", d.draftId);
    add("contactPointId", d.contactPointId);
  }
  return request as LabelRequest;
}

function activeFilters(state: SearchState, labels: Labels): ActiveFilter[] {
  return PAGE_FACETS.flatMap((facet) => (state.filters[facet] ?? []).map((value) => ({ facet, value, label: labels.of(facet, value) })));
}

function hitView(d: CommentDocument, highlights: Partial<Record<string, Snippet>>, labels: Labels): CommentHitView {
  const snippets = (["body", "proposedText", "reason"] as const).flatMap((field) => (highlights[field] ? [{ field, snippet: highlights[field] }] : []));
  if (snippets.length === 0) {
    const chars = [...d.body];
    snippets.push({ field: "body", snippet: [{ text: chars.slice(0, EXCERPT_CHARS).join("") + (chars.length > EXCERPT_CHARS ? "…" : ""), match: false }] });
  }
  return {
    id: d.id,
    receiptCode: d.receiptCode,
    draftTitle: labels.of("draftId", d.draftId),
    article: d.provisionPath.length > 0 ? d.provisionPath.join(" ") : null,
    contactPoint: d.contactPointId ? labels.of("contactPointId", d.contactPointId) : null,
    channel: labels.of("channel", d.channel),
    category: labels.of("category", d.category),
    status: labels.of("status", d.status),
    date: d.date,
    snippets,
  };
}
