/**
 * The search contract. Two engines implement it — the embedded PostgreSQL engine (segmented
 * tsvector + GIN in the platform's own database) and Meilisearch — and one contract test suite
 * holds both to the same behaviour. Nothing in app/ knows which one it got.
 *
 * Documents are plain data built from the database (search/documents.ts); the database stays the
 * only source of truth and an index can always be rebuilt from it.
 */
import type {
  Channel, CommenterCategory, ModerationStatus, ProcessingStatus,
} from "../db/schema/vocabulary";

export const DOCUMENT_KINDS = ["comment", "provision"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where a document sits in its draft: shared by comments (their article) and provisions. */
export interface ProvisionPlace {
  draftId: string;
  versionId: string;
  /** The provision's stable key (`art-128`), or null for a comment on the whole draft. */
  provisionKey: string | null;
  /** 128 for 第一百二十八条 (the article itself, or the article a 款/项 belongs to); null otherwise. */
  articleNumber: number | null;
  /** Stable key of the enclosing 章 (chapter), when the draft has chapters. */
  chapterKey: string | null;
  /** Labels from the top down, for display: ["第二章 个人信息处理规则", "第一节 一般规定", "第十三条"]. */
  provisionPath: string[];
  /**
   * Article numbers a query's article reference (第一百二十八条, 第128条, 128条) finds: the document's
   * own article and every article its text names.
   */
  articleRefs: number[];
}

/** A comment (意见) as the index holds it. Personal data is never indexed. */
export interface CommentDocument extends ProvisionPlace {
  kind: "comment";
  id: string;
  receiptCode: string;
  contactPointId: string | null;
  /** The contact point's organisation and its ancestors, root first (national … county). */
  organizationIds: string[];
  region: string | null;
  channel: Channel;
  category: CommenterCategory;
  status: ProcessingStatus;
  moderation: ModerationStatus;
  /** When the view was given (YYYY-MM-DD): said-on date, else the day it was entered (Asia/Shanghai). */
  date: string;
  /** ISO timestamp of entry, for "newest first". */
  createdAt: string;
  body: string;
  proposedText: string | null;
  reason: string | null;
  /** Filled by the merge issue: the duplicate/form-letter group the comment belongs to. */
  duplicateGroupId: string | null;
}

/** A provision (the draft's own text) as the index holds it. */
export interface ProvisionDocument extends ProvisionPlace {
  kind: "provision";
  id: string;
  /** 第十三条, 第二章 … */
  label: string;
  heading: string | null;
  text: string;
  /** Published versions are searchable by the public; drafts in preparation only by officers. */
  published: boolean;
  /** Document order within the version, for sorting by position. */
  ordinal: number;
}

export type SearchDocument = CommentDocument | ProvisionDocument;

/** Fields a result can be narrowed by and counted on. */
export const FACETS = [
  "draftId", "versionId", "chapterKey", "provisionKey", "contactPointId", "organizationIds",
  "region", "channel", "category", "status", "moderation",
] as const;
export type FacetName = (typeof FACETS)[number];

/** Every filter is "any of these values"; filters on different fields all apply (AND). */
export type SearchFilters = Partial<Record<FacetName, string[]>> & {
  articleNumber?: number[];
  /** Inclusive, YYYY-MM-DD, on `date`. */
  dateFrom?: string;
  dateTo?: string;
  /** Provisions only: restrict to published versions. */
  published?: boolean;
};

export const SORTS = ["relevance", "newest", "oldest", "position"] as const;
export type SortOrder = (typeof SORTS)[number];

export interface SearchRequest {
  kind: DocumentKind;
  /** What the person typed; may be empty (then everything that matches the filters). */
  query: string;
  filters?: SearchFilters;
  /** Facets to count over the whole result set (all filters applied). */
  facets?: FacetName[];
  /** Default: relevance when there is a query, else newest (comments) / position (provisions). */
  sort?: SortOrder;
  offset?: number;
  /** 1…100, default 20. */
  limit?: number;
}

/** Text split into plain and matched runs: rendered as text, never as HTML. */
export type Snippet = { text: string; match: boolean }[];

export type HighlightField = "body" | "proposedText" | "reason" | "text" | "heading";

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  document: D;
  /** Higher is better; comparable only within one result. */
  score: number;
  /** Cropped around the matches; only fields that matched. */
  highlights: Partial<Record<HighlightField, Snippet>>;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[];
  total: number;
  /** False when the engine estimated the total (large result sets). */
  totalIsExact: boolean;
  facets: Partial<Record<FacetName, FacetCount[]>>;
  tookMs: number;
}

export interface EngineHealth {
  ok: boolean;
  engine: string;
  detail?: string;
}

/** Thrown when the engine cannot be reached or refuses a request: an outage, not a bad query. */
export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SearchUnavailableError";
  }
}

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** Creates indexes and applies settings; safe to call any number of times. */
  ensureReady(): Promise<void>;
  /** Adds or replaces documents by (kind, id). */
  index(documents: SearchDocument[]): Promise<void>;
  /** Removes documents; ids that are not indexed are ignored. */
  remove(kind: DocumentKind, ids: string[]): Promise<void>;
  /** Removes every document of a kind (before a rebuild). */
  clear(kind: DocumentKind): Promise<void>;
  search<K extends DocumentKind>(request: SearchRequest & { kind: K }): Promise<SearchResult<Extract<SearchDocument, { kind: K }>>>;
  /** Number of indexed documents of a kind. */
  count(kind: DocumentKind): Promise<number>;
  health(): Promise<EngineHealth>;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** 1…100; anything else (0, negative, NaN) is clamped, never an error. Both engines page alike. */
export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

/** 0 or more; anything else (negative, NaN) is 0. */
export function clampOffset(offset: number | undefined): number {
  return Math.max(0, Math.trunc(offset ?? 0) || 0);
}

/** The known facets asked for, each once. */
export function requestedFacets(facets: readonly string[] | undefined): FacetName[] {
  return [...new Set(facets ?? [])].filter((f): f is FacetName => (FACETS as readonly string[]).includes(f));
}

/** The order when none is asked for (or relevance without anything to rank by). */
export function effectiveSort(request: Pick<SearchRequest, "kind" | "sort">, hasQuery: boolean): SortOrder {
  if (request.sort && (request.sort !== "relevance" || hasQuery)) return request.sort;
  if (hasQuery) return "relevance";
  return request.kind === "comment" ? "newest" : "position";
}
