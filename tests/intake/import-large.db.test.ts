/**
 * A sheet of 20,000 comments, generated as staff keep them (a title row, articles written three
 * ways, categories, phones, dates), is checked and imported completely, in batches, in one
 * transaction, with the progress registry following along.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clauseOptions, commentTarget } from "~/intake/comment-target.server";
import type { BulkComments } from "~/intake/bulk-comments.server";
import { BATCH_SIZE, bulkCommentWriter } from "~/intake/import/commit-import.server";
import { progressOf } from "~/intake/import/import-progress.server";
import { generateImportSheet, lawSentences } from "../../scripts/bench/import-bench";
import { corpusDir } from "../drafts/drafts-db-fixtures";
import { commentCount, importRow, openImportDb, SEED_NOW, uploadAndCommit, type ImportDb } from "./import-db-fixtures";

const ROWS = 20_000;

describe("a 20,000-row sheet", () => {
  let t: ImportDb;
  beforeAll(async () => {
    t = await openImportDb();
  });
  afterAll(() => t?.h.close());

  it("is checked and imported completely", async () => {
    const target = (await commentTarget(t.db, { draftId: t.ids.draftId }, SEED_NOW))!;
    const articles = (await clauseOptions(t.db, target.version.id)).filter((c) => c.kind === "article").map((c) => c.number!);
    const bytes = await generateImportSheet({ rows: ROWS, articles, sentences: lawSentences(corpusDir), today: "2026-11-30" });
    const started = performance.now();
    const seen: number[] = [];
    const { importId, result } = await uploadAndCommit(t, bytes, {
      writeBatch: {
        prepare: bulkCommentWriter.prepare,
        write: async (tx, prepared: BulkComments) => {
          seen.push(progressOf(prepared.rows[0]!.import_id!)?.processed ?? -1);
          await bulkCommentWriter.write(tx, prepared);
        },
      },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(result).toEqual({ ok: true, imported: ROWS });
    expect(await commentCount(t, importId)).toBe(ROWS);
    expect(await importRow(t, importId)).toMatchObject({ status: "done", totalRows: ROWS, processedRows: ROWS });
    // Batches of BATCH_SIZE; the registry saw each one finish.
    expect(seen).toHaveLength(ROWS / BATCH_SIZE);
    expect(seen.slice(0, 3)).toEqual([0, BATCH_SIZE, 2 * BATCH_SIZE]);
    expect(progressOf(importId)).toMatchObject({ state: "done", processed: ROWS, total: ROWS });
    console.info(`[import] ${ROWS} rows checked and imported in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s)`);
  });
});
