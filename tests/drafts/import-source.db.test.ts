/**
 * Importing a version through the officer's form: a Word .docx, a text file in UTF-8 or GB18030,
 * or pasted text; and what the form says when the file or the label is not acceptable.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftVersions } from "../../db/schema";
import type { Principal } from "~/accounts/policy";
import { importVersionFromForm, MAX_LABEL_CHARS, MAX_PASTE_CHARS, readImportForm } from "~/drafts/import-source.server";
import { decodeText, MAX_SOURCE_BYTES } from "~/drafts/source-text.server";
import { versionPreview } from "~/drafts/version-preview.server";
import { corpusDir, corpusPresent, nationalDraft, openDraftsDb, versionRow, type DraftsDb } from "./drafts-db-fixtures";
import { encodeGb18030 } from "./gb18030";

const LAW = "laws/中华人民共和国立法法.txt";

describe.skipIf(!corpusPresent)("importing a version from the form", () => {
  let t: DraftsDb;
  let draftId: string;
  let lawBytes: Buffer;
  let lawText: string;
  const submit = async (fields: { label?: string; pasted?: string; file?: { name: string; bytes: Uint8Array } }, actor: Principal | null = t.actors.officer) => {
    const form = new FormData();
    form.set("intent", "import");
    form.set("label", fields.label ?? "征求意见稿");
    form.set("pasted", fields.pasted ?? "");
    if (fields.file) form.set("file", new File([new Uint8Array(fields.file.bytes)], fields.file.name));
    return importVersionFromForm(t.db, actor, await readImportForm(form, draftId));
  };
  /** Provision counts by kind of an imported version, as the officer's preview shows them. */
  const counts = async (seq: number) => {
    const preview = await versionPreview(t.db, t.actors.officer, draftId, seq);
    if (!preview.ok) throw new Error(preview.error);
    return preview.value.counts;
  };
  const versionCount = async () => (await t.db.select().from(draftVersions).where(eq(draftVersions.draftId, draftId))).length;

  beforeAll(async () => {
    t = await openDraftsDb();
    draftId = await nationalDraft(t, "lifa-import");
    lawBytes = readFileSync(path.join(corpusDir, LAW));
    lawText = lawBytes.toString("utf8");
  });
  afterAll(() => t?.h.close());

  it("imports a .docx with one paragraph per line into the same structure as the .txt it was made from", async () => {
    const fromText = await submit({ file: { name: "中华人民共和国立法法.txt", bytes: lawBytes } });
    expect(fromText.ok).toBe(true);
    const lines = lawText.replace(/^\ufeff/, "").split(/\r?\n/);
    const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
    const docx = new Uint8Array(await Packer.toBuffer(doc));
    const fromWord = await submit({ label: "Word 稿", file: { name: "立法法.DOCX", bytes: docx } });
    expect(fromWord.ok).toBe(true);
    if (!fromText.ok || !fromWord.ok) return;
    const [txt, word] = [await counts(fromText.value.seq), await counts(fromWord.value.seq)];
    expect(txt.article).toBe(120);
    expect(txt.chapter).toBe(6);
    expect(word.article).toBe(txt.article);
    expect(word.chapter).toBe(txt.chapter);
    expect(word.section).toBe(txt.section);
    expect(word).toEqual(txt);
    expect(await versionRow(t.db, fromWord.value.id)).toMatchObject({ sourceFileName: "立法法.DOCX", sourceFormat: "text", label: "Word 稿" });
    expect(await versionRow(t.db, fromText.value.id)).toMatchObject({ sourceFileName: "中华人民共和国立法法.txt", sourceFormat: "text" });
  });

  it("reads a GB18030 text file as Windows tools write it", async () => {
    const text = lawText.replace(/^\ufeff/, "");
    const bytes = encodeGb18030(text);
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(text, "utf8"));
    expect(decodeText(bytes)).toBe(text);
    const r = await submit({ label: "GB18030", file: { name: "立法法-gbk.txt", bytes } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((await versionRow(t.db, r.value.id))!.sourceText).toBe(text);
    expect((await counts(r.value.seq)).article).toBe(120);
  });

  it("reads UTF-16 with a byte-order mark", async () => {
    const text = "第一条　为了测试，制定本法。\r\n第二条　本法自公布之日起施行。\r\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeText(le)).toBe(text);
    const r = await submit({ label: "UTF-16", file: { name: "short.txt", bytes: le } });
    expect(r.ok && (await counts(r.value.seq)).article).toBe(2);
  });

  it("imports pasted text when no file is given", async () => {
    const r = await submit({ label: "粘贴稿", pasted: lawText });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = await versionRow(t.db, r.value.id);
    // The text is stored as pasted, less a leading byte-order mark (an encoding marker, not text),
    // identically on PGlite and PostgreSQL.
    const withoutBom = lawText.replace(/^\ufeff/, "");
    expect(lawText.startsWith("\ufeff")).toBe(true);
    expect(row).toMatchObject({ sourceFileName: null, sourceSha256: createHash("sha256").update(withoutBom).digest("hex") });
    expect(row!.sourceText).toBe(withoutBom);
    expect((await counts(r.value.seq)).article).toBe(120);
  });

  it("refuses a PDF, a legacy .doc and a broken .docx next to the file field, and stores nothing", async () => {
    const before = await versionCount();
    expect(await submit({ file: { name: "立法法.pdf", bytes: Buffer.from("%PDF-1.7\n1 0 obj\n") } })).toEqual({
      ok: false, error: "invalid", fieldErrors: { file: { key: "errors.file.unsupported_type" } },
    });
    expect(await submit({ file: { name: "立法法.doc", bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) } })).toMatchObject({ fieldErrors: { file: { key: "errors.file.unsupported_type" } } });
    expect(await submit({ file: { name: "立法法.docx", bytes: lawBytes } })).toMatchObject({ fieldErrors: { file: { key: "errors.file.unreadable" } } });
    expect(await submit({ file: { name: "空白.txt", bytes: Buffer.from(" \r\n\u3000\n") } })).toMatchObject({ fieldErrors: { file: { key: "errors.file.empty" } } });
    expect(await submit({ file: { name: "binary.txt", bytes: Uint8Array.from([0xc3, 0x28, 0x00, 0x01, 0xff]) } })).toMatchObject({ fieldErrors: { file: { key: "errors.file.unreadable" } } });
    expect(await versionCount()).toBe(before);
  });

  it("requires a label of at most 50 characters", async () => {
    const before = await versionCount();
    expect(await submit({ label: "  ", pasted: lawText })).toEqual({ ok: false, error: "invalid", fieldErrors: { label: { key: "errors.required" } } });
    expect(await submit({ label: "稿".repeat(MAX_LABEL_CHARS + 1), pasted: lawText })).toEqual({
      ok: false, error: "invalid", fieldErrors: { label: { key: "errors.tooLong", params: { max: 50 } } },
    });
    expect((await submit({ label: "稿".repeat(MAX_LABEL_CHARS), pasted: "第一条　测试。" })).ok).toBe(true);
    expect(await versionCount()).toBe(before + 1);
  });

  it("asks for a file or pasted text when neither is given (an empty file counts as none)", async () => {
    const missing = { ok: false, error: "invalid", fieldErrors: { file: { key: "errors.sourceMissing" } } };
    expect(await submit({})).toEqual(missing);
    expect(await submit({ pasted: " \n\t " })).toEqual(missing);
    expect(await submit({ file: { name: "empty.txt", bytes: new Uint8Array() } })).toEqual(missing);
    expect(await submit({ label: "", pasted: "" })).toEqual({ ok: false, error: "invalid", fieldErrors: { label: { key: "errors.required" }, file: { key: "errors.sourceMissing" } } });
  });

  it("refuses a file over 10 MB and pasted text over 2 000 000 characters", async () => {
    const before = await versionCount();
    const big = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x20);
    expect(await submit({ file: { name: "big.txt", bytes: big } })).toEqual({ ok: false, error: "invalid", fieldErrors: { file: { key: "errors.fileTooLarge", params: { mb: 10 } } } });
    const long = `第一条　${"长".repeat(MAX_PASTE_CHARS)}`;
    expect(await submit({ pasted: long })).toEqual({ ok: false, error: "invalid", fieldErrors: { pasted: { key: "errors.tooLong", params: { max: 2_000_000 } } } });
    expect(await versionCount()).toBe(before);
  });

  it("refuses contact-point staff, an officer of a county, and no one, storing nothing", async () => {
    const before = await versionCount();
    for (const actor of [t.actors.staff, t.actors.countyOfficer, null]) {
      expect(await submit({ file: { name: "立法法.txt", bytes: lawBytes } }, actor)).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await versionCount()).toBe(before);
  });
});
