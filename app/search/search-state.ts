/**
 * The officer search page's whole state — query, filters, date range, sort, page — read from and
 * written back to a URL, so a shared link reproduces the result. Pure, shared by server and browser.
 *
 * Every filter is a repeated query parameter (what a GET form of checkboxes sends); values that
 * cannot be valid (unknown vocabulary, malformed ids or dates) are dropped rather than refused,
 * so an edited or truncated link still opens.
 */
import {
  CHANNELS, COMMENTER_CATEGORIES, MODERATION_STATUSES, PROCESSING_STATUSES,
} from "../../db/schema/vocabulary";
import { SORTS, type FacetName, type SearchFilters, type SortOrder } from "../../search/engine";

/** URL parameter for each facet the page filters on (short, readable links). */
export const FILTER_PARAMS = {
  draftId: "draft",
  versionId: "version",
  chapterKey: "chapter",
  provisionKey: "article",
  contactPointId: "cp",
  organizationIds: "org",
  region: "region",
  channel: "channel",
  category: "category",
  status: "status",
  moderation: "moderation",
} as const satisfies Record<FacetName, string>;

export const PAGE_FACETS = Object.keys(FILTER_PARAMS) as FacetName[];
export const SEARCH_PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;
/** Deep pages cost the engine more and nobody reads them; narrow the search instead. */
export const MAX_PAGE = 500;
const MAX_VALUES = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[\w.-]{1,100}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const VALID: Record<FacetName, (v: string) => boolean> = {
  draftId: (v) => UUID.test(v),
  versionId: (v) => UUID.test(v),
  chapterKey: (v) => KEY.test(v),
  provisionKey: (v) => KEY.test(v),
  contactPointId: (v) => UUID.test(v),
  organizationIds: (v) => UUID.test(v),
  region: (v) => v.length > 0 && v.length <= 100,
  channel: (v) => (CHANNELS as readonly string[]).includes(v),
  category: (v) => (COMMENTER_CATEGORIES as readonly string[]).includes(v),
  status: (v) => (PROCESSING_STATUSES as readonly string[]).includes(v),
  moderation: (v) => (MODERATION_STATUSES as readonly string[]).includes(v),
};

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  dateFrom: string | null;
  dateTo: string | null;
  /** Null: the engine's default (relevance with a query, else newest). */
  sort: SortOrder | null;
  page: number;
}

export const EMPTY_STATE: SearchState = { q: "", filters: {}, dateFrom: null, dateTo: null, sort: null, page: 1 };

function validDate(v: string | null): string | null {
  if (!v || !DATE.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? null : v;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState["filters"] = {};
  for (const facet of PAGE_FACETS) {
    const values = [...new Set(params.getAll(FILTER_PARAMS[facet]).map((v) => v.trim()).filter(VALID[facet]))].slice(0, MAX_VALUES);
    if (values.length > 0) filters[facet] = values;
  }
  const sort = params.get("sort");
  const page = Number(params.get("page") ?? "1");
  let dateFrom = validDate(params.get("from"));
  let dateTo = validDate(params.get("to"));
  if (dateFrom && dateTo && dateFrom > dateTo) [dateFrom, dateTo] = [dateTo, dateFrom];
  return {
    q: [...(params.get("q") ?? "").trim()].slice(0, MAX_QUERY_LENGTH).join(""),
    filters,
    dateFrom,
    dateTo,
    sort: (SORTS as readonly string[]).includes(sort ?? "") ? (sort as SortOrder) : null,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string for a state (without "?"), in a fixed order so equal states give equal links. */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of PAGE_FACETS) for (const v of state.filters[facet] ?? []) params.append(FILTER_PARAMS[facet], v);
  if (state.dateFrom) params.set("from", state.dateFrom);
  if (state.dateTo) params.set("to", state.dateTo);
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  return params;
}

export function searchHref(base: string, state: SearchState): string {
  const query = searchParamsOf(state).toString();
  return query ? `${base}?${query}` : base;
}

/** The state with one filter value added (page back to 1: the result changed). */
export function withFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state.filters[facet] ?? [];
  if (current.includes(value)) return { ...state, page: 1 };
  return { ...state, filters: { ...state.filters, [facet]: [...current, value] }, page: 1 };
}

export function withoutFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  const rest = (state.filters[facet] ?? []).filter((v) => v !== value);
  const filters = { ...state.filters };
  if (rest.length > 0) filters[facet] = rest;
  else delete filters[facet];
  return { ...state, filters, page: 1 };
}

export function hasFilter(state: SearchState, facet: FacetName, value: string): boolean {
  return (state.filters[facet] ?? []).includes(value);
}

/** The engine's filters for a state (scope is added by the service, never taken from the URL). */
export function engineFilters(state: SearchState): SearchFilters {
  const filters: SearchFilters = {};
  for (const facet of PAGE_FACETS) if (state.filters[facet]?.length) filters[facet] = [...state.filters[facet]!];
  if (state.dateFrom) filters.dateFrom = state.dateFrom;
  if (state.dateTo) filters.dateTo = state.dateTo;
  return filters;
}

export function isEmptySearch(state: SearchState): boolean {
  return !state.q && !state.dateFrom && !state.dateTo && PAGE_FACETS.every((f) => !state.filters[f]?.length);
}
