/**
 * A local HTTP server that answers the real meilisearch client the way Meilisearch 1.15 does, for
 * the routes the adapter uses: indexes, settings (kept and normalised like the server: partial
 * updates merged, sortable attributes sorted, typo-tolerance defaults filled in), documents,
 * finished tasks, stats, health and search (canned, or a plain page over the stored documents).
 *
 * Every request is recorded and checked against the OpenAPI description before it is answered
 * (a request the description rejects gets a 400 bad_request, as the server would refuse it), and
 * every response is checked before it is sent; problems accumulate in `violations`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readClause } from "./meilisearch-filter-reader";
import type { MeilisearchOpenApi } from "./meilisearch-openapi";

type Doc = Record<string, unknown>;
type Settings = Record<string, unknown>;

export interface Recorded {
  method: string;
  url: string;
  body?: unknown;
  status: number;
  response?: unknown;
}

export interface TaskFailure {
  code: string;
  message: string;
  type?: "invalid_request" | "internal" | "auth" | "system";
}

export type SearchHandler = (indexUid: string, body: Record<string, unknown>) => Record<string, unknown>;

interface FakeIndex {
  uid: string;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
  settings: Settings;
  docs: Map<string, Doc>;
}

export function defaultSettings(): Settings {
  return {
    displayedAttributes: ["*"], searchableAttributes: ["*"], filterableAttributes: [], sortableAttributes: [],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"], stopWords: [],
    nonSeparatorTokens: [], separatorTokens: [], dictionary: [], synonyms: {}, distinctAttribute: null,
    proximityPrecision: "byWord",
    typoTolerance: {
      enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "alpha" } },
    pagination: { maxTotalHits: 1000 },
    embedders: {}, searchCutoffMs: null, localizedAttributes: null, facetSearch: true, prefixSearch: "indexingTime",
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** A settings PATCH as Meilisearch applies it: null resets, nested objects merge, sets come back sorted. */
function applySettings(current: Settings, patch: Settings): Settings {
  const defaults = defaultSettings();
  const next: Settings = structuredClone(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) next[key] = defaults[key];
    else if (isObject(value) && isObject(next[key]) && key !== "synonyms" && key !== "embedders") {
      const merged: Record<string, unknown> = { ...(next[key] as Record<string, unknown>) };
      for (const [k, v] of Object.entries(value)) {
        merged[k] = isObject(v) && isObject(merged[k]) && k !== "sortFacetValuesBy" ? { ...(merged[k] as object), ...v } : v;
      }
      next[key] = merged;
    } else next[key] = structuredClone(value);
  }
  if (Array.isArray(next.sortableAttributes)) next.sortableAttributes = [...(next.sortableAttributes as string[])].sort();
  return next;
}

export class FakeMeilisearch {
  readonly requests: Recorded[] = [];
  readonly violations: string[] = [];
  readonly indexes = new Map<string, FakeIndex>();
  /** Canned search answers; by default a page over the stored documents with every score 1. */
  onSearch: SearchHandler | null = null;
  url = "";
  /** How many polls of a task answer "processing" before it is finished (Infinity: never). */
  pollsBeforeDone = 1;
  /** When set, requests must carry `Authorization: Bearer <key>` (else 401, as the server does). */
  requireKey: string | null = null;
  /** When true, requests are read and never answered (a hung server). */
  hang = false;
  private polls = new Map<number, number>();
  private pending = new Map<number, () => void>();
  private tasks = new Map<number, Record<string, unknown>>();
  private nextTask = 0;
  private failure: TaskFailure | null = null;
  private server = createServer((req, res) => void this.handle(req, res));

  constructor(private readonly spec: MeilisearchOpenApi) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next task enqueued ends `failed` with this error. */
  failNextTask(failure: TaskFailure): void {
    this.failure = failure;
  }

  /** Recorded requests other than task polling, as "METHOD /path". */
  calls(): string[] {
    return this.requests.filter((r) => !r.url.startsWith("/tasks/")).map((r) => `${r.method} ${r.url}`);
  }

  clearLog(): void {
    this.requests.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const record: Recorded = { method, url, body, status: 0 };
    this.requests.push(record);
    if (this.hang) return;

    const problems = this.spec.checkRequest({ method, url, body });
    let status: number;
    let answer: unknown;
    if (problems.length) {
      this.violations.push(...problems.map((p) => `request: ${p}`));
      [status, answer] = [400, this.error("bad_request", problems.join("; "))];
    } else if (this.requireKey !== null && url !== "/health" && req.headers.authorization !== `Bearer ${this.requireKey}`) {
      [status, answer] = [401, this.error("missing_authorization_header", "The Authorization header is missing. It must use the bearer authorization method.", "auth")];
      this.violations.push(...this.spec.checkResponse(method, url, status, answer).map((p) => `response: ${p}`));
    } else {
      try {
        [status, answer] = this.route(method, new URL(url, "http://x").pathname, body);
      } catch (error) {
        this.violations.push(`fake: ${method} ${url}: ${(error as Error).message}`);
        [status, answer] = [500, this.error("internal", (error as Error).message, "internal")];
      }
      const responseProblems = this.spec.checkResponse(method, url, status, answer);
      this.violations.push(...responseProblems.map((p) => `response: ${p}`));
    }
    record.status = status;
    record.response = answer;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(answer === undefined ? "" : JSON.stringify(answer));
  }

