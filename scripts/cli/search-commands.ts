/**
 * `npm run cli -- search …`: rebuild the index, see how far behind it is, requeue dead letters and
 * run a query from the console. The database and engine come from the configuration (DATABASE_URL
 * or the PGlite folder; MEILI_URL or the embedded engine); tests hand in their own.
 */
import type { Db } from "../../db/client";
import { createDb } from "../../db/client";
import { readConfig } from "../../app/platform/config.server";
import { createSearchEngine } from "../../search/create-engine";
import { DOCUMENT_KINDS, MAX_LIMIT, type DocumentKind, type SearchEngine, type SearchHit, type Snippet } from "../../search/engine";
import { startBackgroundSync } from "../../search/background-sync";
import { reindex, retryDead, syncStatus, type SyncStatus } from "../../search/sync";
import { UsageError, type Group } from "./registry";

export interface SearchCliDeps {
  open(): Promise<{ db: Db; engine: SearchEngine; close(): Promise<void> }>;
  out(line: string): void;
  err(line: string): void;
  /** Resolves when a long-running command should stop (SIGINT/SIGTERM by default). */
  untilStopped?: () => Promise<void>;
}

const untilSignal = () =>
  new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });

async function openFromConfig() {
  const config = readConfig();
  const handle = await createDb(config.database);
  return { db: handle.db, engine: createSearchEngine(config.search, handle.db), close: () => handle.close() };
}

function kindOption(value: unknown): DocumentKind | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value)) return value as DocumentKind;
  throw new UsageError(`--kind must be one of: ${DOCUMENT_KINDS.join(", ")}.`);
}

async function using<T>(deps: SearchCliDeps, run: (opened: { db: Db; engine: SearchEngine }) => Promise<T>): Promise<T> {
  const opened = await deps.open();
  try {
    return await run(opened);
  } finally {
    await opened.close();
  }
}

const snippetText = (s: Snippet | undefined) => s?.map((run) => (run.match ? `[${run.text}]` : run.text)).join("") ?? null;
const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function hitJson(hit: SearchHit) {
  const d = hit.document;
  const highlight = Object.fromEntries(Object.entries(hit.highlights).map(([field, s]) => [field, snippetText(s)]));
  const common = { id: d.id, kind: d.kind, score: hit.score, draftId: d.draftId, versionId: d.versionId, provisionKey: d.provisionKey, articleNumber: d.articleNumber };
  return d.kind === "comment"
    ? { ...common, receiptCode: d.receiptCode, date: d.date, channel: d.channel, category: d.category, moderation: d.moderation, text: d.body, highlight }
    : { ...common, label: d.label, heading: d.heading, published: d.published, text: d.text, highlight };
}

function statusText(s: SyncStatus): string[] {
  const count = (kind: DocumentKind) => `${s.counts[kind].indexed ?? "?"} indexed / ${s.counts[kind].database} in the database`;
  const lines = [
    `engine      ${s.engine.engine} ${s.engine.ok ? "ok" : `DOWN${s.engine.detail ? ` (${s.engine.detail})` : ""}`}`,
    `pending     ${s.pending} (lag ${s.lagSeconds} s, ${s.retrying} being retried)`,
    `comments    ${count("comment")}`,
    `provisions  ${count("provision")}`,
    `dead        ${s.deadCount}${s.deadCount > 0 ? ' (requeue with "npm run cli -- search retry-dead")' : ""}`,
  ];
  for (const d of s.dead) lines.push(`  #${d.id} ${d.topic} ${d.aggregateType}:${d.aggregateId} after ${d.attempts} attempts at ${d.deadAt}: ${oneLine(d.lastError ?? "", 120)}`);
  return lines;
}

export function searchGroupWith(deps: SearchCliDeps): Group {
  return {
    summary: "full-text search: rebuild the index, check sync lag and dead letters, query",
    commands: {
      reindex: {
        summary: "clear the index and rebuild it from the database (progress on stderr)",
        usage: "[--kind comment|provision]",
        options: { kind: { type: "string" } },
        async run({ values }) {
          const kind = kindOption(values.kind);
          await using(deps, async ({ db, engine }) => {
            let last = 0;
            const started = Date.now();
            const counts = await reindex(db, engine, {
              kind,
              onProgress: ({ kind: k, done, total }) => {
                // A line a second at most, and always the first and the last.
                if (done !== 0 && done !== total && Date.now() - last < 1_000) return;
                last = Date.now();
                deps.err(`${k}: ${done}/${total}`);
              },
            });
            const summary = DOCUMENT_KINDS.filter((k) => counts[k] !== null).map((k) => `${counts[k]} ${k}s`).join(", ");
            deps.out(`reindexed ${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s (${engine.name})`);
          });
        },
      },
      status: {
        summary: "pending changes, lag, dead letters, engine health and indexed vs stored counts",
        usage: "[--json]",
        options: { json: { type: "boolean" } },
        async run({ values }) {
          const status = await using(deps, ({ db, engine }) => syncStatus(db, engine));
          if (values.json) deps.out(JSON.stringify(status, null, 2));
          else for (const line of statusText(status)) deps.out(line);
          // Non-zero when the index cannot be trusted, so monitoring can run this as a check.
          return status.engine.ok && status.deadCount === 0 ? 0 : 3;
        },
      },
      "retry-dead": {
        summary: "put every dead letter of the search topics back in the queue",
        usage: "",
        async run() {
          const n = await using(deps, ({ db }) => retryDead(db));
          deps.out(`requeued ${n} dead letter${n === 1 ? "" : "s"}`);
        },
      },
      worker: {
        summary: "drain the search outbox in this process until stopped (for SEARCH_SYNC=separate)",
        usage: "",
        async run() {
          await using(deps, async ({ db, engine }) => {
            const sync = startBackgroundSync(db, engine);
            deps.err(`search worker: draining the outbox into ${engine.name}; stop with Ctrl-C or SIGTERM`);
            await (deps.untilStopped ?? untilSignal)();
            await sync.stop();
            deps.err("search worker: stopped");
          });
        },
      },
      query: {
        summary: "search comments (or provisions) and print hits with ids and scores",
        usage: '"<query>" [--draft ID] [--kind comment|provision] [--limit N] [--json]',
        options: { draft: { type: "string" }, kind: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
        async run({ values, positionals }) {
          const query = positionals.join(" ").trim();
          const kind = kindOption(values.kind) ?? "comment";
          const limit = values.limit === undefined ? 20 : Number(values.limit);
          if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}.`);
          const draft = typeof values.draft === "string" ? values.draft : undefined;
          const result = await using(deps, ({ engine }) =>
            engine.search({ kind, query, limit, filters: draft ? { draftId: [draft] } : undefined }),
          );
          if (values.json) {
            deps.out(JSON.stringify({ total: result.total, totalIsExact: result.totalIsExact, tookMs: result.tookMs, hits: result.hits.map(hitJson) }, null, 2));
            return;
          }
          deps.out(`${result.totalIsExact ? "" : "~"}${result.total} hits in ${result.tookMs} ms`);
          for (const hit of result.hits) {
            const d = hit.document;
            const where = d.kind === "comment" ? d.receiptCode : d.label;
            const text = snippetText(hit.highlights.body ?? hit.highlights.text) ?? (d.kind === "comment" ? d.body : d.text);
            deps.out(`${hit.score.toFixed(3).padStart(8)}  ${d.id}  ${where.padEnd(12)}  ${oneLine(text, 60)}`);
          }
        },
      },
    },
  };
}

export const searchGroup: Group = searchGroupWith({ open: openFromConfig, out: (l) => console.log(l), err: (l) => console.error(l) });
