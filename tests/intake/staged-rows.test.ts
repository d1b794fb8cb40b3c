import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ImportedRow } from "~/intake/import/row-rules";
import { readStagedChunks, stagedChunkSpans, StagedRowsWriter, type ImportedFields } from "~/intake/import/staged-rows";

const row = (over: Partial<ImportedRow> = {}): ImportedRow => ({
  row: 3, clause: { key: "art-13", kind: "article", number: 13, suffix: null, label: "第十三条" } as unknown as ImportedRow["clause"],
  body: { json: {} as never, html: "<p>建议&lt;细化&gt;</p>", text: "建议<细化>" }, proposedText: "修改为：……", reason: null, name: "張三",
  category: "lawyer", channel: "letter", defaultChannel: false, phone: "13812345678", email: null, saidOn: "2026-11-28", ...over,
});

/** Every row of a blob of one or more chunks, as the commit reads them. */
async function readAll(blob: Uint8Array, rows: number, chunks?: { bytes: number; rows: number }[]): Promise<ImportedFields[]> {
  const out: ImportedFields[] = [];
  for await (const c of readStagedChunks(blob, stagedChunkSpans(blob.byteLength, rows, chunks)!)) out.push(...c.rows);
  return out;
}

describe("rows kept from validation", () => {
  it("come back exactly as read, clause by its key, in order", async () => {
    const w = new StagedRowsWriter();
    w.add(row());
    w.add(row({ clause: null, body: { json: {} as never, html: "<p>𠀀\u{FA10}</p>", text: "𠀀\u{FA10}" }, phone: null, name: null }));
    expect(w.count).toBe(2);
    const { blob, chunks } = w.finish();
    expect(await readAll(blob, 2, chunks)).toEqual([
      { clauseKey: "art-13", body: { html: "<p>建议&lt;细化&gt;</p>", text: "建议<细化>" }, proposedText: "修改为：……", reason: null, name: "張三", category: "lawyer", channel: "letter", phone: "13812345678", email: null, saidOn: "2026-11-28" },
      { clauseKey: null, body: { html: "<p>𠀀\u{FA10}</p>", text: "𠀀\u{FA10}" }, proposedText: "修改为：……", reason: null, name: null, category: "lawyer", channel: "letter", phone: null, email: null, saidOn: "2026-11-28" },
    ]);
  });

  it("refuse a blob that does not read rather than guess", async () => {
    const blob = (doc: unknown) => new Uint8Array(gzipSync(JSON.stringify(doc)));
    await expect(readAll(blob({ format: "other", rows: [] }), 1)).rejects.toThrow(/format/);
    await expect(readAll(blob({ format: "minyi.import-rows.v1", rows: [["art-1", "<p>x</p>", "x", null, null, null, "martian", "letter", null, null, null]] }), 1)).rejects.toThrow(/row 0/);
    await expect(readAll(new Uint8Array([1, 2, 3]), 1)).rejects.toThrow();
  });

  it("are packed a chunk at a time, each chunk a gzip member of its own", async () => {
    const w = new StagedRowsWriter(2);
    for (let i = 1; i <= 5; i++) w.add(row({ row: i, body: { json: {} as never, html: `<p>${i}</p>`, text: `意见${i}` } }));
    const { blob, chunks } = w.finish();
    expect(chunks.map((c) => c.rows)).toEqual([2, 2, 1]);
    const spans = stagedChunkSpans(blob.byteLength, 5, chunks)!;
    expect(spans.map((s) => JSON.parse(gunzipSync(blob.subarray(s.start, s.end)).toString("utf8")).rows.map((r: unknown[]) => r[2]))).toEqual([["意见1", "意见2"], ["意见3", "意见4"], ["意见5"]]);
  });

  it("know where each chunk lies only when the sizes and counts add up (a blob without sizes is one chunk)", () => {
    expect(stagedChunkSpans(30, 7, [{ bytes: 10, rows: 5 }, { bytes: 20, rows: 2 }])).toEqual([{ start: 0, end: 10, rows: 5 }, { start: 10, end: 30, rows: 2 }]);
    expect(stagedChunkSpans(30, 7, undefined)).toEqual([{ start: 0, end: 30, rows: 7 }]);
    expect(stagedChunkSpans(31, 7, [{ bytes: 10, rows: 5 }, { bytes: 20, rows: 2 }])).toBeNull();
    expect(stagedChunkSpans(30, 8, [{ bytes: 10, rows: 5 }, { bytes: 20, rows: 2 }])).toBeNull();
    expect(stagedChunkSpans(30, 7, [{ bytes: 30, rows: 7 }, { bytes: 0, rows: 0 }])).toBeNull();
  });

  it("still read a blob kept before chunks existed (one v1 member)", async () => {
    const v1 = new Uint8Array(gzipSync(JSON.stringify({ format: "minyi.import-rows.v1", rows: [["art-1", "<p>x</p>", "x", null, null, null, "lawyer", "letter", null, null, null]] })));
    expect(await readAll(v1, 1)).toEqual([{ clauseKey: "art-1", body: { html: "<p>x</p>", text: "x" }, proposedText: null, reason: null, name: null, category: "lawyer", channel: "letter", phone: null, email: null, saidOn: null }]);
  });

  it("come back chunk by chunk, in order, each with the count it should hold; a broken chunk is an error", async () => {
    const w = new StagedRowsWriter(3);
    for (let i = 1; i <= 7; i++) w.add(row({ body: { json: {} as never, html: `<p>${i}</p>`, text: `第${i}份` } }));
    const { blob, chunks } = w.finish();
    const spans = stagedChunkSpans(blob.byteLength, 7, chunks)!;
    const read: { texts: string[]; expected: number }[] = [];
    for await (const c of readStagedChunks(blob, spans)) read.push({ texts: c.rows.map((r) => r.body.text), expected: c.expected });
    expect(read).toEqual([
      { texts: ["第1份", "第2份", "第3份"], expected: 3 },
      { texts: ["第4份", "第5份", "第6份"], expected: 3 },
      { texts: ["第7份"], expected: 1 },
    ]);
    const broken = new Uint8Array(blob);
    broken.fill(0, spans[1]!.start, spans[1]!.start + 10);
    const seen: number[] = [];
    await expect((async () => {
      for await (const c of readStagedChunks(broken, spans)) seen.push(c.rows.length);
    })()).rejects.toThrow();
    expect(seen).toEqual([3]);
  });
});
