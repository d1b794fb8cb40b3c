/**
 * An import's comments written by COPY (bulk-comments.server.ts): what is stored is what
 * recordComments would store, receipt codes never clash with stored ones (nor with each other),
 * and time-ordered ids.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commenters, comments, provisions } from "../../db/schema";
import { freshReceiptCodes, prepareBulkComments, writeBulkComments } from "~/intake/bulk-comments.server";
import { commentTarget } from "~/intake/comment-target.server";
import { recordComments, type NewComment } from "~/intake/record-comments.server";
import { openImportDb, SEED_NOW, type ImportDb } from "./import-db-fixtures";

describe("comments written in bulk", () => {
  let t: ImportDb;
  let base: Omit<NewComment, "body">;
  beforeAll(async () => {
    t = await openImportDb();
    const target = (await commentTarget(t.db, { draftId: t.ids.draftId }, SEED_NOW))!;
    const [provision] = await t.db.select({ id: provisions.id, key: provisions.stableKey }).from(provisions).where(eq(provisions.versionId, target.version.id)).limit(1);
    base = {
      draftId: t.ids.draftId, versionId: target.version.id, provisionId: provision!.id, provisionKey: provision!.key, consultationId: target.consultation?.id ?? null,
      contactPointId: t.contactPointId, source: "import", channel: "letter", category: "lawyer", moderationStatus: "approved", enteredBy: t.actors.staff.id,
      saidOn: "2026-11-28", proposedText: "修改为：\t“……”\\n", reason: null,
    };
  });
  afterAll(() => t?.h.close());

  const list = (n: number, tag: string): NewComment[] =>
    Array.from({ length: n }, (_, i) => ({
      ...base,
      body: { json: null, html: `<p>${tag}${i}&lt;第二行&gt;</p>`, text: `${tag}${i}<第二行>\n\r\\` },
      commenter: i % 2 === 0 ? { name: `張${i}`, phone: "13812345678" } : null,
    }));

  const storedOf = async (ids: string[]) => {
    const rows = await t.db
      .select({ c: comments, p: { name: commenters.name, phone: commenters.phone } })
      .from(comments)
      .leftJoin(commenters, eq(commenters.id, comments.commenterId))
      .where(inArray(comments.id, ids));
    const byId = new Map(rows.map((r) => [r.c.id, r]));
    // What the two ways may differ in: the ids and codes they drew, and the commenter row's id.
    return ids.map((id) => {
      const { c, p } = byId.get(id)!;
      const { id: _i, receiptCode: _r, commenterId, ...rest } = c;
      return { ...rest, hasCommenter: commenterId !== null, p };
    });
  };

  it("stores exactly what recordComments stores, with time-ordered ids", async () => {
    const [viaRecord, viaBulk] = await t.db.transaction(async (tx) => [
      await recordComments(tx, list(6, "对照"), { now: SEED_NOW, outbox: "none" }),
      await writeBulkComments(tx, await prepareBulkComments(list(6, "对照"), SEED_NOW)),
    ]);
    expect(await storedOf(viaBulk.map((r) => r.id))).toEqual(await storedOf(viaRecord.map((r) => r.id)));
    expect((await storedOf(viaBulk.map((r) => r.id)))[0]).toMatchObject({ bodyText: "对照0<第二行>\n\r\\", proposedText: "修改为：\t“……”\\n", p: { name: "張0", phone: "13812345678" } });
    expect(viaBulk.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(r.id))).toBe(true);
    expect([...viaBulk.map((r) => r.id)].sort()).toEqual(viaBulk.map((r) => r.id));
  });

  it("never reuses a stored receipt code, nor one code twice in a batch", async () => {
    const stored = await t.db.transaction((tx) => recordComments(tx, list(3, "已有"), { now: SEED_NOW, outbox: "none" }));
    const batch = await prepareBulkComments(list(5, "新"), SEED_NOW);
    // The batch as if its draws had met the stored codes, and each other.
    batch.rows[0]!.receipt_code = stored[0]!.receiptCode;
    batch.rows[1]!.receipt_code = stored[1]!.receiptCode;
    batch.rows[3]!.receipt_code = batch.rows[2]!.receipt_code;
    const written = await t.db.transaction((tx) => writeBulkComments(tx, batch));
    const codes = written.map((w) => w.receiptCode);
    expect(new Set(codes).size).toBe(5);
    expect(codes).not.toContain(stored[0]!.receiptCode);
    expect(codes).not.toContain(stored[1]!.receiptCode);
    const inDb = await t.db.select({ code: comments.receiptCode }).from(comments).where(inArray(comments.id, written.map((w) => w.id)));
    expect(inDb.map((r) => r.code).sort()).toEqual([...codes].sort());
  });

  it("leaves codes that are free as they are", async () => {
    const batch = await prepareBulkComments(list(4, "空闲"), SEED_NOW);
    const before = batch.rows.map((r) => r.receipt_code);
    expect(await t.db.transaction((tx) => freshReceiptCodes(tx, batch.rows))).toBe(false);
    expect(batch.rows.map((r) => r.receipt_code)).toEqual(before);
  });
});
