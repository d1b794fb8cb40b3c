/**
 * The Meilisearch engine: one index per document kind (`${prefix}comments`, `${prefix}provisions`),
 * primary key `id`, settings from search/meilisearch-settings.ts applied only when they differ.
 *
 * Chinese text. Documents carry a hidden `searchText` (fold()ed text plus jieba search-mode terms
 * separated by spaces) and the query is sent as its folded jieba terms separated by spaces, so
 * Meilisearch matches the same words the embedded engine does, whatever its own segmentation of a
 * long compound; article references in the query become an `articleRefs` filter. Highlights are
 * computed here with snippet() on the original fields, so both engines highlight alike.
 *
 * Failures: every write is a task that is awaited; a task that ends failed or canceled throws a
 * MeilisearchTaskError carrying Meilisearch's code. An engine that cannot be reached, times out,
 * answers 5xx or refuses our key throws SearchUnavailableError (the sync worker retries those).
 */
import {
  Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError,
  type EnqueuedTask, type Index, type SearchParams, type SearchResponse, type Settings, type Task,
} from "meilisearch";
import {
  SearchUnavailableError, clampLimit, clampOffset, effectiveSort, requestedFacets,
  type DocumentKind, type EngineHealth, type FacetName, type SearchDocument,
  type SearchEngine, type SearchRequest, type SearchResult, type SortOrder,
} from "./engine";
import { mapInTurns } from "./map-in-turns";
import { highlightsOf } from "./highlight";
import {
  anyOf, buildFilter, facetCounts, filterNumber, filterString, fromStored, sortRules, toStored,
  type FacetDistribution, type Stored,
} from "./meilisearch-query";
import { MAX_TOTAL_HITS, settingsDiff, wantedSettings } from "./meilisearch-settings";
import { parseQuery } from "./query";

export interface MeilisearchEngineOptions {
  url: string;
  key?: string;
  /** Prepended to the index names (`minyi_` → `minyi_comments`); lets tests and tenants share a server. */
  indexPrefix?: string;
  /** Per HTTP request, milliseconds (default 5000). */
  timeoutMs?: number;
  /** How long to wait for one task to finish, milliseconds (default 60000). */
  taskTimeoutMs?: number;
  /** How often to poll a task, milliseconds (default 50). */
  taskPollMs?: number;
}

/** A Meilisearch task (or request) that the engine refused: a bug or bad data, not an outage. */
export class MeilisearchTaskError extends Error {
  readonly code: string;
  readonly taskUid: number | null;
  constructor(message: string, code: string, taskUid: number | null) {
    super(message);
    this.name = "MeilisearchTaskError";
    this.code = code;
    this.taskUid = taskUid;
  }
}

const KINDS: DocumentKind[] = ["comment", "provision"];
const INDEX_SUFFIX: Record<DocumentKind, string> = { comment: "comments", provision: "provisions" };
/** Documents per addDocuments request (Meilisearch's default payload limit is 100 MB). */
const BATCH = 1000;

interface RangeResult {
  hits: Stored[];
  total: number;
  exact: boolean;
  facets: FacetDistribution;
}

/**
 * Hits from..from+count of one search. Page mode (page/hitsPerPage) makes Meilisearch count every
 * match up to maxTotalHits, so the total is exact below that (offset/limit would only give an
 * estimate). A range that does not start on a page boundary is read from the first page, widened,
 * and cut; count 0 still gives the total and the facets.
 */
async function searchRange(
  index: Index<Stored>, q: string,
  options: { filter: string[]; facets: FacetName[]; sort: string[] | null },
  from: number, count: number,
): Promise<RangeResult> {
  const aligned = count > 0 && from % count === 0;
  const params: SearchParams = {
    page: aligned ? from / count + 1 : 1,
    hitsPerPage: aligned ? count : count === 0 ? 0 : from + count,
    matchingStrategy: "all",
    showRankingScore: true,
    ...(options.filter.length ? { filter: options.filter } : {}),
    ...(options.facets.length ? { facets: options.facets } : {}),
    ...(options.sort ? { sort: options.sort } : {}),
  };
  const response: SearchResponse<Stored> = await index.search<Stored>(q, params);
  const total = response.totalHits ?? response.estimatedTotalHits ?? response.hits.length;
  return {
    hits: aligned ? response.hits : response.hits.slice(from, from + count),
    total,
    exact: response.totalHits !== undefined && total < MAX_TOTAL_HITS,
    facets: response.facetDistribution,
  };
}