  private error(code: string, message: string, type = "invalid_request") {
    return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` };
  }

  /**
   * A task. Its effect happens when it finishes, which is when a poll first sees it finished: an
   * adapter that did not wait for its tasks would read stale state in the tests. Tasks are never
   * shown `enqueued`: the description types startedAt as a string, the server sends null then.
   */
  private enqueue(indexUid: string | null, type: string, details: Record<string, unknown> | null, apply: () => TaskFailure | void): [number, unknown] {
    const uid = this.nextTask++;
    const now = new Date().toISOString();
    const preset = this.failure;
    this.failure = null;
    this.tasks.set(uid, {
      uid, batchUid: uid, indexUid, status: "processing", type, canceledBy: null, details, error: null,
      duration: null, enqueuedAt: now, startedAt: now,
    });
    this.pending.set(uid, () => {
      const failure = preset ?? apply() ?? null;
      Object.assign(this.tasks.get(uid)!, {
        status: failure ? "failed" : "succeeded", duration: "PT0.001S", finishedAt: new Date().toISOString(),
        error: failure ? this.error(failure.code, failure.message, failure.type) : null,
      });
    });
    return [202, { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: now }];
  }

  private route(method: string, path: string, body: unknown): [number, unknown] {
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (method === "GET" && path === "/health") return [200, { status: "available" }];
    if (parts[0] === "tasks" && parts.length === 2 && method === "GET") {
      const uid = Number(parts[1]);
      const task = this.tasks.get(uid);
      if (!task) return [404, this.error("task_not_found", `Task \`${parts[1]}\` not found.`)];
      const polled = (this.polls.get(uid) ?? 0) + 1;
      this.polls.set(uid, polled);
      if (polled > this.pollsBeforeDone) {
        this.pending.get(uid)?.();
        this.pending.delete(uid);
      }
      return [200, structuredClone(task)];
    }
    if (parts[0] !== "indexes") throw new Error(`route not faked: ${method} ${path}`);
    if (parts.length === 1 && method === "POST") {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
      return this.enqueue(uid, "indexCreation", null, () => {
        if (this.indexes.has(uid)) return { code: "index_already_exists", message: `Index \`${uid}\` already exists.` };
        const now = new Date().toISOString();
        this.indexes.set(uid, { uid, primaryKey: primaryKey ?? null, createdAt: now, updatedAt: now, settings: defaultSettings(), docs: new Map() });
      });
    }
    const uid = parts[1]!;
    const index = this.indexes.get(uid);
    const notFound: [number, unknown] = [404, this.error("index_not_found", `Index \`${uid}\` not found.`)];
    const rest = parts.slice(2).join("/");
    if (rest === "" && method === "GET") {
      return index ? [200, { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.updatedAt }] : notFound;
    }
    if (!index) return notFound; // (writes to a missing index would create it; the adapter never relies on that)
    switch (`${method} ${rest}`) {
      case "GET settings":
        return [200, index.settings];
      case "PATCH settings":
        return this.enqueue(uid, "settingsUpdate", body as Settings, () => {
          index.settings = applySettings(index.settings, body as Settings);
        });
      case "POST documents": {
        const docs = body as Doc[];
        return this.enqueue(uid, "documentAdditionOrUpdate", null, () => {
          for (const doc of docs) index.docs.set(String(doc[index.primaryKey ?? "id"]), doc);
        });
      }
      case "POST documents/delete": {
        const clause = readClause((body as { filter: string }).filter);
        if (clause.attribute !== "id" || clause.op !== "IN") throw new Error(`fake deletes by id only: ${JSON.stringify(clause)}`);
        return this.enqueue(uid, "documentDeletion", null, () => {
          for (const id of clause.values) index.docs.delete(id);
        });
      }
      case "DELETE documents":
        return this.enqueue(uid, "documentDeletion", null, () => index.docs.clear());
      case "GET stats":
        return [200, {
          numberOfDocuments: index.docs.size, rawDocumentDbSize: 4096 * index.docs.size, avgDocumentSize: index.docs.size ? 4096 : 0,
          isIndexing: false, numberOfEmbeddings: 0, numberOfEmbeddedDocuments: 0, fieldDistribution: {},
        }];
      case "POST search":
        return [200, this.onSearch ? this.onSearch(uid, body as Record<string, unknown>) : this.defaultSearch(index, body as Record<string, unknown>)];
      default:
        throw new Error(`route not faked: ${method} ${path}`);
    }
  }

  /** All stored documents (no filtering, no ranking), paged as asked. */
  private defaultSearch(index: FakeIndex, body: Record<string, unknown>): Record<string, unknown> {
    const all = [...index.docs.values()];
    const hitsPerPage = Number(body.hitsPerPage ?? 20);
    const page = Number(body.page ?? 1);
    const hits = all.slice((page - 1) * hitsPerPage, page * hitsPerPage).map((d) => ({ ...d, _rankingScore: 1 }));
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const facet of (body.facets as string[] | undefined) ?? []) {
      const counts: Record<string, number> = {};
      for (const doc of all) {
        const value = doc[facet];
        for (const v of Array.isArray(value) ? value : [value]) if (v !== null && v !== undefined) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
      }
      facetDistribution[facet] = counts;
    }
    return {
      hits, query: String(body.q ?? ""), processingTimeMs: 1, hitsPerPage, page,
      totalPages: Math.ceil(all.length / Math.max(1, hitsPerPage)), totalHits: all.length,
      ...(body.facets ? { facetDistribution, facetStats: {} } : {}),
    };
  }
}
