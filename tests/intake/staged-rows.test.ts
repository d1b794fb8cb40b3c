import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ImportedRow } from "~/intake/import/row-rules";
import { readStagedRows, StagedRowsWriter } from "~/intake/import/staged-rows";

const row = (over: Partial<ImportedRow> = {}): ImportedRow => ({
  row: 3, clause: { key: "art-13", kind: "article", number: 13, suffix: null, label: "第十三条" } as unknown as ImportedRow["clause"],
  body: { json: {} as never, html: "<p>建议&lt;细化&gt;</p>", text: "建议<细化>" }, proposedText: "修改为：……", reason: null, name: "張三",
  category: "lawyer", channel: "letter", defaultChannel: false, phone: "13812345678", email: null, saidOn: "2026-11-28", ...over,
});

describe("rows kept from validation", () => {
  it("come back exactly as read, clause by its key, in order", () => {
    const w = new StagedRowsWriter();
    w.add(row());
    w.add(row({ clause: null, body: { json: {} as never, html: "<p>𠀀\u{FA10}</p>", text: "𠀀\u{FA10}" }, phone: null, name: null }));
    expect(w.count).toBe(2);
    expect(readStagedRows(w.finish())).toEqual([
      { clauseKey: "art-13", body: { html: "<p>建议&lt;细化&gt;</p>", text: "建议<细化>" }, proposedText: "修改为：……", reason: null, name: "張三", category: "lawyer", channel: "letter", phone: "13812345678", email: null, saidOn: "2026-11-28" },
      { clauseKey: null, body: { html: "<p>𠀀\u{FA10}</p>", text: "𠀀\u{FA10}" }, proposedText: "修改为：……", reason: null, name: null, category: "lawyer", channel: "letter", phone: null, email: null, saidOn: "2026-11-28" },
    ]);
  });

  it("refuse a blob that does not read rather than guess", () => {
    const blob = (doc: unknown) => new Uint8Array(gzipSync(JSON.stringify(doc)));
    expect(() => readStagedRows(blob({ format: "other", rows: [] }))).toThrow(/format/);
    expect(() => readStagedRows(blob({ format: "minyi.import-rows.v1", rows: [["art-1", "<p>x</p>", "x", null, null, null, "martian", "letter", null, null, null]] }))).toThrow(/row 0/);
    expect(() => readStagedRows(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
