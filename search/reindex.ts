/**
 * Rebuilds the index from the database: clear a kind, then index every document in batches.
 * Changes committed while it runs are not lost: a row that exists when the pass starts is read by
 * it, and anything committed after the clear also has an outbox row the worker applies.
 */
import type { Db } from "../db/client";
import { commentDocumentBatches, databaseCounts, provisionDocumentBatches } from "./documents";
import type { DocumentKind, SearchDocument, SearchEngine } from "./engine";

export interface ReindexOptions {
  /** Only this kind; both when left out. */
  kind?: DocumentKind;
  batchSize?: number;
  onProgress?: (progress: { kind: DocumentKind; done: number; total: number }) => void;
}

export async function reindex(db: Db, engine: SearchEngine, options: ReindexOptions = {}): Promise<Record<DocumentKind, number | null>> {
  const kinds: DocumentKind[] = options.kind ? [options.kind] : ["provision", "comment"];
  const batchSize = options.batchSize ?? 500;
  const totals = await databaseCounts(db);
  const result: Record<DocumentKind, number | null> = { comment: null, provision: null };
  await engine.ensureReady();
  for (const kind of kinds) {
    await engine.clear(kind);
    const batches: AsyncGenerator<SearchDocument[]> =
      kind === "comment" ? commentDocumentBatches(db, { batchSize }) : provisionDocumentBatches(db, { batchSize });
    let done = 0;
    options.onProgress?.({ kind, done, total: totals[kind] });
    for await (const batch of batches) {
      await engine.index(batch);
      done += batch.length;
      options.onProgress?.({ kind, done, total: Math.max(done, totals[kind]) });
    }
    result[kind] = done;
  }
  return result;
}
