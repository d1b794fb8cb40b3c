/**
 * Keeps the search index in step with the database through the outbox. The worker never trusts a
 * row's payload for content: it re-reads the aggregate by id, indexes what exists and removes what
 * no longer does, so replaying a row, or running it late, always converges on the database.
 * Engine outages are retried with capped exponential backoff and jitter; a row that keeps
 * failing becomes a dead letter (`search status` lists them, `search retry-dead` requeues them).
 */
import type { Db } from "../db/client";
import { commentDocumentBatches, loadCommentDocuments, loadProvisionDocuments } from "./documents";
import { SearchUnavailableError, type SearchEngine } from "./engine";
import { claimDue, extendLease, markFailed, markProcessed, pruneProcessed, releaseClaims, type ClaimedRow, type Failure } from "./outbox-claim";

export { reindex, type ReindexOptions } from "./reindex";
export { retryDead, syncStatus, type SyncStatus } from "./sync-status";

export type SyncLog = (entry: { level: "info" | "warn" | "error"; event: string; [key: string]: unknown }) => void;

export const consoleSyncLog: SyncLog = (entry) => {
  const line = JSON.stringify({ at: new Date().toISOString(), component: "search-sync", ...entry });
  if (entry.level === "info") console.log(line);
  else console.error(line);
};

export interface DrainOptions {
  workerId: string;
  batchSize?: number;
  /** The clock (an input, so tests can move it). */
  now?: () => Date;
  /** Attempts before a row becomes a dead letter. */
  maxAttempts?: number;
  /** Milliseconds to wait before attempt n+1 after n failed attempts. */
  backoff?: (failedAttempts: number) => number;
  /** How long a claim is held before another worker may take the row over (a crashed worker). */
  leaseMs?: number;
  log?: SyncLog;
}

export interface DrainResult {
  claimed: number;
  processed: number;
  failed: number;
  dead: number;
}

