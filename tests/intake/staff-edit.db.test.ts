/**
 * Correcting an entered view: never silent (an outbox message and an audit entry with what it said
 * before; showing the personal data for editing is audited), only by the contact point's own staff,
 * and only while the view is as received.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, commenters, comments, outbox } from "../../db/schema";
import { editInput, entryInput, type EditInput } from "~/intake/staff-entry-input";
import { commentForEdit, editComment, saveCommentEdit } from "~/intake/staff-comment-edit.server";
import { batchEntryContext, enterComment, type EntryContext } from "~/intake/staff-entry.server";
import { parseForm } from "~/platform/forms";
import { formOf, NOW, openStaffDb, type StaffDb } from "./staff-db-fixtures";

const LATER = new Date(NOW.getTime() + 60_000);

describe("editing an entered view", () => {
  let t: StaffDb;
  let ctx: EntryContext;
  const edit = (fields: Record<string, string>): EditInput => {
    const parsed = parseForm(editInput(() => NOW), formOf({ saidOn: "2026-11-28", ...fields }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return parsed.data;
  };
  const enter = async (fields: Record<string, string>) => {
    const parsed = parseForm(entryInput(() => NOW), formOf({ formKey: crypto.randomUUID(), saidOn: "2026-11-28", ...fields }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const saved = await enterComment(t.db, t.actors.staff, ctx, parsed.data, { now: NOW });
    if (!saved.ok) throw new Error(saved.error);
    return saved.value.id;
  };
  beforeAll(async () => {
    t = await openStaffDb();
    const c = await batchEntryContext(t.db, t.actors.staff, { draft: "personal-information-protection", channel: "phone" }, NOW);
    if (!c.ok) throw new Error(c.error);
    ctx = c.value;
  });
  afterAll(() => t?.h.close());

  it("shows the form filled in, personal data in full, and audits that reveal", async () => {
    const id = await enter({ article: "13", body: "电话意见", name: "王五", contact: "0571-88886666", category: "lawyer" });
    const shown = await commentForEdit(t.db, t.actors.staff, id, { now: NOW, requestId: "req-show" });
    expect(shown.ok && shown.value).toMatchObject({
      articleLabel: "第十三条", returnTo: "/staff/entry?draft=personal-information-protection&channel=phone",
      values: { article: "第十三条", body: "电话意见", name: "王五", contact: "0571-88886666", category: "lawyer", saidOn: "2026-11-28" },
    });
    const reveals = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "personal_data.reveal"), eq(auditLog.requestId, "req-show")));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ actorUserId: t.actors.staff.id, subjectType: "commenter" });
  });

  it("writes the change with a comment.changed outbox message and an audit entry keeping what it said before", async () => {
    const id = await enter({ article: "13", body: "原来的意见", name: "赵六", contact: "13900001111" });
    const edited = await editComment(t.db, t.actors.staff, id, edit({ article: "14", body: "改过的意见", name: "赵六", contact: "zhao@example.com", category: "expert" }), { now: LATER, requestId: "req-edit" });
    expect(edited).toEqual({ ok: true, value: { returnTo: "/staff/entry?draft=personal-information-protection&channel=phone" } });
    const [c] = await t.db.select().from(comments).where(eq(comments.id, id));
    expect(c).toMatchObject({ bodyText: "改过的意见", category: "expert", saidOn: "2026-11-28", enteredBy: t.actors.staff.id });
    expect(c!.updatedAt.getTime()).toBe(LATER.getTime());
    const [who] = await t.db.select().from(commenters).where(eq(commenters.id, c!.commenterId!));
    expect(who).toMatchObject({ name: "赵六", phone: null, email: "zhao@example.com" });
    const [message] = await t.db.select().from(outbox).where(eq(outbox.aggregateId, id));
    expect(message).toMatchObject({ topic: "comment.changed", aggregateType: "comment", payload: { reason: "edited" } });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "comment.edit"), eq(auditLog.subjectId, id)));
    expect(audit).toMatchObject({ actorUserId: t.actors.staff.id, requestId: "req-edit" });
    expect(audit!.detail).toMatchObject({ before: { body: "原来的意见", category: "other" }, articleBefore: "第十三条" });
    expect((audit!.detail as { changed: string[] }).changed.sort()).toEqual(["body", "category", "email", "phone", "provisionKey"]);
    // The personal data itself never goes into the audit log.
    expect(JSON.stringify(audit!.detail)).not.toContain("13900001111");
    expect(JSON.stringify(audit!.detail)).not.toContain("zhao@example.com");
  });

  it("adds a commenter when a name is given afterwards, and writes nothing when nothing changed", async () => {
    const id = await enter({ body: "匿名来电" });
    await editComment(t.db, t.actors.staff, id, edit({ body: "匿名来电", name: "钱七" }), { now: LATER });
    const [c] = await t.db.select().from(comments).where(eq(comments.id, id));
    expect((await t.db.select().from(commenters).where(eq(commenters.id, c!.commenterId!)))[0]).toMatchObject({ name: "钱七" });
    const before = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id))).length;
    await editComment(t.db, t.actors.staff, id, edit({ body: "匿名来电", name: "钱七" }), { now: LATER });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id))).toHaveLength(before);
  });

  it("refuses errors next to their fields and changes nothing", async () => {
    const id = await enter({ article: "13", body: "不变的意见" });
    const refused = await editComment(t.db, t.actors.staff, id, edit({ article: "第九千条", body: "新的" }), { now: LATER });
    expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { article: { key: "staff.entry.articleNotFound", params: { input: "第九千条" } } } });
    expect((await t.db.select().from(comments).where(eq(comments.id, id)))[0]!.bodyText).toBe("不变的意见");
  });

  it("is refused to another contact point's staff and to officers, and once the view has been consolidated", async () => {
    const id = await enter({ body: "别人不能改" });
    const input = edit({ body: "被改了" });
    expect(await editComment(t.db, t.actors.otherStaff, id, input, { now: LATER })).toEqual({ ok: false, error: "not_found" });
    expect(await commentForEdit(t.db, t.actors.otherStaff, id, { now: LATER })).toEqual({ ok: false, error: "not_found" });
    expect(await editComment(t.db, t.actors.officer, id, input, { now: LATER })).toEqual({ ok: false, error: "forbidden" });
    await t.db.update(comments).set({ processingStatus: "consolidated" }).where(eq(comments.id, id));
    expect(await editComment(t.db, t.actors.staff, id, input, { now: LATER })).toEqual({ ok: false, error: "conflict" });
    expect((await t.db.select().from(comments).where(eq(comments.id, id)))[0]!.bodyText).toBe("别人不能改");
  });

  it("saves the posted form, or answers it with every error — the article's too, for those who may edit the view", async () => {
    const id = await enter({ article: "13", body: "表单里的意见" });
    const read = (fields: Record<string, string>) => parseForm(editInput(() => NOW), formOf({ saidOn: "2026-11-28", ...fields }));
    const broken = read({ article: "第九千条", body: " " });
    const refused = await saveCommentEdit(t.db, t.actors.staff, id, broken, { now: LATER });
    expect(refused).toMatchObject({ ok: false, error: "invalid", fieldErrors: { article: { key: "staff.entry.articleNotFound", params: { input: "第九千条" } }, body: { key: "errors.required" } } });
    // Another contact point's staff learn nothing of the draft's clauses: only what the form itself says.
    const other = await saveCommentEdit(t.db, t.actors.otherStaff, id, broken, { now: LATER });
    expect(other.ok === false && other.error === "invalid" && Object.keys(other.fieldErrors)).toEqual(["body"]);
    expect(await saveCommentEdit(t.db, t.actors.otherStaff, id, read({ body: "被改了" }), { now: LATER })).toEqual({ ok: false, error: "not_found" });
    expect((await t.db.select().from(comments).where(eq(comments.id, id)))[0]!.bodyText).toBe("表单里的意见");
    const saved = await saveCommentEdit(t.db, t.actors.staff, id, read({ article: "14", body: "表单改过的意见" }), { now: LATER });
    expect(saved).toEqual({ ok: true, value: { returnTo: "/staff/entry?draft=personal-information-protection&channel=phone" } });
    expect((await t.db.select().from(comments).where(eq(comments.id, id)))[0]).toMatchObject({ bodyText: "表单改过的意见", provisionKey: "art-14" });
  });
});
