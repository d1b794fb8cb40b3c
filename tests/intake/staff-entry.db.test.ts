/**
 * Fast entry of views gathered offline: what is stored (said-by apart from entered-by, source
 * staff, approved, the contact point and symposium), what is refused next to which field, and a
 * double submit that makes one comment — through the services and through the route's form.
 */
import { eq } from "drizzle-orm";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, commenters, comments, outbox, provisions } from "../../db/schema";
import { contactPointHomes } from "~/chain/dashboards.server";
import { entryInput, type EntryInput } from "~/intake/staff-entry-input";
import { contextFilter, enteredComments, ENTRY_SCREEN_LIMIT } from "~/intake/staff-entered.server";
import { batchEntryContext, enterComment, symposiumEntryContext, type EntryContext } from "~/intake/staff-entry.server";
import { entryScreen, saveEntry } from "~/intake/staff-entry-responses.server";
import { createSymposium } from "~/intake/symposia.server";
import { parseForm } from "~/platform/forms";
import { formOf, NOW, openStaffDb, type StaffDb } from "./staff-db-fixtures";

describe("staff entry", () => {
  let t: StaffDb;
  let symposiumId: string;
  let ctx: EntryContext;
  const read = (fields: Record<string, string>) => parseForm(entryInput(() => NOW), formOf({ formKey: crypto.randomUUID(), saidOn: "2026-11-29", ...fields }));
  const valid = (fields: Record<string, string>): EntryInput => {
    const parsed = read(fields);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return parsed.data;
  };
  beforeAll(async () => {
    t = await openStaffDb();
    const created = await createSymposium(
      t.db, t.actors.staff,
      { contactPointId: t.ids.contactPoints[0]!, draftId: t.ids.draftId, heldOn: "2026-11-29", place: "城南街道社区服务中心", attendance: 14 },
      { file: null }, { now: NOW },
    );
    symposiumId = created.ok ? created.value.id : "";
    const c = await symposiumEntryContext(t.db, t.actors.staff, symposiumId, NOW);
    if (!c.ok) throw new Error(c.error);
    ctx = c.value;
  });
  afterAll(() => t?.h.close());

  it("stores a view as said by a resident and entered by the staff member, approved, with its symposium", async () => {
    const saved = await enterComment(t.db, t.actors.staff, ctx, valid({ article: "13", body: "建议明确“合理的范围”。", proposedText: "……在合理的范围内处理", reason: "便于执行", name: "张三", category: "resident", contact: "138 1234 5678" }), { now: NOW, requestId: "req-e" });
    expect(saved.ok && saved.value).toMatchObject({ label: "第十三条", repeated: false });
    const id = saved.ok ? saved.value.id : "";
    const [c] = await t.db.select().from(comments).where(eq(comments.id, id));
    expect(c).toMatchObject({
      source: "staff", channel: "symposium", moderationStatus: "approved", contactPointId: t.ids.contactPoints[0], symposiumId, enteredBy: t.actors.staff.id,
      category: "resident", saidOn: "2026-11-29", bodyText: "建议明确“合理的范围”。", proposedText: "……在合理的范围内处理", reason: "便于执行", region: "330122",
    });
    expect(c!.consultationId).toBe(ctx.consultationId);
    const [p] = await t.db.select().from(provisions).where(eq(provisions.id, c!.provisionId!));
    expect(p).toMatchObject({ label: "第十三条", stableKey: c!.provisionKey });
    // Said-by (the commenter) lives apart from entered-by (the user).
    const [who] = await t.db.select().from(commenters).where(eq(commenters.id, c!.commenterId!));
    expect(who).toMatchObject({ name: "张三", phone: "13812345678", email: null });
    expect(who!.name).not.toBe(t.actors.staff.displayName);
    expect((await t.db.select().from(outbox).where(eq(outbox.aggregateId, id)))[0]).toMatchObject({ topic: "comment.changed" });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit).toMatchObject({ action: "comment.enter", actorUserId: t.actors.staff.id, requestId: "req-e" });
  });

  it("stores a view on the whole draft when the article is left empty, and one without a commenter when nobody is named", async () => {
    const saved = await enterComment(t.db, t.actors.staff, ctx, valid({ article: " ", body: "总体赞成。" }), { now: NOW });
    const [c] = await t.db.select().from(comments).where(eq(comments.id, saved.ok ? saved.value.id : ""));
    expect(c).toMatchObject({ provisionId: null, provisionKey: null, commenterId: null, category: "other" });
  });

  it("refuses an article the draft does not have, next to the article field", async () => {
    const refused = await enterComment(t.db, t.actors.staff, ctx, valid({ article: "第九千条", body: "意见" }), { now: NOW });
    expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { article: { key: "staff.entry.articleNotFound", params: { input: "第九千条" } } } });
  });

  it("reads the article as people type it, and the picker's choice only while the field still shows it", async () => {
    const options = await Promise.all(["第十三条", "１３", "13条", "第13条"].map((article) => enterComment(t.db, t.actors.staff, ctx, valid({ article, body: "意见" }), { now: NOW })));
    expect(options.map((o) => o.ok && o.value.label)).toEqual(["第十三条", "第十三条", "第十三条", "第十三条"]);
    const [thirteen] = await t.db.select({ key: comments.provisionKey }).from(comments).where(eq(comments.id, options[0]!.ok ? options[0]!.value.id : ""));
    const typedOver = await enterComment(t.db, t.actors.staff, ctx, valid({ article: "14", articleKey: thirteen!.key!, body: "意见" }), { now: NOW });
    expect(typedOver.ok && typedOver.value.label).toBe("第十四条");
  });

  it("refuses a blank view, a view too long, a bad phone and a bad e-mail — each next to its field, with what was typed", () => {
    const blank = read({ article: "13", body: "  \u3000 " });
    expect(blank.ok ? null : blank.fieldErrors).toEqual({ body: { key: "errors.required" } });
    const long = read({ body: "长".repeat(10_001), proposedText: "改".repeat(5_001), name: "名".repeat(51) });
    expect(long.ok ? null : long.fieldErrors).toEqual({
      body: { key: "errors.tooLong", params: { max: 10_000 } }, proposedText: { key: "errors.tooLong", params: { max: 5_000 } }, name: { key: "errors.tooLong", params: { max: 50 } },
    });
    const phone = read({ body: "意见", contact: "12345" });
    expect(phone.ok ? null : phone.fieldErrors).toEqual({ contact: { key: "errors.phone" } });
    expect(phone.values).toMatchObject({ body: "意见", contact: "12345" });
    const email = read({ body: "意见", contact: "zhang@" });
    expect(email.ok ? null : email.fieldErrors).toEqual({ contact: { key: "errors.email" } });
    const future = read({ body: "意见", saidOn: "2026-12-01" });
    expect(future.ok ? null : future.fieldErrors).toEqual({ saidOn: { key: "staff.entry.dateInFuture" } });
    const ok = read({ body: "意见", contact: "zhang@example.com", category: "" });
    expect(ok.ok && ok.data).toMatchObject({ contact: { email: "zhang@example.com", phone: undefined }, category: "other" });
  });

  it("makes one comment of a form sent twice, one after the other or at the same moment", async () => {
    const input = valid({ article: "20", body: "重复提交的意见" });
    const first = await enterComment(t.db, t.actors.staff, ctx, input, { now: NOW });
    const again = await enterComment(t.db, t.actors.staff, ctx, input, { now: NOW });
    expect(again.ok && first.ok && again.value.id === first.value.id && again.value.repeated).toBe(true);
    const twin = valid({ article: "21", body: "同时提交的意见", name: "李四" });
    const both = await Promise.all([enterComment(t.db, t.actors.staff, ctx, twin, { now: NOW }), enterComment(t.db, t.actors.staff, ctx, twin, { now: NOW })]);
    expect(new Set(both.map((b) => b.ok && b.value.id)).size).toBe(1);
    expect(await t.db.select().from(comments).where(eq(comments.bodyText, "重复提交的意见"))).toHaveLength(1);
    const twins = await t.db.select().from(comments).where(eq(comments.bodyText, "同时提交的意见"));
    expect(twins).toHaveLength(1);
    expect((await t.db.select().from(commenters).where(eq(commenters.name, "李四")))).toHaveLength(1);
  });

  it("answers the route's form: a redirect to the cleared form without JavaScript, data for the fetcher with it, one comment either way", async () => {
    const context = { db: t.db, requestId: "req-form" } as unknown as AppLoadContext;
    const url = `http://localhost/staff/symposia/${symposiumId}/entry`;
    const fields = { formKey: crypto.randomUUID(), article: "30", body: "表单提交的意见", saidOn: "2026-11-29" };
    const post = (extra: Record<string, string> = {}) => new Request(url, { method: "POST", body: formOf({ ...fields, ...extra }) });
    const plain = (await saveEntry(post(), context, t.actors.staff, ctx)) as Response;
    expect(plain.status).toBe(303);
    const code = new URL(plain.headers.get("Location")!, url).searchParams.get("saved");
    expect(code).toMatch(/^MY-/);
    const js = (await saveEntry(post({ js: "1" }), context, t.actors.staff, ctx)) as unknown as { data: { ok: boolean; saved: { code: string; repeated: boolean }; nextKey: string } };
    expect(js.data).toMatchObject({ ok: true, saved: { code, repeated: true } });
    expect(js.data.nextKey).not.toBe(fields.formKey);
    const bad = (await saveEntry(new Request(url, { method: "POST", body: formOf({ ...fields, formKey: crypto.randomUUID(), article: "第九千条", body: "" }) }), context, t.actors.staff, ctx)) as unknown as { init: { status: number }; data: { fieldErrors: object; values: Record<string, string> } };
    expect(bad.init.status).toBe(400);
    // Every problem at once: the clause the draft lacks as well as the missing view.
    expect(bad.data.fieldErrors).toEqual({ article: { key: "staff.entry.articleNotFound", params: { input: "第九千条" } }, body: { key: "errors.required" } });
    expect(bad.data.values).toMatchObject({ article: "第九千条" });
    expect(await t.db.select().from(comments).where(eq(comments.bodyText, "表单提交的意见"))).toHaveLength(1);
  });

  it("lists what was entered, newest first, with who said it masked, and counts it on the staff home", async () => {
    const { rows, total } = await enteredComments(t.db, contextFilter(ctx));
    expect(total).toBe(rows.length);
    expect(rows.every((r, i) => i === 0 || r.createdAt.getTime() <= rows[i - 1]!.createdAt.getTime())).toBe(true);
    const zhang = rows.find((r) => r.body === "建议明确“合理的范围”。");
    expect(zhang).toMatchObject({ articleLabel: "第十三条", saidBy: { name: "张*", phone: "138****5678", email: null }, enteredBy: t.actors.staff.displayName, editable: true });
    expect(JSON.stringify(rows)).not.toContain("13812345678");
    const [home] = await contactPointHomes(t.db, t.actors.staff, NOW);
    expect(home!.consultations.find((c) => c.id === ctx.consultationId)!.collected).toBe(total);
  });

  it("enters letters, calls and visits in a batch without a symposium, kept apart from the symposium's list", async () => {
    const batch = await batchEntryContext(t.db, t.actors.staff, { draft: "personal-information-protection", channel: "letter" }, NOW);
    expect(batch.ok && batch.value).toMatchObject({ channel: "letter", symposium: null, contactPoint: { id: t.ids.contactPoints[0] }, defaultSaidOn: "2026-11-30" });
    if (!batch.ok) return;
    const saved = await enterComment(t.db, t.actors.staff, batch.value, valid({ article: "1", body: "来信意见" }), { now: NOW });
    const [c] = await t.db.select().from(comments).where(eq(comments.id, saved.ok ? saved.value.id : ""));
    expect(c).toMatchObject({ channel: "letter", symposiumId: null, source: "staff", contactPointId: t.ids.contactPoints[0] });
    expect((await enteredComments(t.db, contextFilter(batch.value))).rows.map((r) => r.body)).toEqual(["来信意见"]);
    expect(await batchEntryContext(t.db, t.actors.staff, { draft: "personal-information-protection", channel: "online" }, NOW)).toEqual({ ok: false, error: "not_found" });
    expect(await batchEntryContext(t.db, t.actors.staff, { draft: "criminal-law", channel: "letter" }, NOW)).toEqual({ ok: false, error: "not_found" });
    expect(await batchEntryContext(t.db, t.actors.staff, { draft: "personal-information-protection", channel: "letter", contactPointId: t.ids.contactPoints[1] }, NOW)).toEqual({ ok: false, error: "not_found" });
  });

  it("does not let another contact point's staff add to the symposium, nor officers above (who only read)", async () => {
    expect(await symposiumEntryContext(t.db, t.actors.otherStaff, symposiumId, NOW)).toEqual({ ok: false, error: "not_found" });
    expect(await symposiumEntryContext(t.db, t.actors.countyOfficerB, symposiumId, NOW)).toEqual({ ok: false, error: "not_found" });
    expect(await symposiumEntryContext(t.db, t.actors.officer, symposiumId, NOW)).toEqual({ ok: false, error: "forbidden" });
  });
  it("lists the latest views on the fast-entry screen, newest first, with the count of all", async () => {
    const created = await createSymposium(
      t.db, t.actors.staff,
      { contactPointId: t.ids.contactPoints[0]!, draftId: t.ids.draftId, heldOn: "2026-11-28", place: "城南街道文化礼堂", attendance: 40 },
      { file: null }, { now: NOW },
    );
    const c = await symposiumEntryContext(t.db, t.actors.staff, created.ok ? created.value.id : "", NOW);
    if (!c.ok) throw new Error(c.error);
    for (let i = 1; i <= ENTRY_SCREEN_LIMIT + 5; i++) {
      await enterComment(t.db, t.actors.staff, c.value, valid({ article: "13", body: `第${i}条意见` }), { now: new Date(NOW.getTime() + i * 1000) });
    }
    const screen = await entryScreen({ db: t.db } as unknown as AppLoadContext, c.value, new URL("http://localhost/staff/entry"));
    expect(screen.entered.total).toBe(ENTRY_SCREEN_LIMIT + 5);
    expect(screen.entered.rows).toHaveLength(ENTRY_SCREEN_LIMIT);
    expect(screen.entered.rows[0]!.body).toBe(`第${ENTRY_SCREEN_LIMIT + 5}条意见`);
  });
});