/** Capped exponential backoff with "equal jitter": between half and all of min(cap, base·2ⁿ⁻¹). */
export function exponentialBackoff(options: { baseMs?: number; capMs?: number; random?: () => number } = {}): (failedAttempts: number) => number {
  const base = options.baseMs ?? 1_000;
  const cap = options.capMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  return (n) => {
    const ceiling = Math.min(cap, base * 2 ** Math.max(0, n - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  };
}

const DEFAULT_LEASE_MS = 2 * 60_000;

/** Claims one batch of due rows, applies them to the engine and records the outcome of each. */
export async function drainOutbox(db: Db, engine: SearchEngine, options: DrainOptions): Promise<DrainResult> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? exponentialBackoff();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const log = options.log ?? consoleSyncLog;
  const rows = await claimDue(db, { workerId: options.workerId, batchSize: options.batchSize ?? 100, now: now(), leaseMs });
  if (rows.length === 0) return { claimed: 0, processed: 0, failed: 0, dead: 0 };

  const errors = await applyRows(db, engine, rows, { workerId: options.workerId, leaseMs, now });
  const ok = rows.filter((r) => !errors.has(r.id));
  const at = now();
  const failures: Failure[] = rows.flatMap((row) => {
    const error = errors.get(row.id);
    return error === undefined ? [] : [{ row, error: describe(error), retryAt: new Date(at.getTime() + backoff(row.attempts + 1)) }];
  });
  const processed = await markProcessed(db, options.workerId, ok, at);
  const dead = await markFailed(db, options.workerId, failures, { now: at, maxAttempts });
  // Rows not marked (a newer change arrived while we worked) go back to the queue at once.
  await releaseClaims(db, options.workerId, ok.filter((r) => !processed.has(r.id)).map((r) => r.id));

  for (const f of failures) {
    log({
      level: dead.has(f.row.id) ? "error" : "warn", event: dead.has(f.row.id) ? "dead_letter" : "retry_later",
      outboxId: f.row.id, topic: f.row.topic, aggregateId: f.row.aggregateId, attempts: f.row.attempts + 1, error: f.error,
      ...(dead.has(f.row.id) ? {} : { retryAt: f.retryAt.toISOString() }),
    });
  }
  return { claimed: rows.length, processed: processed.size, failed: failures.length, dead: dead.size };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Applies each row; returns the error of every row that failed. */
async function applyRows(
  db: Db, engine: SearchEngine, rows: ClaimedRow[], ctx: { workerId: string; leaseMs: number; now: () => Date },
): Promise<Map<number, unknown>> {
  const errors = new Map<number, unknown>();
  const commentRows = rows.filter((r) => r.topic === "comment.changed");
  if (commentRows.length > 0) {
    try {
      await syncComments(db, engine, commentRows.map((r) => r.aggregateId));
    } catch (error) {
      // An outage fails them all; anything else may be one bad row, so find it by going one by one.
      if (error instanceof SearchUnavailableError) for (const r of commentRows) errors.set(r.id, error);
      else for (const r of commentRows) await syncComments(db, engine, [r.aggregateId]).catch((e: unknown) => errors.set(r.id, e));
    }
  }
  for (const row of rows) {
    try {
      if (row.topic === "comments.imported") await syncImport(db, engine, row, ctx);
      else if (row.topic === "version.changed") await syncVersion(db, engine, row.aggregateId);
    } catch (error) {
      errors.set(row.id, error);
    }
  }
  return errors;
}

async function syncComments(db: Db, engine: SearchEngine, ids: string[]): Promise<void> {
  const docs = await loadCommentDocuments(db, ids);
  const gone = [...new Set(ids)].filter((id) => !docs.has(id));
  if (docs.size > 0) await engine.index([...docs.values()]);
  if (gone.length > 0) await engine.remove("comment", gone);
}

async function syncImport(db: Db, engine: SearchEngine, row: ClaimedRow, ctx: { workerId: string; leaseMs: number; now: () => Date }): Promise<void> {
  for await (const batch of commentDocumentBatches(db, { importId: row.aggregateId, batchSize: 500 })) {
    await engine.index(batch);
    await extendLease(db, ctx.workerId, row.id, new Date(ctx.now().getTime() + ctx.leaseMs));
  }
}

/** Indexes a version's provisions; a version that is gone (a discarded draft) takes its provisions with it. */
async function syncVersion(db: Db, engine: SearchEngine, versionId: string): Promise<void> {
  const docs = await loadProvisionDocuments(db, versionId);
  if (docs) {
    if (docs.length > 0) await engine.index(docs);
    return;
  }
  // The index is the only record of what was there: page through it from the top while removing.
  for (let round = 0; round < 10_000; round++) {
    const found = await engine.search({ kind: "provision", query: "", filters: { versionId: [versionId] }, limit: 100, sort: "position" });
    if (found.hits.length === 0) return;
    await engine.remove("provision", found.hits.map((h) => h.document.id));
  }
}

export interface SyncWorker {
  /** Finishes the batch in hand, then stops; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Drains at once instead of waiting for the next poll. */
  wake(): void;
}

export interface WorkerOptions extends Partial<DrainOptions> {
  /** Wait between polls when the queue is empty. */
  pollMs?: number;
  /** Called after every batch (tests and metrics). */
  onBatch?: (result: DrainResult) => void;
  /** Processed rows are deleted once this old (default 7 days); checked when idle, every `pruneEveryMs`. */
  keepProcessedMs?: number;
  pruneEveryMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_BATCH = 10_000;

/**
 * Drains the outbox until stopped: at once again when a batch was full, after `pollMs` when the
 * queue was empty, and with growing pauses when the database itself fails. It never throws: an
 * engine outage is the rows' business (retries, dead letters), and the server keeps serving.
 */
export function startSyncWorker(db: Db, engine: SearchEngine, options: WorkerOptions = {}): SyncWorker {
  const workerId = options.workerId ?? `worker-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const pollMs = options.pollMs ?? 500;
  const batchSize = options.batchSize ?? 100;
  const log = options.log ?? consoleSyncLog;
  const now = options.now ?? (() => new Date());
  const keepProcessedMs = options.keepProcessedMs ?? 7 * DAY_MS;
  const pruneEveryMs = options.pruneEveryMs ?? 10 * 60_000;
  let lastPrune = 0;
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      };
      timer = setTimeout(() => wakeUp?.(), ms);
    });

  const loop = (async () => {
    let databaseFailures = 0;
    while (!stopped) {
      let full = false;
      try {
        const result = await drainOutbox(db, engine, { ...options, workerId, batchSize, log });
        databaseFailures = 0;
        full = result.claimed >= batchSize;
        options.onBatch?.(result);
      } catch (error) {
        databaseFailures += 1;
        log({ level: "error", event: "drain_failed", error: describe(error) });
      }
      if (stopped) break;
      if (!full && databaseFailures === 0 && Date.now() - lastPrune >= pruneEveryMs) {
        // When idle, a bounded delete of old processed rows: the outbox does not grow for ever.
        lastPrune = Date.now();
        try {
          const pruned = await pruneProcessed(db, { before: new Date(now().getTime() - keepProcessedMs), limit: PRUNE_BATCH });
          if (pruned > 0) log({ level: "info", event: "outbox_pruned", rows: pruned });
        } catch (error) {
          log({ level: "warn", event: "prune_failed", error: describe(error) });
        }
      }
      if (!full) await sleep(databaseFailures > 0 ? Math.min(30_000, pollMs * 2 ** databaseFailures) : pollMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
    wake() {
      wakeUp?.();
    },
  };
}
