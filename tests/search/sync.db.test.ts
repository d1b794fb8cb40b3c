/**
 * The outbox worker keeps the real PostgreSQL engine in step with the database: new comments and
 * moderation decisions reach the index; an engine outage never blocks intake, rows back off and
 * die after maxAttempts, and after recovery every comment in the database is in the index as it
 * is now; concurrent workers share the queue without doing a row twice; reindex rebuilds; status
 * tells the lag and the dead letters.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commentImports, comments, outbox } from "../../db/schema";
import { recordComments } from "~/intake/record-comments.server";
import { importVersion, discardVersion } from "~/drafts/versions.server";
import { moderateComments } from "~/intake/moderation.server";
import { submitPublicCommentForm } from "~/intake/public-comment.server";
import { createRateLimiter } from "~/platform/rate-limit.server";
import { enqueue } from "~/platform/outbox.server";
import { databaseCounts, loadCommentDocuments } from "../../search/documents";
import type { SearchEngine } from "../../search/engine";
import { claimDue, pruneProcessed } from "../../search/outbox-claim";
import { drainOutbox, exponentialBackoff, reindex, retryDead, startSyncWorker, syncStatus, type DrainOptions, type SyncLog } from "../../search/sync";
import { addComment, addComments, openSearchDb, settleOutbox, type SearchDb } from "./search-db-fixtures";
import { faultInjector, indexedComments, postgresEngine, type FaultInjector } from "./search-engine-fixtures";

const quiet: SyncLog = () => {};

describe("search sync through the outbox", () => {
  let t: SearchDb;
  let pg: SearchEngine;
  let fi: FaultInjector;
  let skewMs = 0;
  /** The worker's clock: real time (the outbox stamps rows with the database's now()) moved forward by the test. */
  const now = () => new Date(Date.now() + skewMs);
  const drain = (over: Partial<DrainOptions> = {}) => drainOutbox(t.db, fi.engine, { workerId: "w1", now, log: quiet, ...over });
  async function drainAll(over: Partial<DrainOptions> = {}) {
    for (let i = 0; i < 1000; i++) if ((await drain(over)).claimed === 0) return;
    throw new Error("the queue never emptied");
  }
  const pendingRows = () => t.db.select().from(outbox).where(and(isNull(outbox.processedAt), isNull(outbox.deadAt)));

  beforeAll(async () => {
    t = await openSearchDb();
    pg = await postgresEngine(t.db);
  });
  afterAll(() => t?.h.close());
  beforeEach(() => {
    fi = faultInjector(pg);
  });

  it("indexes the seeded drafts' provisions from their version.changed rows, and removes a discarded version's", async () => {
    await drainAll();
    const stored = await databaseCounts(t.db);
    expect(await pg.count("provision")).toBe(stored.provision);
    const imported = await importVersion(t.db, t.actors.officer, { draftId: t.ids.draftId, label: "二审稿", sourceText: "第一章 总则\n第一条 为了测试全文检索的同步，制定本法。\n第二条 本法自公布之日起施行。" });
    if (!imported.ok) throw new Error("import failed");
    await drainAll();
    const found = await pg.search({ kind: "provision", query: "全文检索的同步", filters: { versionId: [imported.value.id] } });
    expect(found.hits.map((h) => h.document)).toMatchObject([{ label: "第一条", published: false, versionId: imported.value.id }]);
    expect(await pg.count("provision")).toBe(stored.provision + 2);
    expect((await discardVersion(t.db, t.actors.officer, imported.value.id)).ok).toBe(true);
    await drainAll();
    expect(await pg.count("provision")).toBe(stored.provision);
  });

  it("indexes a new comment, then the officer's moderation decision on it", async () => {
    const id = await addComment(t, { text: "快递柜的人脸识别应当征得同意。", moderation: "pending" });
    await drainAll();
    const hitFor = async () => (await pg.search({ kind: "comment", query: "快递柜 人脸识别", limit: 100 })).hits.find((h) => h.document.id === id);
    expect(await hitFor()).toMatchObject({ document: { moderation: "pending", body: "快递柜的人脸识别应当征得同意。" } });
    expect((await hitFor())!.score).toBeGreaterThan(0);
    const decided = await moderateComments(t.db, t.actors.officer, { decision: "hide", reason: "含有他人电话", comments: [{ id, seen: "pending" }] }, { now: now() });
    expect(decided.ok).toBe(true);
    await drainAll();
    expect((await hitFor())!.document.moderation).toBe("hidden");
    expect(await pendingRows()).toEqual([]);
  });

  it("keeps taking comments while the engine is down; rows back off, die after maxAttempts, and after recovery every comment is indexed as it is now", async () => {
    await drainAll();
    // Indexed before the outage, then changed or deleted during it: the index must not keep the old state.
    const [toEdit, toHide, toDelete] = await addComments(t, [{ text: "原来的意见：保存期限太长。" }, { text: "需要隐藏的意见。", moderation: "approved" }, { text: "将被删除的意见。" }]);
    await drainAll();

    fi.down = true;
    const during = await addComments(t, Array.from({ length: 12 }, (_, i) => ({ text: `停机期间的第${i + 1}条意见：第${i + 20}条应当修改。` })));
    expect(during).toHaveLength(12); // intake never touched the engine
    await t.db.transaction(async (tx) => {
      await tx.update(comments).set({ bodyText: "修改后的意见：保存期限应为三年。", bodyHtml: "<p>修改后的意见：保存期限应为三年。</p>" }).where(eq(comments.id, toEdit!));
      await enqueue(tx, { topic: "comment.changed", aggregateType: "comment", aggregateId: toEdit!, payload: { reason: "edited" } });
    });
    expect((await moderateComments(t.db, t.actors.officer, { decision: "hide", reason: "重复", comments: [{ id: toHide!, seen: "approved" }] }, { now: now() })).ok).toBe(true);
    await t.db.transaction(async (tx) => {
      await tx.delete(comments).where(eq(comments.id, toDelete!));
      await enqueue(tx, { topic: "comment.changed", aggregateType: "comment", aggregateId: toDelete!, payload: { reason: "deleted" } });
    });

    const options = { maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 10_000, capMs: 60_000 }), batchSize: 100 };
    const first = await drain(options);
    expect(first).toMatchObject({ claimed: 15, processed: 0, failed: 15, dead: 0 });
    const rows = await pendingRows();
    expect(rows).toHaveLength(15);
    for (const r of rows) {
      expect(r).toMatchObject({ attempts: 1, lockedBy: null, deadAt: null });
      expect(r.lastError).toMatch(/SearchUnavailableError: injected outage/);
      // Backoff after the first failure: between half and all of the 10 s base, from the worker's clock.
      expect(r.availableAt.getTime()).toBeGreaterThanOrEqual(now().getTime() + 4_000);
      expect(r.availableAt.getTime()).toBeLessThanOrEqual(now().getTime() + 10_500);
    }
    expect((await drain(options)).claimed).toBe(0); // nothing is due yet

    const status = await syncStatus(t.db, fi.engine, { now: new Date(now().getTime() + 90_000) });
    expect(status).toMatchObject({ pending: 15, retrying: 15, deadCount: 0, engine: { ok: false } });
    expect(status.lagSeconds).toBeGreaterThanOrEqual(90);

    skewMs += 20_000;
    expect(await drain(options)).toMatchObject({ claimed: 15, failed: 15, dead: 0 });
    skewMs += 120_000;
    expect(await drain(options)).toMatchObject({ claimed: 15, failed: 15, dead: 15 });
    skewMs += 120_000;
    expect((await drain(options)).claimed).toBe(0); // dead letters are not retried by themselves

    const deadStatus = await syncStatus(t.db, fi.engine, { now: now() });
    expect(deadStatus).toMatchObject({ pending: 0, deadCount: 15 });
    expect(deadStatus.dead[0]).toMatchObject({ topic: "comment.changed", aggregateType: "comment", attempts: 3 });
    expect(deadStatus.dead[0]!.lastError).toMatch(/injected outage/);

    // A change after the rows died gets a fresh row of its own (the dead one no longer holds the dedup key).
    const late = await addComment(t, { text: "死信之后的新意见。" });

    fi.down = false;
    await drainAll(options);
    expect((await pg.search({ kind: "comment", query: "死信之后" })).hits.map((h) => h.document.id)).toEqual([late]);
    expect(await retryDead(t.db, { now: now() })).toBe(15);
    await drainAll(options);

    const everyComment = await t.db.select({ id: comments.id }).from(comments);
    const expected = await loadCommentDocuments(t.db, everyComment.map((c) => c.id));
    const indexed = await indexedComments(pg);
    expect([...indexed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, doc] of expected) expect(indexed.get(id), id).toEqual(doc);
    expect(indexed.has(toDelete!)).toBe(false);
    expect(indexed.get(toEdit!)!.body).toBe("修改后的意见：保存期限应为三年。");
    expect(indexed.get(toHide!)!.moderation).toBe("hidden");
    expect(await syncStatus(t.db, fi.engine, { now: now() })).toMatchObject({ pending: 0, deadCount: 0, engine: { ok: true }, counts: { comment: { indexed: everyComment.length, database: everyComment.length } } });
  });

  it("indexes every comment of a committed import from its one comments.imported row", async () => {
    await drainAll();
    const [imp] = await t.db.insert(commentImports).values({ draftId: t.ids.draftId, contactPointId: t.ids.contactPoints[0]!, status: "done" }).returning({ id: commentImports.id });
    const ids = await t.db.transaction(async (tx) => {
      const recorded = await recordComments(tx, Array.from({ length: 1200 }, (_, i) => ({
        draftId: t.ids.draftId, versionId: t.versionId, provisionId: null, provisionKey: null, consultationId: t.consultationId,
        contactPointId: t.ids.contactPoints[0]!, importId: imp!.id, source: "import" as const, channel: "symposium" as const, category: "resident" as const,
        body: { json: null, html: "", text: `导入的第${i}条意见：建议增加听证程序。` }, moderationStatus: "approved" as const,
      })), { now: now(), outbox: "none" });
      await enqueue(tx, { topic: "comments.imported", aggregateType: "comment_import", aggregateId: imp!.id, payload: { draftId: t.ids.draftId, count: recorded.length } });
      return recorded.map((r) => r.id);
    });
    expect(await drain()).toMatchObject({ claimed: 1, processed: 1 });
    expect(ids.every((id) => fi.indexed.get(id) === 1)).toBe(true);
    expect((await pg.search({ kind: "comment", query: "听证程序", filters: { contactPointId: [t.ids.contactPoints[0]!] } })).total).toBe(1200);
  });

  it("fails only the bad document's row when the engine refuses one document, and lets the others through", async () => {
    await drainAll();
    const [good, bad] = await addComments(t, [{ text: "正常的意见。" }, { text: "引擎拒收的意见。" }]);
    fi.poison.add(bad!);
    expect(await drain()).toMatchObject({ claimed: 2, processed: 1, failed: 1 });
    expect(fi.indexed.get(good!)).toBe(1);
    const [row] = await t.db.select().from(outbox).where(and(eq(outbox.aggregateId, bad!), isNull(outbox.processedAt)));
    expect(row).toMatchObject({ attempts: 1, deadAt: null });
    expect(row!.lastError).toMatch(/injected bad document/);
    fi.poison.clear();
    skewMs += 60_000;
    await drainAll();
    expect(fi.indexed.get(bad!)).toBe(1);
  });

  it("indexes again when a newer change lands while a worker is indexing the older state", async () => {
    await drainAll();
    const id = await addComment(t, { text: "第一稿：建议删除本条。" });
    fi.beforeNextIndex = async () => {
      await t.db.transaction(async (tx) => {
        await tx.update(comments).set({ bodyText: "第二稿：建议保留本条。", bodyHtml: "<p>第二稿：建议保留本条。</p>" }).where(eq(comments.id, id));
        await enqueue(tx, { topic: "comment.changed", aggregateType: "comment", aggregateId: id, payload: { reason: "edited" } });
      });
    };
    expect(await drain()).toMatchObject({ claimed: 1, processed: 0, failed: 0 });
    expect((await indexedComments(pg)).get(id)!.body).toBe("第一稿：建议删除本条。");
    const [pending] = await pendingRows();
    expect(pending).toMatchObject({ aggregateId: id, lockedBy: null });
    await drainAll();
    expect((await indexedComments(pg)).get(id)!.body).toBe("第二稿：建议保留本条。");
  });

  it("lets another worker take over a row whose worker died, once its lease has run out", async () => {
    await drainAll();
    const id = await addComment(t, { text: "租约到期的意见。" });
    expect(await claimDue(t.db, { workerId: "crashed", batchSize: 10, now: now(), leaseMs: 60_000 })).toHaveLength(1);
    expect((await drain({ workerId: "w2" })).claimed).toBe(0);
    skewMs += 61_000;
    expect(await drain({ workerId: "w2" })).toMatchObject({ claimed: 1, processed: 1 });
    expect(fi.indexed.get(id)).toBe(1);
  });

  it("processes each row exactly once when two workers drain at the same time", async () => {
    await drainAll();
    const ids = await addComments(t, Array.from({ length: 60 }, (_, i) => ({ text: `并发测试意见${i}。` })));
    const claimedBy = new Map<string, number>();
    const worker = async (workerId: string) => {
      for (;;) {
        const r = await drainOutbox(t.db, fi.engine, { workerId, batchSize: 7, now, log: quiet });
        claimedBy.set(workerId, (claimedBy.get(workerId) ?? 0) + r.processed);
        if (r.claimed === 0) return;
      }
    };
    await Promise.all([worker("a"), worker("b")]);
    expect(ids.map((id) => fi.indexed.get(id))).toEqual(ids.map(() => 1));
    expect((claimedBy.get("a") ?? 0) + (claimedBy.get("b") ?? 0)).toBe(60);
    const processed = await t.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(and(inArray(outbox.aggregateId, ids), isNull(outbox.processedAt)));
    expect(processed[0]!.n).toBe(0);
  });

  it("runs as a loop that indexes soon after a commit, survives an outage without throwing, and stops when asked", async () => {
    await drainAll();
    const logged: string[] = [];
    const w = startSyncWorker(t.db, fi.engine, { workerId: "loop", pollMs: 20, now, log: (e) => logged.push(e.event), backoff: () => 50 });
    try {
      const id = await addComment(t, { text: "循环工作者的意见。" });
      await expect.poll(() => fi.indexed.get(id), { timeout: 10_000, interval: 50 }).toBe(1);
      fi.down = true;
      // The public form, while the worker runs against a dead engine: the comment is taken all the same.
      const roomy = () => createRateLimiter({ limit: 1e9, windowMs: 1000 });
      const form = new FormData();
      for (const [k, v] of Object.entries({ idempotencyKey: "sync-test-000000000001", category: "resident", body: "停机时提交的意见。", provision: "art-13" })) form.append(k, v);
      const { result } = await submitPublicCommentForm(t.db, "personal-information-protection", form, { now: now(), clientIp: "10.1.2.3", visitorId: null, secret: "s".repeat(32), limiters: { ip: roomy(), visitor: roomy() } });
      expect(result.ok).toBe(true);
      const [later] = await t.db.select({ id: comments.id }).from(comments).where(eq(comments.bodyText, "停机时提交的意见。"));
      await expect.poll(() => logged.includes("retry_later"), { timeout: 10_000, interval: 50 }).toBe(true);
      expect(fi.indexed.get(later!.id)).toBeUndefined();
      fi.down = false;
      await expect.poll(() => fi.indexed.get(later!.id), { timeout: 10_000, interval: 50 }).toBe(1);
    } finally {
      await w.stop();
    }
  });

  it("deletes processed rows of the search topics once they are old, and keeps pending rows, dead letters and other topics", async () => {
    await drainAll();
    const day = 24 * 60 * 60 * 1000;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day);
    const rows = await t.db.insert(outbox).values([
      { topic: "comment.changed", aggregateType: "comment", aggregateId: "old-done", processedAt: at(9) },
      { topic: "version.changed", aggregateType: "draft_version", aggregateId: "old-done-too", processedAt: at(30) },
      { topic: "comment.changed", aggregateType: "comment", aggregateId: "recent-done", processedAt: at(1) },
      { topic: "comment.changed", aggregateType: "comment", aggregateId: "old-dead", deadAt: at(9), availableAt: at(10) },
      { topic: "notification.sent", aggregateType: "person", aggregateId: "other-topic", processedAt: at(9) },
    ]).returning({ id: outbox.id, aggregateId: outbox.aggregateId });
    try {
      const left = async () => (await t.db.select({ a: outbox.aggregateId }).from(outbox).where(inArray(outbox.id, rows.map((r) => r.id)))).map((r) => r.a).sort();
      expect(await pruneProcessed(t.db, { before: at(7), limit: 1 })).toBe(1);
      expect(await pruneProcessed(t.db, { before: at(7), limit: 100 })).toBe(1);
      expect(await left()).toEqual(["old-dead", "other-topic", "recent-done"]);
      // The worker does it by itself when idle.
      await t.db.insert(outbox).values({ topic: "comment.changed", aggregateType: "comment", aggregateId: "old-again", processedAt: at(8) });
      const logged: string[] = [];
      const w = startSyncWorker(t.db, fi.engine, { workerId: "pruner", pollMs: 20, now, log: (e) => logged.push(e.event) });
      try {
        await expect.poll(() => logged.includes("outbox_pruned"), { timeout: 10_000, interval: 50 }).toBe(true);
      } finally {
        await w.stop();
      }
      expect(await t.db.select().from(outbox).where(eq(outbox.aggregateId, "old-again"))).toEqual([]);
    } finally {
      await t.db.delete(outbox).where(inArray(outbox.aggregateId, [...rows.map((r) => r.aggregateId), "old-again"]));
    }
  });

  it("rebuilds the index from scratch: stale documents go, every stored document comes back", async () => {
    await drainAll();
    const stale = { ...(await indexedComments(pg)).values().next().value!, id: crypto.randomUUID(), body: "数据库里没有的陈旧文档" };
    await pg.index([stale]);
    await pg.clear("provision");
    const progress: string[] = [];
    const counts = await reindex(t.db, pg, { batchSize: 50, onProgress: (p) => progress.push(`${p.kind}:${p.done}/${p.total}`) });
    const stored = await databaseCounts(t.db);
    expect(counts).toEqual({ comment: stored.comment, provision: stored.provision });
    expect(await pg.count("comment")).toBe(stored.comment);
    expect(await pg.count("provision")).toBe(stored.provision);
    expect((await pg.search({ kind: "comment", query: "陈旧文档" })).total).toBe(0);
    expect(progress).toContain(`comment:${stored.comment}/${stored.comment}`);
    expect(progress).toContain(`provision:${stored.provision}/${stored.provision}`);
  });

  it("rebuilds only the kind asked for", async () => {
    await pg.clear("comment");
    const counts = await reindex(t.db, pg, { kind: "comment" });
    expect(counts.provision).toBeNull();
    expect(await pg.count("comment")).toBe((await databaseCounts(t.db)).comment);
  });

  it("closes a dead letter instead of reviving it when a newer change for the same comment is already queued", async () => {
    await drainAll();
    const id = await addComment(t, { text: "重复死信。" });
    fi.down = true;
    await drain({ maxAttempts: 1 });
    expect(await syncStatus(t.db, fi.engine, { now: now() })).toMatchObject({ deadCount: 1, pending: 0 });
    await t.db.transaction((tx) => enqueue(tx, { topic: "comment.changed", aggregateType: "comment", aggregateId: id }));
    expect(await retryDead(t.db, { now: now() })).toBe(0);
    expect(await syncStatus(t.db, fi.engine, { now: now() })).toMatchObject({ deadCount: 0, pending: 1 });
    fi.down = false;
    await drainAll();
    expect(fi.indexed.get(id)).toBe(1);
  });

  afterAll(async () => {
    if (t) await settleOutbox(t.db);
  });
});