/** Meilisearch's own errors, translated: outages to SearchUnavailableError, refusals to MeilisearchTaskError. */
function translate(error: unknown, what: string): unknown {
  if (error instanceof SearchUnavailableError || error instanceof MeilisearchTaskError) return error;
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchTaskTimeOutError) {
    return new SearchUnavailableError(`meilisearch: ${what}: ${error.message}`, { cause: error });
  }
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    const code = error.cause?.code ?? `http_${status}`;
    const message = `meilisearch: ${what}: ${code}: ${error.cause?.message ?? error.message}`;
    if (status >= 500 || status === 401 || status === 403) return new SearchUnavailableError(message, { cause: error });
    return new MeilisearchTaskError(message, code, null);
  }
  // A proxy answering with HTML instead of Meilisearch's JSON.
  if (error instanceof SyntaxError) return new SearchUnavailableError(`meilisearch: ${what}: unreadable response`, { cause: error });
  return error;
}

export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const client = new Meilisearch({
    host: options.url,
    apiKey: options.key,
    timeout: options.timeoutMs ?? 5000,
    defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 60_000, interval: options.taskPollMs ?? 50 },
  });
  const prefix = options.indexPrefix ?? "";
  const uid = (kind: DocumentKind) => `${prefix}${INDEX_SUFFIX[kind]}`;
  const index = (kind: DocumentKind): Index<Stored> => client.index<Stored>(uid(kind));

  async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw translate(error, what);
    }
  }

  /** Waits for a task and turns anything but success into an error with Meilisearch's code. */
  function succeeded(task: Task, what: string): Task {
    if (task.status === "succeeded") return task;
    const code = task.error?.code ?? `task_${task.status}`;
    const message = task.error?.message ?? `task ${task.status}`;
    throw new MeilisearchTaskError(`meilisearch: ${what}: task ${task.uid} (${task.type}) ${task.status}: ${code}: ${message}`, code, task.uid);
  }

  async function ensureIndex(kind: DocumentKind): Promise<void> {
    try {
      await client.getRawIndex(uid(kind));
      return;
    } catch (error) {
      if (!(error instanceof MeilisearchApiError && error.cause?.code === "index_not_found")) throw error;
    }
    const task = await client.createIndex(uid(kind), { primaryKey: "id" }).waitTask();
    // Another process may have created it between our GET and POST: that is what we wanted.
    if (task.status === "failed" && task.error?.code === "index_already_exists") return;
    succeeded(task, `create index ${uid(kind)}`);
  }

  async function ensureSettings(kind: DocumentKind): Promise<void> {
    const current: Settings = await index(kind).getSettings();
    const diff = settingsDiff(current, wantedSettings(kind));
    if (Object.keys(diff).length === 0) return;
    succeeded(await index(kind).updateSettings(diff).waitTask(), `update settings of ${uid(kind)}`);
  }

  const engine: SearchEngine = {
    name: "meilisearch",

    async ensureReady() {
      await guarded("ensureReady", async () => {
        for (const kind of KINDS) {
          await ensureIndex(kind);
          await ensureSettings(kind);
        }
      });
    },

    async index(documents) {
      await guarded("index", async () => {
        for (const kind of KINDS) {
          // The last version of a document in one call wins, as with the embedded engine.
          const byId = new Map<string, Stored>();
          const ofKind = documents.filter((doc) => doc.kind === kind);
          const stored = await mapInTurns(ofKind, toStored);
          ofKind.forEach((doc, i) => byId.set(doc.id, stored[i]!));
          const all = [...byId.values()];
          // Enqueue every batch (one request at a time, so they queue in order), then wait for all:
          // Meilisearch merges consecutive additions into one indexing run, far faster than
          // waiting after each batch.
          const tasks: EnqueuedTask[] = [];
          for (let i = 0; i < all.length; i += BATCH) tasks.push(await index(kind).addDocuments(all.slice(i, i + BATCH)));
          for (const task of tasks) succeeded(await client.tasks.waitForTask(task), `index into ${uid(kind)}`);
        }
      });
    },

    async remove(kind, ids) {
      if (!ids.length) return;
      await guarded("remove", async () => {
        // Delete by filter rather than by id list: the OpenAPI description we are held to lists the
        // id-list route under a path the server does not serve, and `id` is filterable anyway.
        const unique = [...new Set(ids)];
        for (let i = 0; i < unique.length; i += BATCH) {
          const filter = anyOf("id", unique.slice(i, i + BATCH).map(filterString));
          succeeded(await index(kind).deleteDocuments({ filter }).waitTask(), `remove from ${uid(kind)}`);
        }
      });
    },

    async clear(kind) {
      await guarded("clear", async () => {
        succeeded(await index(kind).deleteAllDocuments().waitTask(), `clear ${uid(kind)}`);
      });
    },

    async count(kind) {
      return guarded("count", async () => {
        try {
          return (await index(kind).getStats()).numberOfDocuments;
        } catch (error) {
          if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return 0;
          throw error;
        }
      });
    },

    async health(): Promise<EngineHealth> {
      try {
        const health = await client.health();
        return health.status === "available"
          ? { ok: true, engine: "meilisearch" }
          : { ok: false, engine: "meilisearch", detail: `status ${String(health.status)}` };
      } catch (error) {
        return { ok: false, engine: "meilisearch", detail: (error as Error).message };
      }
    },

    async search<K extends DocumentKind>(request: SearchRequest & { kind: K }) {
      const started = performance.now();
      type D = Extract<SearchDocument, { kind: K }>;
      const parsed = parseQuery(request.query ?? "");
      // queryTerms are folded already; spaces between them give Meilisearch our word boundaries.
      const q = parsed.terms.filter((t) => t.trim() !== "").join(" ");
      const refs = parsed.articleNumbers;
      const hasQuery = q !== "" || refs.length > 0;
      const sort: SortOrder = effectiveSort(request, hasQuery);
      const limit = clampLimit(request.limit);
      const offset = clampOffset(request.offset);
      const facetNames = requestedFacets(request.facets);
      const filter = buildFilter(request.filters ?? {}, refs);
      const rules = sortRules(sort);
      const range = (extra: string[], from: number, count: number) => guarded("search", () =>
        searchRange(index(request.kind), q, { filter: [...filter, ...extra], facets: facetNames, sort: rules }, from, count));

      let parts: { hits: Stored[]; boost: number }[];
      let total: number;
      let exact: boolean;
      let distributions: FacetDistribution[];
      if (sort === "relevance" && refs.length) {
        // Comments filed on the article the query names come before those that only mention it
        // (as in the embedded engine): two disjoint searches, stitched; the first one's scores are
        // lifted by 1 so the scores still descend.
        const own = `articleNumber IN [${refs.map(filterNumber).join(", ")}]`;
        const first = await range([own], offset, limit);
        const taken = first.hits.length;
        const second = await range([`NOT ${own}`], Math.max(0, offset - first.total), limit - taken);
        parts = [{ hits: first.hits, boost: 1 }, { hits: second.hits, boost: 0 }];
        total = first.total + second.total;
        exact = first.exact && second.exact;
        distributions = [first.facets, second.facets];
      } else {
        const only = await range([], offset, limit);
        parts = [{ hits: only.hits, boost: 0 }];
        ({ total, exact } = only);
        distributions = [only.facets];
      }
      const hits = parts.flatMap(({ hits: page, boost }) => page.map((hit) => {
        const document = fromStored<D>(hit);
        const score = (typeof hit._rankingScore === "number" ? hit._rankingScore : 0) + boost;
        return { document, score, highlights: highlightsOf(document, parsed.terms) };
      }));
      return {
        hits, total, totalIsExact: exact,
        facets: facetCounts(distributions, facetNames),
        tookMs: Math.round(performance.now() - started),
      } satisfies SearchResult<D>;
    },
  };
  return engine;
}

