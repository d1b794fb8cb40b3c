/**
 * 座谈会: a contact point records a symposium on a draft it was asked about, with the sign-in sheet
 * attached (checked by its bytes, stored with its SHA-256, downloads audited); other contact
 * points' staff cannot see it, officers above may read it.
 */
import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, auditLog, drafts, symposia } from "../../db/schema";
import { contactPointHomes } from "~/chain/dashboards.server";
import { FILE_TOO_LARGE } from "~/intake/attachments.server";
import { entryInput, symposiumInput, type SymposiumInput } from "~/intake/staff-entry-input";
import { enterComment, symposiumEntryContext } from "~/intake/staff-entry.server";
import { createSymposium, createSymposiumFromForm, newSymposiumForm, symposiumMinutes, symposiumPage, symposiumWithViews } from "~/intake/symposia.server";
import { parseForm } from "~/platform/forms";
import { formOf, NOW, openStaffDb, PNG, type StaffDb } from "./staff-db-fixtures";

describe("symposia", () => {
  let t: StaffDb;
  let input: SymposiumInput;
  beforeAll(async () => {
    t = await openStaffDb();
    input = { contactPointId: t.ids.contactPoints[0]!, draftId: t.ids.draftId, heldOn: "2026-11-29", place: "城南街道社区服务中心三楼会议室", attendance: 14, topic: "个人信息保护法草案座谈" };
  });
  afterAll(() => t?.h.close());

  it("records a symposium with its sign-in sheet, stored with a SHA-256, and audits it", async () => {
    const created = await createSymposium(t.db, t.actors.staff, input, { file: { name: "签到表.png", bytes: PNG } }, { now: NOW, requestId: "req-1" });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : "";
    const [s] = await t.db.select().from(symposia).where(eq(symposia.id, id));
    expect(s).toMatchObject({ contactPointId: input.contactPointId, draftId: input.draftId, heldOn: "2026-11-29", attendance: 14, createdBy: t.actors.staff.id });
    expect(s!.consultationId).not.toBeNull();
    const [file] = await t.db.select().from(attachments).where(eq(attachments.id, s!.minutesAttachmentId!));
    expect(file).toMatchObject({ fileName: "签到表.png", mediaType: "image/png", byteSize: PNG.byteLength, uploadedBy: t.actors.staff.id });
    expect(file!.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, "symposium.create")));
    expect(audit).toMatchObject({ actorUserId: t.actors.staff.id, requestId: "req-1" });
    expect(audit!.detail).toMatchObject({ attachmentSha256: file!.sha256 });
  });

  it("lets the contact point's staff and the officers above download the minutes, auditing each download", async () => {
    const created = await createSymposium(t.db, t.actors.staff, input, { file: { name: "签到表.png", bytes: PNG } }, { now: NOW });
    const id = created.ok ? created.value.id : "";
    const mine = await symposiumMinutes(t.db, t.actors.staff, id, { now: NOW });
    expect(mine.ok && Buffer.from(mine.value.content).equals(Buffer.from(PNG))).toBe(true);
    expect((await symposiumMinutes(t.db, t.actors.officer, id, { now: NOW })).ok).toBe(true);
    const downloads = await t.db.select().from(auditLog).where(eq(auditLog.action, "attachment.download"));
    expect(downloads.filter((d) => (d.detail as { symposiumId?: string }).symposiumId === id).map((d) => d.actorUserId).sort()).toEqual([t.actors.staff.id, t.actors.officer.id].sort());
    expect(await symposiumMinutes(t.db, t.actors.otherStaff, id, { now: NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await symposiumMinutes(t.db, t.actors.countyOfficerB, id, { now: NOW })).toEqual({ ok: false, error: "not_found" });
  });

  it("shows the symposium to its own staff (who may add to it) and to officers above (read only), to nobody else", async () => {
    const created = await createSymposium(t.db, t.actors.staff, input, { file: null }, { now: NOW });
    const id = created.ok ? created.value.id : "";
    const own = await symposiumPage(t.db, t.actors.staff, id);
    expect(own.ok && own.value).toMatchObject({ canEnter: true, place: input.place, attendance: 14, minutes: null, comments: 0 });
    const officer = await symposiumPage(t.db, t.actors.officer, id);
    expect(officer.ok && officer.value.canEnter).toBe(false);
    expect(await symposiumPage(t.db, t.actors.otherStaff, id)).toEqual({ ok: false, error: "not_found" });
    expect(await symposiumPage(t.db, t.actors.countyOfficerB, id)).toEqual({ ok: false, error: "not_found" });
    expect(await symposiumPage(t.db, t.actors.staff, "not-a-uuid")).toEqual({ ok: false, error: "not_found" });
  });

  it("lists the symposia and the views collected per consultation on the staff home", async () => {
    const [home] = await contactPointHomes(t.db, t.actors.staff, NOW);
    expect(home!.symposia.length).toBeGreaterThanOrEqual(3);
    expect(home!.symposia.every((s) => s.contactPointId === t.ids.contactPoints[0])).toBe(true);
    expect(home!.consultations.find((c) => c.draftId === t.ids.draftId)).toMatchObject({ collected: 0 });
    const [other] = await contactPointHomes(t.db, t.actors.otherStaff, NOW);
    expect(other!.symposia).toEqual([]);
  });

  it("refuses another contact point's staff, and a draft the contact point was not asked about", async () => {
    expect(await createSymposium(t.db, t.actors.otherStaff, input, { file: null }, { now: NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await createSymposium(t.db, t.actors.officer, input, { file: null }, { now: NOW })).toMatchObject({ ok: false });
    const [criminalLaw] = await t.db.select({ id: drafts.id }).from(drafts).where(eq(drafts.slug, "criminal-law"));
    const refused = await createSymposium(t.db, t.actors.staff, { ...input, draftId: criminalLaw!.id }, { file: null }, { now: NOW });
    expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { draftId: { key: "errors.invalidChoice" } } });
  });

  it("refuses a file that is not a PDF, Word, JPG or PNG, an empty one, and one over 10 MB — next to the file field", async () => {
    const exe = await createSymposium(t.db, t.actors.staff, input, { file: { name: "签到表.png", bytes: new TextEncoder().encode("MZ not a picture") } }, { now: NOW });
    expect(exe).toMatchObject({ ok: false, error: "invalid", fieldErrors: { minutes: { key: "staff.symposium.file.unsupported_type" } } });
    const empty = await createSymposium(t.db, t.actors.staff, input, { file: { name: "x.pdf", bytes: new Uint8Array() } }, { now: NOW });
    expect(empty).toMatchObject({ fieldErrors: { minutes: { key: "staff.symposium.file.empty" } } });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    const tooBig = await createSymposium(t.db, t.actors.staff, input, { file: { name: "纪要.pdf", bytes: big } }, { now: NOW });
    expect(tooBig).toMatchObject({ fieldErrors: { minutes: { key: "errors.fileTooLarge", params: { mb: 10 } } } });
    expect(await createSymposium(t.db, t.actors.staff, input, { file: null, tooLarge: true }, { now: NOW })).toMatchObject({ fieldErrors: { minutes: { key: "errors.fileTooLarge" } } });
  });

  it("reads the form: date, place and attendance required, attendance a number, no date after today", () => {
    const schema = symposiumInput(() => NOW);
    const blank = parseForm(schema, formOf({ contactPointId: input.contactPointId, draftId: input.draftId, heldOn: "", place: "  ", attendance: "" }));
    expect(blank.ok ? {} : blank.fieldErrors).toEqual({ heldOn: { key: "errors.required" }, place: { key: "errors.required" }, attendance: { key: "errors.required" } });
    const wrong = parseForm(schema, formOf({ contactPointId: input.contactPointId, draftId: input.draftId, heldOn: "2026-12-01", place: "会议室", attendance: "十四" }));
    expect(wrong.ok ? {} : wrong.fieldErrors).toEqual({ heldOn: { key: "staff.entry.dateInFuture" }, attendance: { key: "staff.symposium.attendanceFormat" } });
    const ok = parseForm(schema, formOf({ contactPointId: input.contactPointId, draftId: input.draftId, heldOn: "2026-11-30", place: "会议室", attendance: "１４", topic: "" }));
    expect(ok.ok && ok.data).toMatchObject({ attendance: 14, topic: undefined, heldOn: "2026-11-30" });
  });

  it("shows a symposium's page with the views entered at it (said-by masked), to its staff and the officers above only", async () => {
    const create = async () => {
      const created = await createSymposium(t.db, t.actors.staff, input, { file: null }, { now: NOW });
      if (!created.ok) throw new Error(created.error);
      return created.value.id;
    };
    const enter = async (symposiumId: string, fields: Record<string, string>) => {
      const ctx = await symposiumEntryContext(t.db, t.actors.staff, symposiumId, NOW);
      const parsed = parseForm(entryInput(() => NOW), formOf({ formKey: crypto.randomUUID(), saidOn: "2026-11-29", ...fields }));
      if (!ctx.ok || !parsed.ok) throw new Error("could not enter a view");
      const saved = await enterComment(t.db, t.actors.staff, ctx.value, parsed.data, { now: NOW });
      if (!saved.ok) throw new Error(saved.error);
    };
    const [here, elsewhere] = [await create(), await create()];
    await enter(here, { article: "13", body: "座谈会上的意见", name: "张三", contact: "13812345678" });
    await enter(elsewhere, { body: "另一场座谈会的意见" });
    const own = await symposiumWithViews(t.db, t.actors.staff, here);
    expect(own.ok && own.value.symposium).toMatchObject({ id: here, canEnter: true, place: input.place, comments: 1 });
    expect(own.ok && own.value.entered).toMatchObject({ total: 1, rows: [{ body: "座谈会上的意见", articleLabel: "第十三条", saidBy: { name: "张*", phone: "138****5678" }, editable: true }] });
    expect(JSON.stringify(own)).not.toContain("13812345678");
    const officer = await symposiumWithViews(t.db, t.actors.officer, here);
    expect(officer.ok && officer.value.symposium.canEnter).toBe(false);
    expect(officer.ok && officer.value.entered.rows.map((r) => r.body)).toEqual(["座谈会上的意见"]);
    expect(await symposiumWithViews(t.db, t.actors.otherStaff, here)).toEqual({ ok: false, error: "not_found" });
    expect(await symposiumWithViews(t.db, t.actors.countyOfficerB, here)).toEqual({ ok: false, error: "not_found" });
    expect(await symposiumWithViews(t.db, t.actors.staff, "not-a-uuid")).toEqual({ ok: false, error: "not_found" });
  });

  it("opens the new-symposium form on the draft asked for (by id or slug, else the newest) and today's date in China", async () => {
    const [draft] = await t.db.select({ slug: drafts.slug }).from(drafts).where(eq(drafts.id, t.ids.draftId));
    const bySlug = await newSymposiumForm(t.db, t.actors.staff, { draft: draft!.slug, now: NOW });
    expect(bySlug.options.map((o) => o.draftId)).toContain(t.ids.draftId);
    expect(bySlug.options.every((o) => o.contactPointId === t.ids.contactPoints[0])).toBe(true);
    expect(bySlug.values).toEqual({ draftId: t.ids.draftId, heldOn: "2026-11-30" });
    expect((await newSymposiumForm(t.db, t.actors.staff, { draft: t.ids.draftId, now: NOW })).values.draftId).toBe(t.ids.draftId);
    // 2026-11-30T17:00Z is already 1 December in China.
    const unknown = await newSymposiumForm(t.db, t.actors.staff, { draft: "no-such-draft", now: new Date("2026-11-30T17:00:00Z") });
    expect(unknown.values).toEqual({ draftId: bySlug.options[0]!.draftId, heldOn: "2026-12-01" });
    // Officers above do not hold symposia: nothing to choose.
    expect(await newSymposiumForm(t.db, t.actors.officer, { draft: null, now: NOW })).toEqual({ options: [], values: { draftId: "", heldOn: "2026-11-30" } });
  });

  it("creates a symposium from the posted form, or answers every error, asking for a chosen file again", async () => {
    const symposiaNow = async () => (await t.db.select({ n: count() }).from(symposia))[0]!.n;
    const before = await symposiaNow();
    const read = (fields: Record<string, string | Blob>) =>
      parseForm(symposiumInput(() => NOW), formOf({ contactPointId: input.contactPointId, draftId: input.draftId, heldOn: "2026-11-29", place: "会议室", attendance: "14", ...fields }));
    const png = () => new File([PNG], "签到表.png", { type: "image/png" });
    const broken = { place: " ", attendance: "十四" };
    const errors = { place: { key: "errors.required" }, attendance: { key: "staff.symposium.attendanceFormat" } };
    expect(await createSymposiumFromForm(t.db, t.actors.staff, read({ ...broken, minutes: png() }), png(), { now: NOW }))
      .toEqual({ ok: false, error: "invalid", fieldErrors: { ...errors, minutes: { key: "staff.symposium.fileAgain" } } });
    expect(await createSymposiumFromForm(t.db, t.actors.staff, read(broken), FILE_TOO_LARGE, { now: NOW }))
      .toEqual({ ok: false, error: "invalid", fieldErrors: { ...errors, minutes: { key: "errors.fileTooLarge", params: { mb: 10 } } } });
    expect(await createSymposiumFromForm(t.db, t.actors.staff, read(broken), null, { now: NOW })).toEqual({ ok: false, error: "invalid", fieldErrors: errors });
    expect(await createSymposiumFromForm(t.db, t.actors.staff, read({}), FILE_TOO_LARGE, { now: NOW }))
      .toEqual({ ok: false, error: "invalid", fieldErrors: { minutes: { key: "errors.fileTooLarge", params: { mb: 10 } } } });
    expect(await createSymposiumFromForm(t.db, t.actors.otherStaff, read({}), null, { now: NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await symposiaNow()).toBe(before);
    const created = await createSymposiumFromForm(t.db, t.actors.staff, read({ topic: "座谈" }), png(), { now: NOW, requestId: "req-form" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const [s] = await t.db.select().from(symposia).where(eq(symposia.id, created.value.id));
    expect(s).toMatchObject({ place: "会议室", attendance: 14, topic: "座谈", heldOn: "2026-11-29", createdBy: t.actors.staff.id });
    const [file] = await t.db.select().from(attachments).where(eq(attachments.id, s!.minutesAttachmentId!));
    expect(file).toMatchObject({ fileName: "签到表.png", mediaType: "image/png", byteSize: PNG.byteLength });
  });
});
