/**
 * 审核: officers approve, reject and hide comments within their reach, one or many at a time, with
 * reasons; each decision is audited and reaches the outbox in the same transaction; a decision
 * made by someone else in the meantime is never overwritten.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, comments, outbox } from "../../db/schema";
import { readingPage } from "~/drafts/reading.server";
import { moderationQueue, readQueueFilter } from "~/intake/comment-views.server";
import { moderateComments, ModerationInput, fromForm, seenValue } from "~/intake/moderation.server";
import { parseForm } from "~/platform/forms";
import { addComment, auditsOf, breakInserts, commentRow, openModerationDb, outboxOf, SEED_NOW, type ModerationDb } from "./moderation-db-fixtures";

const at = new Date("2026-12-01T02:00:00Z");
const ctx = { now: at, requestId: "req-moderation-test" };

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};

describe("moderating comments", () => {
  let t: ModerationDb;
  beforeAll(async () => {
    t = await openModerationDb();
  });
  afterAll(() => t?.h.close());
  // Intake's own "created" messages are delivered, so each test sees only what moderation wrote.
  beforeEach(async () => {
    await t.db.update(outbox).set({ processedAt: SEED_NOW }).where(isNull(outbox.processedAt));
  });

  it("approves a pending comment without a reason, recording who and when, with an audit entry and an outbox message", async () => {
    const id = await addComment(t);
    const result = await moderateComments(t.db, t.actors.officer, { decision: "approve", comments: [{ id, seen: "pending" }] }, ctx);
    expect(result.ok && result.value.decided.map((d) => [d.id, d.from, d.to])).toEqual([[id, "pending", "approved"]]);
    expect(await commentRow(t.db, id)).toMatchObject({ moderationStatus: "approved", moderationReason: null, moderatedBy: t.actors.officer.id, moderatedAt: at, updatedAt: at });
    const audits = await auditsOf(t.db, "comment", id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "comment.moderate", actorUserId: t.actors.officer.id, requestId: "req-moderation-test", detail: { decision: "approve", from: "pending", to: "approved", reason: null } });
    const messages = (await outboxOf(t.db, id)).filter((m) => m.processedAt === null);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ topic: "comment.changed", payload: { reason: "moderated", status: "approved" } });
  });

  it("rejects and hides only with a reason, which is stored with the decision", async () => {
    const id = await addComment(t);
    for (const decision of ["reject", "hide"] as const) {
      const refused = await moderateComments(t.db, t.actors.officer, { decision, reason: "  ", comments: [{ id, seen: "pending" }] }, ctx);
      expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { reason: { key: "moderation.errors.reasonRequired" } } });
    }
    expect((await commentRow(t.db, id)).moderationStatus).toBe("pending");
    expect(await auditsOf(t.db, "comment", id)).toHaveLength(0);

    const rejected = await moderateComments(t.db, t.actors.officer, { decision: "reject", reason: "与本草案无关。", comments: [{ id, seen: "pending" }] }, ctx);
    expect(rejected.ok).toBe(true);
    expect(await commentRow(t.db, id)).toMatchObject({ moderationStatus: "rejected", moderationReason: "与本草案无关。" });
    const hidden = await moderateComments(t.db, t.actors.officer, { decision: "hide", reason: "含有他人电话号码。", comments: [{ id, seen: "rejected" }] }, ctx);
    expect(hidden.ok).toBe(true);
    expect(await commentRow(t.db, id)).toMatchObject({ moderationStatus: "hidden", moderationReason: "含有他人电话号码。" });
    // Approving later clears the earlier reason: it no longer applies.
    await moderateComments(t.db, t.actors.officer, { decision: "approve", comments: [{ id, seen: "hidden" }] }, ctx);
    expect(await commentRow(t.db, id)).toMatchObject({ moderationStatus: "approved", moderationReason: null });
    expect((await auditsOf(t.db, "comment", id)).map((a) => (a.detail as { to: string }).to)).toEqual(["rejected", "hidden", "approved"]);
  });

  it("reads the form: the reason is required next to its field for reject and hide, and a comment must be chosen", () => {
    const id = "0b7d2c4e-8a51-4c3e-9f0a-2d6e1f3a5b7c";
    const missing = parseForm(ModerationInput, form({ decision: "hide", reason: "", comment: `${id}:approved` }));
    expect(!missing.ok && missing.fieldErrors).toEqual({ reason: { key: "moderation.errors.reasonRequired" } });
    const none = parseForm(ModerationInput, form({ decision: "approve", reason: "" }));
    expect(!none.ok && none.fieldErrors).toEqual({ comment: { key: "moderation.errors.noneSelected" } });
    const forged = parseForm(ModerationInput, form({ decision: "approve", comment: `${id}:published` }));
    expect(forged.ok).toBe(false);
    const many = parseForm(ModerationInput, form({ decision: "reject", reason: "重复提交。", comment: [`${id}:pending`, `${id.replace("0b", "1b")}:approved`] }));
    expect(many.ok && fromForm(many.data)).toEqual({
      decision: "reject", reason: "重复提交。", comments: [{ id, seen: "pending" }, { id: id.replace("0b", "1b"), seen: "approved" }],
    });
    expect(seenValue({ id, seen: "hidden" })).toBe(`${id}:hidden`);
  });

  it("decides many comments at once, each with its own audit entry and outbox message", async () => {
    const ids = [await addComment(t), await addComment(t, { contactPointId: t.ids.contactPoints[0]!, status: "approved" }), await addComment(t, { status: "approved" })];
    const result = await moderateComments(
      t.db, t.actors.officer,
      { decision: "hide", reason: "重复的广告内容。", comments: [{ id: ids[0]!, seen: "pending" }, { id: ids[1]!, seen: "approved" }, { id: ids[2]!, seen: "approved" }] },
      ctx,
    );
    expect(result.ok && result.value.decided.map((d) => d.id).sort()).toEqual([...ids].sort());
    const rows = await t.db.select().from(comments).where(inArray(comments.id, ids));
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((r) => r.moderationStatus === "hidden" && r.moderationReason === "重复的广告内容。")).toBe(true);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "comment.moderate"), inArray(auditLog.subjectId, ids)));
    expect(audits).toHaveLength(3);
    const messages = await t.db.select().from(outbox).where(and(inArray(outbox.aggregateId, ids), isNull(outbox.processedAt)));
    expect(messages.map((m) => m.aggregateId).sort()).toEqual([...ids].sort());
  });

  it("leaves a comment as it is when asked for the status it already has", async () => {
    const id = await addComment(t, { status: "approved" });
    const result = await moderateComments(t.db, t.actors.officer, { decision: "approve", comments: [{ id, seen: "approved" }] }, ctx);
    expect(result.ok && result.value).toMatchObject({ decided: [], unchanged: [{ id }], conflicts: [] });
    expect((await commentRow(t.db, id)).moderatedBy).toBeNull();
    expect(await auditsOf(t.db, "comment", id)).toHaveLength(0);
  });

  it("refuses a decision on a comment someone else decided after the officer looked, and says who", async () => {
    const id = await addComment(t);
    const other = await addComment(t);
    // Both officers opened the queue while the comment was pending; the colleague hides it first.
    const first = await moderateComments(t.db, t.actors.colleague, { decision: "hide", reason: "含有辱骂内容。", comments: [{ id, seen: "pending" }] }, ctx);
    expect(first.ok).toBe(true);
    const late = await moderateComments(t.db, t.actors.officer, { decision: "approve", comments: [{ id, seen: "pending" }, { id: other, seen: "pending" }] }, ctx);
    expect(late.ok && late.value.conflicts).toEqual([{ id, receiptCode: (await commentRow(t.db, id)).receiptCode, status: "hidden", byName: "colleague" }]);
    expect(late.ok && late.value.decided.map((d) => d.id)).toEqual([other]);
    expect(await commentRow(t.db, id)).toMatchObject({ moderationStatus: "hidden", moderationReason: "含有辱骂内容。", moderatedBy: t.actors.colleague.id });
    expect(await auditsOf(t.db, "comment", id)).toHaveLength(1);
    // Seen as already hidden but changed since: also a conflict, not "unchanged".
    await moderateComments(t.db, t.actors.colleague, { decision: "approve", comments: [{ id, seen: "hidden" }] }, ctx);
    const stale = await moderateComments(t.db, t.actors.officer, { decision: "hide", reason: "重复。", comments: [{ id, seen: "hidden" }] }, ctx);
    expect(stale.ok && stale.value).toMatchObject({ decided: [], unchanged: [], conflicts: [{ id, status: "approved", byName: "colleague" }] });
  });

  it("lets exactly one of two simultaneous decisions on the same comment through", async () => {
    const id = await addComment(t);
    const [a, b] = await Promise.all([
      moderateComments(t.db, t.actors.officer, { decision: "approve", comments: [{ id, seen: "pending" }] }, ctx),
      moderateComments(t.db, t.actors.colleague, { decision: "reject", reason: "无关内容。", comments: [{ id, seen: "pending" }] }, ctx),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? [r.value.decided.length, r.value.conflicts.length] : r.error));
    expect(outcomes.sort()).toEqual([[0, 1], [1, 0]]);
    expect(await auditsOf(t.db, "comment", id)).toHaveLength(1);
  });

  it("changes nothing when the outbox message cannot be written", async () => {
    const id = await addComment(t);
    const restore = await breakInserts(t.db, "outbox");
    try {
      await expect(moderateComments(t.db, t.actors.officer, { decision: "reject", reason: "无关内容。", comments: [{ id, seen: "pending" }] }, ctx)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await commentRow(t.db, id)).toMatchObject({ moderationStatus: "pending", moderationReason: null, moderatedBy: null });
    expect(await auditsOf(t.db, "comment", id)).toHaveLength(0);
  });

  it("lets a county officer moderate comments of the county's contact points only", async () => {
    const [cp0, , cp2] = t.ids.contactPoints;
    const ours = await addComment(t, { contactPointId: cp0!, status: "approved" });
    const theirs = await addComment(t, { contactPointId: cp2!, status: "approved" });
    const online = await addComment(t);
    const hide = (ids: string[], seen: "approved" | "pending" = "approved") => ({ decision: "hide" as const, reason: "测试。", comments: ids.map((id) => ({ id, seen })) });
    expect(await moderateComments(t.db, t.actors.countyOfficerA, hide([theirs]), ctx)).toEqual({ ok: false, error: "forbidden" });
    // A public online comment on a national draft lives at the national commission.
    expect(await moderateComments(t.db, t.actors.countyOfficerA, hide([online], "pending"), ctx)).toEqual({ ok: false, error: "forbidden" });
    // One comment out of reach refuses the whole batch.
    expect(await moderateComments(t.db, t.actors.countyOfficerA, hide([ours, theirs]), ctx)).toEqual({ ok: false, error: "forbidden" });
    expect((await commentRow(t.db, ours)).moderationStatus).toBe("approved");
    // Staff may read and enter comments but not moderate them.
    expect(await moderateComments(t.db, t.actors.staff, hide([ours]), ctx)).toEqual({ ok: false, error: "forbidden" });
    expect(await moderateComments(t.db, null, hide([ours]), ctx)).toEqual({ ok: false, error: "forbidden" });
    expect((await moderateComments(t.db, t.actors.countyOfficerA, hide([ours]), ctx)).ok).toBe(true);
    expect((await moderateComments(t.db, t.actors.countyOfficerB, hide([theirs]), ctx)).ok).toBe(true);
    expect((await moderateComments(t.db, t.actors.officer, hide([online], "pending"), ctx)).ok).toBe(true);
  });

  it("lists the queue newest first, 50 a page, filtered by status and draft", async () => {
    const filter = (query: string) => readQueueFilter(new URLSearchParams(query));
    expect(filter("")).toEqual({ draftId: null, status: "pending", page: 1 });
    expect(filter("status=bogus&page=-3&draft=x")).toEqual({ draftId: null, status: "pending", page: 1 });
    const before = (await moderationQueue(t.db, t.actors.officer, filter("status=rejected"))).counts.rejected;
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) ids.push(await addComment(t, { status: "rejected" }));
    const first = await moderationQueue(t.db, t.actors.officer, filter("status=rejected"));
    expect(first.counts.rejected).toBe(before + 55);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]!.id).toBe(ids.at(-1));
    expect(first.items.every((i) => i.moderationStatus === "rejected")).toBe(true);
    expect(first.pageCount).toBe(Math.ceil((before + 55) / 50));
    const second = await moderationQueue(t.db, t.actors.officer, filter("status=rejected&page=2"));
    expect(second.items).toHaveLength(before + 5);
    expect(second.items.some((i) => first.items.some((f) => f.id === i.id))).toBe(false);
    // A page past the end shows the last page.
    expect((await moderationQueue(t.db, t.actors.officer, filter("status=rejected&page=9"))).filter.page).toBe(2);
    expect((await moderationQueue(t.db, t.actors.officer, filter(`status=rejected&draft=${t.ids.draftId}`))).total).toBe(before + 55);
    const elsewhere = await moderationQueue(t.db, t.actors.officer, filter(`status=all&draft=${t.ids.national}`));
    expect([elsewhere.total, elsewhere.items.length]).toEqual([0, 0]);
    expect(first.drafts).toEqual([{ id: t.ids.draftId, title: "中华人民共和国个人信息保护法（演示草案）" }]);
  });

  it("answers not_found for an unknown comment", async () => {
    const missing = await moderateComments(t.db, t.actors.officer, { decision: "approve", comments: [{ id: "0b7d2c4e-8a51-4c3e-9f0a-2d6e1f3a5b7c", seen: "pending" }] }, ctx);
    expect(missing).toEqual({ ok: false, error: "not_found" });
  });

  it("counts a pre-moderated comment on the public page once approved, and no longer once hidden", async () => {
    const approvedCount = async () => {
      const reading = await readingPage(t.db, { slug: "personal-information-protection", locale: "zh-CN", now: at });
      return (await reading!.page()).commentCount;
    };
    const before = await approvedCount();
    const id = await addComment(t, { status: "pending" });
    expect(await approvedCount()).toBe(before);
    await moderateComments(t.db, t.actors.officer, { decision: "approve", comments: [{ id, seen: "pending" }] }, ctx);
    expect(await approvedCount()).toBe(before + 1);
    await moderateComments(t.db, t.actors.officer, { decision: "hide", reason: "泄露他人信息。", comments: [{ id, seen: "approved" }] }, ctx);
    expect(await approvedCount()).toBe(before);
  });
});
