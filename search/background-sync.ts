/**
 * What a server process runs beside the web server: prepare the engine, fill an index that is
 * empty while the database is not (a new engine, or a database from before search existed), then
 * drain the outbox until stopped. None of it delays or breaks serving: an engine that is down is
 * retried in the background, and intake only ever writes outbox rows.
 */
import type { Db } from "../db/client";
import { databaseCounts } from "./documents";
import { DOCUMENT_KINDS, type DocumentKind, type SearchEngine } from "./engine";
import { consoleSyncLog, reindex, startSyncWorker, type SyncLog, type WorkerOptions } from "./sync";

export interface BackgroundSync {
  stop(): Promise<void>;
}

export function startBackgroundSync(
  db: Db, engine: SearchEngine, options: WorkerOptions & { fillEmptyIndex?: boolean; log?: SyncLog } = {},
): BackgroundSync {
  const log = options.log ?? consoleSyncLog;
  let stopped = false;
  let worker: ReturnType<typeof startSyncWorker> | null = null;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

  const started = (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await engine.ensureReady();
        break;
      } catch (error) {
        log({ level: "warn", event: "engine_not_ready", engine: engine.name, attempt, error: error instanceof Error ? error.message : String(error) });
        await wait(Math.min(60_000, 1_000 * 2 ** attempt));
      }
    }
    if (stopped) return;
    if (options.fillEmptyIndex !== false) {
      try {
        // The engine's counts first: the database is counted (a scan of comments and provisions)
        // only when an index is empty, not on every start.
        const empty: DocumentKind[] = [];
        for (const kind of DOCUMENT_KINDS) if (!stopped && (await engine.count(kind)) === 0) empty.push(kind);
        const stored = empty.length > 0 ? await databaseCounts(db) : null;
        for (const kind of empty) {
          if (stopped || !stored || stored[kind] === 0) continue;
          log({ level: "info", event: "filling_empty_index", kind, documents: stored[kind] });
          await reindex(db, engine, { kind });
        }
      } catch (error) {
        log({ level: "error", event: "fill_failed", error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (!stopped) worker = startSyncWorker(db, engine, { ...options, log });
  })();

  return {
    async stop() {
      stopped = true;
      // A long first fill is not waited for: it is cut short and the worker catches up next start.
      await Promise.race([started, wait(5_000)]);
      await worker?.stop();
    },
  };
}
