/**
 * 座谈会: a contact point records a symposium on a draft it was asked about, with the sign-in sheet
 * attached (checked by its bytes, stored with its SHA-256, downloads audited); other contact
 * points' staff cannot see it, officers above may read it.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, auditLog, drafts, symposia } from "../../db/schema";
import { contactPointHomes } from "~/chain/dashboards.server";
import { symposiumInput, type SymposiumInput } from "~/intake/staff-entry-input";
import { createSymposium, symposiumMinutes, symposiumPage } from "~/intake/symposia.server";
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
});
