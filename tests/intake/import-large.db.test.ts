/**
 * A sheet of 20,000 comments, generated as staff keep them (a title row, articles written three
 * ways, categories, phones, dates), is checked and imported completely, in batches, in one
 * transaction, with the progress registry following along.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clauseOptions, commentTarget } from "~/intake/comment-target.server";
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
      writeBatch: async (tx, batch, now) => {
        seen.push(progressOf(batch[0]!.importId!)?.processed ?? -1);
        const { writeWithRecordComments } = await import("~/intake/import/commit-import.server");
        await writeWithRecordComments(tx, batch, now);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(result).toEqual({ ok: true, imported: ROWS });
    expect(await commentCount(t, importId)).toBe(ROWS);
    expect(await importRow(t, importId)).toMatchObject({ status: "done", totalRows: ROWS, processedRows: ROWS });
    // Twenty batches of a thousand; the registry saw each one finish.
    expect(seen).toHaveLength(ROWS / 1_000);
    expect(seen.slice(0, 3)).toEqual([0, 1_000, 2_000]);
    expect(progressOf(importId)).toMatchObject({ state: "done", processed: ROWS, total: ROWS });
    console.info(`[import] ${ROWS} rows checked and imported in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s)`);
  });
});
