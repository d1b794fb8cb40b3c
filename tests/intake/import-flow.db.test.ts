/**
 * Bulk import end to end on the database: the report names every problem by row and column before
 * anything is written; a commit writes every comment as imported by the staff member, with one
 * outbox message; it is all or nothing; and it belongs to the contact point's own staff (officers
 * above may only read it).
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, auditLog, commenters, comments, drafts, outbox } from "../../db/schema";
import { importVersion, publishVersion } from "~/drafts/versions.server";
import { bulkCommentWriter, startCommit } from "~/intake/import/commit-import.server";
import { ABANDONED_AFTER_MS } from "~/intake/import/import-failure.server";
import { importProgressView, importReportView } from "~/intake/import/import-views.server";
import { newImportForm, readUploadRequest, uploadImport } from "~/intake/import/upload-import.server";
import { commentCount, importRow, openImportDb, SEED_NOW, upload, uploadAndCommit, xlsxOf, type ImportDb } from "./import-db-fixtures";

const HEADER = ["序号", "条款", "意见内容", "修改建议", "理由", "提出人", "身份", "联系方式", "渠道", "日期", "备注"];

describe("importing comments from a spreadsheet", () => {
  let t: ImportDb;
  beforeAll(async () => {
    t = await openImportDb();
  });
  afterAll(() => t?.h.close());

  const audits = async (importId: string) =>
    (await t.db.select({ action: auditLog.action, actor: auditLog.actorUserId, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.subjectId, importId)).orderBy(auditLog.id));

  it("reports every problem by the sheet's row number and column before anything is written", async () => {
    const before = await commentCount(t);
    const bytes = await xlsxOf([
      ["桐庐县城南街道基层立法联系点意见汇总表"],
      [],
      HEADER,
      [1, "第二条", "建议明确“个人信息”的范围。", null, null, "王五", "居民", "13812345678", "座谈会", "2026-11-28", "无"],
      [2, "第二百条", "本条规定过于原则。", null, null, null, null, null, null, null, null],
      [],
      [3, "第三条", "   ", "修改为……", null, null, null, null, null, null, null],
      [4, "第四条", "建议增加例外情形。", null, null, null, "路人", null, null, null, null],
      [5, "全文", "建议加快立法进度。", null, null, null, "律师", "12345", "来信", "2027-01-01", null],
    ]);
    const r = await upload(t, bytes);
    expect(r).toMatchObject({ ok: true, value: { status: "invalid" } });
    if (!r.ok) return;
    const row = await importRow(t, r.value.id);
    expect(row).toMatchObject({ status: "invalid", totalRows: 5, contactPointId: t.contactPointId, draftId: t.ids.draftId, createdBy: t.actors.staff.id });
    expect(row.errors).toMatchObject({
      errorCount: 5,
      errors: [
        { row: 5, column: "条款", code: "articleNotFound", params: { value: "第二百条" } },
        { row: 7, column: "意见内容", code: "required" },
        { row: 8, column: "身份", code: "category", params: { value: "路人" } },
        { row: 9, column: "日期", code: "dateFuture", params: { value: "2027-01-01" } },
        { row: 9, column: "联系方式", code: "contact", params: { value: "12345" } },
      ],
      notices: [{ code: "extraColumns", params: { columns: "备注" } }],
      defaultChannel: "symposium",
    });
    // The file itself is kept with the import, byte for byte.
    const [file] = await t.db.select().from(attachments).where(eq(attachments.id, row.attachmentId!));
    expect(file).toMatchObject({ fileName: "意见汇总.xlsx", byteSize: bytes.byteLength, uploadedBy: t.actors.staff.id });
    expect(Buffer.from(file!.content).equals(Buffer.from(bytes))).toBe(true);
    expect(await commentCount(t)).toBe(before);
    expect(await audits(r.value.id)).toEqual([
      { action: "import.validated", actor: t.actors.staff.id, detail: expect.objectContaining({ status: "invalid", rows: 5, errors: 5, fileName: "意见汇总.xlsx" }) },
    ]);
    // The report page: counts, the problems, and no commit.
    const view = await importReportView(t.db, t.actors.staff, r.value.id);
    expect(view).toMatchObject({ ok: true, value: { summary: { status: "invalid", errorCount: 5, canCommit: false, totalRows: 5 }, page: 1, pages: 1, keptErrors: 5 } });
    expect(await startCommit(t.db, t.actors.staff, r.value.id, { now: SEED_NOW })).toEqual({ ok: false, error: "conflict" });
  });

  it("commits a ready import: every comment imported by the staff member, approved, with its commenter, and one outbox message", async () => {
    const commentersBefore = (await t.db.select({ n: count() }).from(commenters))[0]!.n;
    const bytes = await xlsxOf([
      HEADER.slice(0, 10),
      [1, "第十条", "建议明确处理敏感个人信息的条件。", "修改为：……", "便于执行", "赵六", "人大代表", "0571-88886666", "走访", new Date(Date.UTC(2026, 10, 27))],
      [2, 13, "建议增加未成年人保护。", null, null, null, "学生", "li@example.com", null, "2026年11月29日"],
      [3, "全文", "总体赞成。", null, null, null, null, null, "问卷", null],
    ]);
    const { importId, result } = await uploadAndCommit(t, bytes);
    expect(result).toEqual({ ok: true, imported: 3 });
    expect(await importRow(t, importId)).toMatchObject({ status: "done", processedRows: 3, totalRows: 3, finishedAt: expect.any(Date) });
    const rows = await t.db.select().from(comments).where(eq(comments.importId, importId)).orderBy(comments.saidOn);
    expect(rows).toHaveLength(3);
    for (const c of rows) {
      expect(c).toMatchObject({ source: "import", importId, contactPointId: t.contactPointId, enteredBy: t.actors.staff.id, moderationStatus: "approved", draftId: t.ids.draftId, region: "330122" });
      expect(c.consultationId).not.toBeNull();
      expect(c.receiptCode).toMatch(/^MY-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    }
    const byText = (s: string) => rows.find((c) => c.bodyText.includes(s))!;
    expect(byText("敏感")).toMatchObject({ provisionKey: "art-10", channel: "visit", category: "deputy", saidOn: "2026-11-27", proposedText: "修改为：……", reason: "便于执行" });
    expect(byText("未成年人")).toMatchObject({ provisionKey: "art-13", channel: "symposium", category: "student", saidOn: "2026-11-29" });
    expect(byText("总体赞成")).toMatchObject({ provisionKey: null, provisionId: null, channel: "questionnaire", category: "other", commenterId: null, saidOn: null });
    expect(byText("敏感").provisionId).not.toBeNull();
    const [zhao] = await t.db.select().from(commenters).where(eq(commenters.id, byText("敏感").commenterId!));
    expect(zhao).toMatchObject({ name: "赵六", phone: "0571-88886666", email: null, consentAt: null });
    const [li] = await t.db.select().from(commenters).where(eq(commenters.id, byText("未成年人").commenterId!));
    expect(li).toMatchObject({ name: null, phone: null, email: "li@example.com" });
    expect((await t.db.select({ n: count() }).from(commenters))[0]!.n).toBe(commentersBefore + 2);
    const messages = await t.db.select().from(outbox).where(eq(outbox.aggregateId, importId));
    expect(messages).toEqual([expect.objectContaining({ topic: "comments.imported", aggregateType: "comment_import", payload: { draftId: t.ids.draftId, count: 3 } })]);
    expect((await audits(importId)).map((a) => a.action)).toEqual(["import.validated", "import.committed"]);
    const progress = await importProgressView(t.db, t.actors.staff, importId, SEED_NOW);
    expect(progress).toMatchObject({ ok: true, value: { summary: { status: "done" }, processed: 3, total: 3 } });
  });

  it("commits the rows validation kept, without reading the sheet again, then lets them go", async () => {
    const bytes = await xlsxOf([HEADER.slice(0, 6), [1, "第十三条", "建议细化合理范围。", null, null, "钱七"], [2, "全文", "总体赞成。", null, null, null]]);
    const up = await upload(t, bytes);
    if (!up.ok || up.value.status !== "ready") throw new Error("upload failed");
    const before = await importRow(t, up.value.id);
    const staged = (before.errors as { staged?: { attachmentId: string; rows: number } }).staged;
    expect(staged).toMatchObject({ rows: 2 });
    // Were the commit to read the sheet, this would fail it: the file no longer reads as a sheet.
    await t.db.update(attachments).set({ content: new TextEncoder().encode("not a sheet any more") }).where(eq(attachments.id, before.attachmentId!));
    const started = await startCommit(t.db, t.actors.staff, up.value.id, { now: SEED_NOW, releaseAfterMs: 0 });
    if (!started.ok || !started.value.job) throw new Error("commit did not start");
    expect(await started.value.job).toEqual({ ok: true, imported: 2 });
    const stored = await t.db.select({ text: comments.bodyText, key: comments.provisionKey }).from(comments).where(eq(comments.importId, up.value.id)).orderBy(comments.bodyText);
    expect(stored).toEqual([{ text: "建议细化合理范围。", key: "art-13" }, { text: "总体赞成。", key: null }]);
    expect(await t.db.select().from(attachments).where(eq(attachments.id, staged!.attachmentId))).toEqual([]);
    expect((await importRow(t, up.value.id)).errors).not.toHaveProperty("staged");
  });

  it("stops, writing nothing, when a kept chunk no longer reads (validate again), and never guesses", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [i + 1, "第十三条", `第 ${i + 1} 条意见。`]);
    const up = await upload(t, await xlsxOf([["序号", "条款", "意见内容"], ...rows]));
    if (!up.ok || up.value.status !== "ready") throw new Error("upload failed");
    const staged = ((await importRow(t, up.value.id)).errors as { staged?: { attachmentId: string } }).staged!;
    const [blob] = await t.db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, staged.attachmentId));
    const broken = new Uint8Array(blob!.content);
    broken.fill(0, 10, 30);
    await t.db.update(attachments).set({ content: broken }).where(eq(attachments.id, staged.attachmentId));
    const started = await startCommit(t.db, t.actors.staff, up.value.id, { now: SEED_NOW, releaseAfterMs: 0 });
    if (!started.ok || !started.value.job) throw new Error("commit did not start");
    expect(await started.value.job).toEqual({ ok: false, code: "changed", processed: 0 });
    expect(await commentCount(t, up.value.id)).toBe(0);
    expect(await importRow(t, up.value.id)).toMatchObject({ status: "failed" });
  });

  it("commits once: a second click finds the import no longer ready", async () => {
    const up = await upload(t, await xlsxOf([["意见内容", "条款"], ["重复点击测试。", "第一条"]]));
    if (!up.ok) throw new Error("upload failed");
    const [a, b] = await Promise.all([
      startCommit(t.db, t.actors.staff, up.value.id, { now: SEED_NOW, releaseAfterMs: 0 }),
      startCommit(t.db, t.actors.staff, up.value.id, { now: SEED_NOW, releaseAfterMs: 0 }),
    ]);
    const started = [a, b].filter((x) => x.ok && x.value.started);
    expect(started).toHaveLength(1);
    await Promise.all([a, b].map((x) => (x.ok ? x.value.job : null)));
    expect(await commentCount(t, up.value.id)).toBe(1);
  });

  it("is all or nothing: when the database refuses the second batch, no comment and no commenter remains", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [i + 1, `第${(i % 70) + 1}条`, `第 ${i + 1} 条意见。`, `提出人${i + 1}`, "13812345678"]);
    const commentersBefore = (await t.db.select({ n: count() }).from(commenters))[0]!.n;
    const before = await commentCount(t);
    let calls = 0;
    const { importId, result } = await uploadAndCommit(t, await xlsxOf([["序号", "条款", "意见内容", "提出人", "联系方式"], ...rows]), {
      batchSize: 10,
      // The real writer, but the second batch carries a blank comment: the database's check constraint refuses it.
      writeBatch: {
        prepare: (batch, now) => {
          if (++calls === 2) batch[3] = { ...batch[3]!, body: { ...batch[3]!.body, text: "   " } };
          return bulkCommentWriter.prepare(batch, now);
        },
        write: bulkCommentWriter.write,
      },
    });
    expect(result).toEqual({ ok: false, code: "error", processed: 10 });
    // The third batch was made ready while the second was being written, and never written.
    expect(calls).toBe(3);
    expect(await commentCount(t, importId)).toBe(0);
    expect(await commentCount(t)).toBe(before);
    expect((await t.db.select({ n: count() }).from(commenters))[0]!.n).toBe(commentersBefore);
    expect(await t.db.select().from(outbox).where(eq(outbox.aggregateId, importId))).toEqual([]);
    const row = await importRow(t, importId);
    expect(row).toMatchObject({ status: "failed", processedRows: 10, finishedAt: expect.any(Date), errors: expect.objectContaining({ failure: expect.objectContaining({ code: "error" }) }) });
    const failed = (await audits(importId)).find((a) => a.action === "import.failed");
    expect(failed?.detail).toMatchObject({ code: "error", processedBeforeFailure: 10 });
    // Why, as the database said it; never the query's parameters (they hold names and phone numbers).
    const message = String((failed?.detail as { message?: string }).message);
    expect(message).toMatch(/comments_body_not_blank/);
    expect(message).not.toMatch(/13812345678|提出人/);
  });

  it("reads a CSV saved by Excel, and lists hundreds of problems a page at a time", async () => {
    const lines = ["意见内容,条款,日期", ...Array.from({ length: 250 }, (_, i) => `第 ${i + 1} 条意见,第三百条,2026/11/${(i % 28) + 1}`)];
    const r = await upload(t, new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`), { name: "意见.csv" });
    expect(r).toMatchObject({ ok: true, value: { status: "invalid" } });
    if (!r.ok) return;
    const first = await importReportView(t.db, t.actors.staff, r.value.id);
    expect(first).toMatchObject({ ok: true, value: { page: 1, pages: 3, keptErrors: 250, summary: { errorCount: 250, totalRows: 250 } } });
    const last = await importReportView(t.db, t.actors.staff, r.value.id, { page: 3 });
    if (!last.ok) throw new Error("no report");
    expect(last.value.errors).toHaveLength(50);
    expect(last.value.errors[0]).toEqual({ row: 202, column: "条款", code: "articleNotFound", params: { value: "第三百条" } });
    const [file] = await t.db.select().from(attachments).where(eq(attachments.id, (await importRow(t, r.value.id)).attachmentId!));
    expect(file?.mediaType).toBe("text/csv");
  });

  it("belongs to the contact point's own staff: another contact point's staff can neither upload for it, see it nor commit it", async () => {
    const up = await upload(t, await xlsxOf([["意见内容", "条款"], ["本联系点的意见。", "第一条"]]));
    if (!up.ok) throw new Error("upload failed");
    expect(await upload(t, await xlsxOf([["意见内容", "条款"], ["冒名上传。", "第一条"]]), { actor: t.otherStaff })).toEqual({ ok: false, error: "forbidden" });
    expect(await upload(t, await xlsxOf([["意见内容", "条款"], ["匿名上传。", "第一条"]]), { actor: null })).toEqual({ ok: false, error: "forbidden" });
    expect(await importReportView(t.db, t.otherStaff, up.value.id)).toEqual({ ok: false, error: "not_found" });
    expect(await importProgressView(t.db, t.otherStaff, up.value.id, SEED_NOW)).toEqual({ ok: false, error: "not_found" });
    expect(await startCommit(t.db, t.otherStaff, up.value.id, { now: SEED_NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await startCommit(t.db, null, up.value.id, { now: SEED_NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await commentCount(t, up.value.id)).toBe(0);
    expect((await importRow(t, up.value.id)).status).toBe("ready");
    // Its own staff can.
    expect(await importReportView(t.db, t.actors.staff, up.value.id)).toMatchObject({ ok: true, value: { summary: { canCommit: true } } });
  });

  it("is uploaded and committed by the contact point's own staff only: officers above may read it, but neither upload nor commit", async () => {
    const sheet = () => xlsxOf([["意见内容", "条款"], ["本联系点收集的意见。", "第一条"]]);
    for (const officer of [t.actors.countyOfficer, t.actors.officer]) {
      expect(await upload(t, await sheet(), { actor: officer })).toEqual({ ok: false, error: "forbidden" });
    }
    const up = await upload(t, await sheet());
    if (!up.ok || up.value.status !== "ready") throw new Error(`upload failed: ${JSON.stringify(up)}`);
    for (const officer of [t.actors.countyOfficer, t.actors.officer]) {
      expect(await importReportView(t.db, officer, up.value.id)).toMatchObject({ ok: true, value: { summary: { status: "ready", canCommit: false } } });
      expect(await importProgressView(t.db, officer, up.value.id, SEED_NOW)).toMatchObject({ ok: true, value: { summary: { canCommit: false } } });
      expect(await startCommit(t.db, officer, up.value.id, { now: SEED_NOW, releaseAfterMs: 0 })).toEqual({ ok: false, error: "forbidden" });
    }
    expect((await importRow(t, up.value.id)).status).toBe("ready");
    expect(await commentCount(t, up.value.id)).toBe(0);
    // Its own staff upload and commit.
    const started = await startCommit(t.db, t.actors.staff, up.value.id, { now: SEED_NOW, releaseAfterMs: 0 });
    expect(started.ok && started.value.started).toBe(true);
    expect(started.ok ? await started.value.job : null).toEqual({ ok: true, imported: 1 });
    expect(await commentCount(t, up.value.id)).toBe(1);
  });

  it("opens the upload form with the drafts the user's contact points were asked about, the template's columns and the limits", async () => {
    const form = await newImportForm(t.db, t.actors.staff, t.ids.draftId);
    expect(form.choices).toContainEqual({ contactPointId: t.contactPointId, contactPointName: expect.any(String), draftId: t.ids.draftId, draftTitle: expect.any(String), versionLabel: expect.any(String) });
    expect(form.choices.every((c) => c.contactPointId === t.contactPointId)).toBe(true);
    expect(form).toMatchObject({ preselectDraftId: t.ids.draftId, columns: HEADER.slice(0, 10).join("、"), limits: { maxMb: 64, maxRows: 100_000, accept: expect.stringContaining(".xlsx") } });
    expect((await newImportForm(t.db, t.actors.countyOfficer, null)).choices).toEqual([]);
  });

  it("reads the upload form from its request, and refuses one declaring a body over the limit without reading it", async () => {
    const body = new FormData();
    body.append("contactPointId", ` ${t.contactPointId} `);
    body.append("draftId", t.ids.draftId);
    body.append("defaultChannel", "visit");
    body.append("file", new File([(await xlsxOf([["意见内容", "条款"], ["从表单上传的意见。", "第一条"]])) as Uint8Array<ArrayBuffer>], "表单.xlsx"));
    const read = await readUploadRequest(new Request("http://minyi.test/staff/imports/new", { method: "POST", body }));
    if (!read.ok) throw new Error("the form was not read");
    expect(read.values).toEqual({ contactPointId: t.contactPointId, draftId: t.ids.draftId, defaultChannel: "visit" });
    expect(read.input).toMatchObject({ ...read.values, file: { name: "表单.xlsx" } });
    expect(await uploadImport(t.db, t.actors.staff, read.input, { now: SEED_NOW })).toMatchObject({ ok: true, value: { status: "ready" } });
    const tooBig = new Request("http://minyi.test/staff/imports/new", { method: "POST", headers: { "Content-Length": String(65 * 1024 * 1024 + 1) }, body: "x" });
    expect(await readUploadRequest(tooBig)).toEqual({ ok: false, fieldErrors: { file: { key: "errors.fileTooLarge", params: { mb: 64 } } } });
    expect(tooBig.bodyUsed).toBe(false);
    const noFile = new FormData();
    noFile.append("draftId", t.ids.draftId);
    const empty = await readUploadRequest(new Request("http://minyi.test/staff/imports/new", { method: "POST", body: noFile }));
    expect(empty).toEqual({ ok: true, input: { contactPointId: "", draftId: t.ids.draftId, defaultChannel: "", file: null }, values: { contactPointId: "", draftId: t.ids.draftId, defaultChannel: "" } });
  });

  it("refuses a file that is not a sheet next to the file field, and a draft the contact point was not asked about, storing nothing", async () => {
    const filesBefore = (await t.db.select({ n: count() }).from(attachments))[0]!.n;
    expect(await upload(t, new TextEncoder().encode("%PDF-1.7"), { name: "意见.pdf" })).toEqual({ ok: false, error: "invalid", fieldErrors: { file: { key: "import.file.unsupported" } } });
    expect(await upload(t, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { name: "意见.xls" })).toMatchObject({ fieldErrors: { file: { key: "import.file.legacyExcel" } } });
    expect(await upload(t, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { name: "坏了.xlsx" })).toMatchObject({ fieldErrors: { file: { key: "import.file.unreadable" } } });
    const [criminalLaw] = await t.db.select({ id: drafts.id }).from(drafts).where(eq(drafts.slug, "criminal-law"));
    const ok = await xlsxOf([["意见内容", "条款"], ["意见。", "第一条"]]);
    expect(await upload(t, ok, { draftId: criminalLaw!.id })).toMatchObject({ fieldErrors: { draftId: { key: "errors.invalidChoice" } } });
    expect(await upload(t, ok, { defaultChannel: "pigeon" })).toMatchObject({ fieldErrors: { defaultChannel: { key: "errors.invalidChoice" } } });
    expect((await t.db.select({ n: count() }).from(attachments))[0]!.n).toBe(filesBefore);
  });

  it("marks a commit that stopped without a word (the process ended) as interrupted, once nobody holds it", async () => {
    const up = await upload(t, await xlsxOf([["意见内容", "条款"], ["中断测试。", "第一条"]]));
    if (!up.ok) throw new Error("upload failed");
    const { commentImports } = await import("../../db/schema");
    const startedAt = new Date(SEED_NOW.getTime() - ABANDONED_AFTER_MS - 1_000).toISOString();
    const row = await importRow(t, up.value.id);
    await t.db.update(commentImports).set({ status: "importing", errors: { ...(row.errors as object), commitStartedAt: startedAt } }).where(eq(commentImports.id, up.value.id));
    const view = await importProgressView(t.db, t.actors.staff, up.value.id, SEED_NOW);
    expect(view).toMatchObject({ ok: true, value: { summary: { status: "failed", failure: "interrupted" } } });
    expect((await audits(up.value.id)).map((a) => a.action)).toEqual(["import.validated", "import.failed"]);
  });
  it("fails without writing when the sheet no longer reads against the draft: a new version without the clause was published", async () => {
    const up = await upload(t, await xlsxOf([["意见内容", "条款"], ["第一条的意见。", "第一条"], ["第七十条的意见。", "第七十条"]]));
    expect(up).toMatchObject({ ok: true, value: { status: "ready" } });
    if (!up.ok) return;
    const version = await importVersion(t.db, t.actors.officer, { draftId: t.ids.draftId, label: "二审稿", sourceText: "第一条　为了保护个人信息权益，制定本法。\n第二条　本法自公布之日起施行。\n" });
    if (!version.ok) throw new Error("could not import a version");
    expect(await publishVersion(t.db, t.actors.officer, version.value.id, SEED_NOW)).toEqual({ ok: true, value: null });
    const started = await startCommit(t.db, t.actors.staff, up.value.id, { now: SEED_NOW, releaseAfterMs: 0 });
    const result = started.ok ? await started.value.job : null;
    expect(result).toEqual({ ok: false, code: "changed", processed: 0 });
    expect(await commentCount(t, up.value.id)).toBe(0);
    const row = await importRow(t, up.value.id);
    expect(row.status).toBe("failed");
    expect(row.errors).toMatchObject({ failure: { code: "changed" }, errorCount: 1, errors: [{ row: 3, column: "条款", code: "articleNotFound", params: { value: "第七十条" } }] });
  });
});
