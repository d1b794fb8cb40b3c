/**
 * 提出人的个人信息: lists and detail pages get it masked from the service layer; the full details
 * go only to roles allowed to reveal them for the comment's scope, and only after the reveal is
 * in the audit log.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, commenters, comments, memberships, opinionSources, opinions } from "../../db/schema";
import { loadPrincipal } from "~/accounts/principal.server";
import { commentDetail, moderationQueue, pendingModerationCount, readQueueFilter } from "~/intake/comment-views.server";
import { moderateComments } from "~/intake/moderation.server";
import { revealCommenter } from "~/intake/personal-data.server";
import { addPerson } from "../support/people";
import { addComment, auditsOf, breakInserts, openModerationDb, ZHANG, type ModerationDb } from "./moderation-db-fixtures";

const now = new Date("2026-12-02T03:00:00Z");
const RAW = ["张三丰", "13812345678", "zhang@example.com", "迎春南路 88 号"];

describe("personal data of commenters", () => {
  let t: ModerationDb;
  let atCp0: string;
  let atCp2: string;
  let online: string;
  beforeAll(async () => {
    t = await openModerationDb();
    atCp0 = await addComment(t, { contactPointId: t.ids.contactPoints[0]!, status: "approved", commenter: ZHANG });
    atCp2 = await addComment(t, { contactPointId: t.ids.contactPoints[2]!, status: "approved", commenter: { name: "Li Lei", phone: "0571-88886666" } });
    online = await addComment(t, { status: "pending", commenter: { name: "王", email: "w@example.com" } });
  });
  afterAll(() => t?.h.close());

  it("masks the commenter in the moderation queue, so no full detail leaves the service", async () => {
    const queue = await moderationQueue(t.db, t.actors.officer, readQueueFilter(new URLSearchParams("status=all")));
    const mine = queue.items.find((i) => i.id === atCp0)!;
    expect(mine.commenter).toMatchObject({ name: "张**", phone: "138****5678", email: "z***@example.com", revealable: true, erased: false });
    expect(queue.items.find((i) => i.id === atCp2)!.commenter).toMatchObject({ name: "L* L**", phone: "057*****6666" });
    expect(queue.items.find((i) => i.id === online)!.commenter).toMatchObject({ name: "王*", email: "w***@example.com", phone: null });
    const json = JSON.stringify(queue);
    for (const raw of [...RAW, "Li Lei", "88886666", "w@example.com"]) expect(json).not.toContain(raw);
  });

  it("shows a county officer only the comments of the county's contact points, and counts what awaits them", async () => {
    const all = readQueueFilter(new URLSearchParams("status=all"));
    const county = await moderationQueue(t.db, t.actors.countyOfficerA, all);
    expect(county.items.map((i) => i.id)).toEqual([atCp0]);
    expect(county.counts).toMatchObject({ all: 1, approved: 1, pending: 0 });
    expect((await moderationQueue(t.db, t.actors.staff, all)).items).toEqual([]);
    expect(await pendingModerationCount(t.db, t.actors.officer)).toBe(1);
    expect(await pendingModerationCount(t.db, t.actors.countyOfficerA)).toBe(0);
  });

  it("masks the commenter on the detail page too", async () => {
    const detail = await commentDetail(t.db, t.actors.staff, atCp0, "staff");
    expect(detail.ok && detail.value.commenter).toMatchObject({ name: "张**", phone: "138****5678", email: "z***@example.com" });
    const json = JSON.stringify(detail);
    for (const raw of RAW) expect(json).not.toContain(raw);
    expect(detail.ok && detail.value).toMatchObject({ mayReveal: true, mayModerate: false, receiptCode: expect.stringMatching(/^MY-/) });
  });

  it("shows staff only their own contact point's comments, and officers what is within reach", async () => {
    expect((await commentDetail(t.db, t.actors.staffCp1, atCp0, "staff")).ok).toBe(false);
    expect(await commentDetail(t.db, t.actors.staff, atCp2, "staff")).toEqual({ ok: false, error: "forbidden" });
    expect(await commentDetail(t.db, t.actors.staff, online, "staff")).toEqual({ ok: false, error: "forbidden" });
    // The staff page is for staff: an officer's reach does not open it.
    expect(await commentDetail(t.db, t.actors.officer, atCp0, "staff")).toEqual({ ok: false, error: "forbidden" });
    expect(await commentDetail(t.db, t.actors.countyOfficerA, atCp2, "officer")).toEqual({ ok: false, error: "forbidden" });
    expect(await commentDetail(t.db, t.actors.cityAdmin, atCp0, "officer")).toEqual({ ok: false, error: "forbidden" });
    expect((await commentDetail(t.db, t.actors.countyOfficerA, atCp0, "officer")).ok).toBe(true);
    expect((await commentDetail(t.db, t.actors.officer, online, "officer")).ok).toBe(true);
    expect(await commentDetail(t.db, t.actors.officer, "not-a-uuid", "officer")).toEqual({ ok: false, error: "not_found" });
  });

  it("reveals the full details to the contact point's staff, writing who, what and the request id to the audit log", async () => {
    const revealed = await revealCommenter(t.db, t.actors.staff, atCp0, { viewer: "staff", requestId: "req-reveal-1", now });
    expect(revealed.ok && revealed.value).toMatchObject({ name: "张三丰", phone: "13812345678", email: "zhang@example.com", fields: ["name", "phone", "email", "address"] });
    const commenterId = revealed.ok ? revealed.value.commenterId : "";
    const [entry] = await auditsOf(t.db, "commenter", commenterId);
    expect(entry).toMatchObject({
      action: "personal_data.reveal", actorUserId: t.actors.staff.id, requestId: "req-reveal-1", at: now,
      detail: { commentId: atCp0, fields: ["name", "phone", "email", "address"] },
    });
    const byOfficer = await revealCommenter(t.db, t.actors.officer, online, { viewer: "officer", requestId: "req-reveal-2", now });
    expect(byOfficer.ok && byOfficer.value).toMatchObject({ name: "王", email: "w@example.com", fields: ["name", "email"] });
  });

  it("refuses to reveal to a city administrator, to other contact points' staff and to other counties' officers, and logs nothing", async () => {
    const before = (await t.db.select().from(auditLog).where(eq(auditLog.action, "personal_data.reveal"))).length;
    for (const who of [t.actors.cityAdmin, t.actors.staffCp1, t.actors.staffCp2, t.actors.countyOfficerB, null]) {
      for (const viewer of ["staff", "officer"] as const) {
        expect(await revealCommenter(t.db, who, atCp0, { viewer, requestId: "req-x", now })).toEqual({ ok: false, error: "forbidden" });
      }
    }
    expect(await revealCommenter(t.db, t.actors.countyOfficerA, online, { viewer: "officer", now })).toEqual({ ok: false, error: "forbidden" });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "personal_data.reveal"))).length).toBe(before);
  });

  it("reveals only within the reach of the page it is asked from, as that page shows the comment", async () => {
    const reveals = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, "personal_data.reveal"))).length;
    const before = await reveals();
    // The policy lets an officer above reveal, but a contact point's staff page is not theirs…
    expect(await revealCommenter(t.db, t.actors.countyOfficerA, atCp0, { viewer: "staff", now })).toEqual({ ok: false, error: "forbidden" });
    // …and the contact point's own staff reveal from their page, not from an officer's.
    expect(await revealCommenter(t.db, t.actors.staff, atCp0, { viewer: "officer", now })).toEqual({ ok: false, error: "forbidden" });
    // Someone who is staff of contact point 2 and an officer of county A may reveal a comment of contact
    // point 0 as an officer, but their staff page shows only contact point 2's comments.
    const both = await addPerson(t.db, "qiandaohu-staff-tonglu-officer", "contact_point_staff", { contactPointId: t.ids.contactPoints[2]! });
    await t.db.insert(memberships).values({ userId: both.id, role: "officer", organizationId: t.ids.countyA });
    const mixed = (await loadPrincipal(t.db, both.id))!;
    expect(await revealCommenter(t.db, mixed, atCp0, { viewer: "staff", now })).toEqual({ ok: false, error: "forbidden" });
    expect(await reveals()).toBe(before);
    expect((await revealCommenter(t.db, mixed, atCp0, { viewer: "officer", now })).ok).toBe(true);
    expect((await revealCommenter(t.db, mixed, atCp2, { viewer: "staff", now })).ok).toBe(true);
    expect(await revealCommenter(t.db, t.actors.staff, "not-a-uuid", { viewer: "staff", now })).toEqual({ ok: false, error: "not_found" });
  });

  it("reveals nothing when the audit entry cannot be written", async () => {
    const restore = await breakInserts(t.db, "audit_log");
    try {
      await expect(revealCommenter(t.db, t.actors.staff, atCp0, { viewer: "staff", requestId: "req-broken", now })).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await t.db.select().from(auditLog).where(eq(auditLog.requestId, "req-broken"))).toEqual([]);
  });

  it("has nothing to reveal once the details are erased, or when none were left", async () => {
    const erased = await addComment(t, { contactPointId: t.ids.contactPoints[0]!, status: "approved", commenter: { name: "赵六", phone: "13900001111" } });
    const [row] = await t.db.select({ commenterId: comments.commenterId }).from(comments).where(eq(comments.id, erased));
    await t.db.update(commenters).set({ name: null, phone: null, erasedAt: now }).where(eq(commenters.id, row!.commenterId!));
    const detail = await commentDetail(t.db, t.actors.staff, erased, "staff");
    expect(detail.ok && detail.value.commenter).toMatchObject({ erased: true, revealable: false, name: null });
    expect(await revealCommenter(t.db, t.actors.staff, erased, { viewer: "staff", now })).toEqual({ ok: false, error: "not_found" });
    const anonymous = await addComment(t, { contactPointId: t.ids.contactPoints[0]!, status: "approved" });
    expect((await commentDetail(t.db, t.actors.staff, anonymous, "staff")).ok && (await commentDetail(t.db, t.actors.staff, anonymous, "staff"))).toMatchObject({ value: { commenter: null } });
    expect(await revealCommenter(t.db, t.actors.staff, anonymous, { viewer: "staff", now })).toEqual({ ok: false, error: "not_found" });
  });

  it("shows the moderation history from the audit log and the opinions that cite the comment", async () => {
    await moderateComments(t.db, t.actors.countyOfficerA, { decision: "hide", reason: "含有他人电话。", comments: [{ id: atCp0, seen: "approved" }] }, { now, requestId: "r1" });
    await moderateComments(t.db, t.actors.officer, { decision: "approve", reason: "电话已删去。", comments: [{ id: atCp0, seen: "hidden" }] }, { now: new Date(now.getTime() + 60_000), requestId: "r2" });
    const [live] = await t.db.insert(opinions).values({ draftId: t.ids.draftId, contactPointId: t.ids.contactPoints[0]!, title: "关于保存期限的意见", bodyHtml: "<p>x</p>", bodyText: "x" }).returning({ id: opinions.id });
    const [gone] = await t.db.insert(opinions).values({ draftId: t.ids.draftId, organizationId: t.ids.countyA, bodyHtml: "<p>已撤回的归纳</p>", bodyText: "已撤回的归纳" }).returning({ id: opinions.id });
    await t.db.insert(opinionSources).values([{ opinionId: live!.id, commentId: atCp0 }, { opinionId: gone!.id, commentId: atCp0, removedAt: now }]);
    const detail = await commentDetail(t.db, t.actors.officer, atCp0, "officer");
    expect(detail.ok && detail.value.history).toEqual([
      { at: now, actorName: "tonglu-officer", from: "approved", to: "hidden", reason: "含有他人电话。" },
      { at: new Date(now.getTime() + 60_000), actorName: "王法工", from: "hidden", to: "approved", reason: "电话已删去。" },
    ]);
    expect(detail.ok && detail.value.opinions).toEqual([{ id: live!.id, title: "关于保存期限的意见", status: "draft", owner: "桐庐县城南街道基层立法联系点" }]);
    expect(detail.ok && detail.value).toMatchObject({ moderationStatus: "approved", moderatedByName: "王法工", moderationReason: "电话已删去。", mayModerate: true, mayReveal: true });
    const reveals = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "personal_data.reveal"), eq(auditLog.requestId, "r1")));
    expect(reveals).toEqual([]);
  });
});
