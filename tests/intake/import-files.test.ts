/**
 * Reading the files themselves: CSV as Excel and WPS save it (UTF-8 with BOM, GB18030, UTF-16 tab
 * separated; quotes and line breaks in cells), .xlsx cells of every kind (rich text, formulas,
 * dates, hyperlinks, numbers), and the template, which reads back without a problem.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvEncoding, csvRecords, decodedChunks } from "~/intake/import/csv-records";
import { templateCsv, templateXlsx } from "~/intake/import/import-template.server";
import { CSV_MEDIA_TYPE } from "~/platform/media-types";
import { readHeaderRow } from "~/intake/import/import-columns";
import { readRow } from "~/intake/import/row-rules";
import { scanSheet } from "~/intake/import/scan-sheet";
import { sheetKind, sheetRows, type SheetRow } from "~/intake/import/sheet-rows.server";
import { encodeGb18030 } from "../drafts/gb18030";

const NOW = new Date("2026-11-30T02:00:00Z");
const ctx = { clauses: [{ key: "art-1", kind: "article", number: 1, suffix: null, label: "第一条", firstLine: "" }], defaultChannel: "visit" as const, today: "2026-11-30" };

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe("CSV", () => {
  it("splits records on CRLF, LF and CR, with quoted commas, doubled quotes and line breaks", () => {
    const text = '序号,意见内容\r\n1,"逗号,引号""和\r\n换行"\n2,普通\r3,末行';
    expect([...csvRecords([text])]).toEqual([["序号", "意见内容"], ["1", '逗号,引号"和\r\n换行'], ["2", "普通"], ["3", "末行"]]);
  });

  it("reads the same records whatever the chunk boundaries", () => {
    const text = '序号,意见内容\r\n1,"a,""b""\r\nc"\r\n2,d\r\n';
    const whole = [...csvRecords([text])];
    for (let cut = 1; cut < text.length; cut++) {
      expect([...csvRecords([text.slice(0, cut), text.slice(cut)])], `cut at ${cut}`).toEqual(whole);
    }
    expect(whole).toEqual([["序号", "意见内容"], ["1", 'a,"b"\r\nc'], ["2", "d"]]);
  });

  it("keeps empty lines as empty records (their row numbers count) and detects tabs and semicolons", () => {
    expect([...csvRecords(["a,b\n\nc,d\n"])]).toEqual([["a", "b"], [""], ["c", "d"]]);
    expect([...csvRecords(["意见内容\t条款\n意见\t第一条\n"])]).toEqual([["意见内容", "条款"], ["意见", "第一条"]]);
    expect([...csvRecords(["意见内容;条款\n意见;第一条"])]).toEqual([["意见内容", "条款"], ["意见", "第一条"]]);
  });

  it("decodes UTF-8 with a BOM, GB18030 and UTF-16", async () => {
    const text = "意见内容,条款\r\n建议增加罚则。,第一条\r\n";
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const gbk = encodeGb18030(text);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text.replace(/,/g, "\t"), "utf16le")]);
    expect([csvEncoding(utf8), csvEncoding(gbk), csvEncoding(utf16)]).toEqual(["utf-8", "gb18030", "utf-16le"]);
    for (const bytes of [utf8, gbk, utf16]) {
      expect([...csvRecords(decodedChunks(bytes))]).toEqual([["意见内容", "条款"], ["建议增加罚则。", "第一条"]]);
      const rows = await collect(sheetRows(bytes, "csv"));
      expect(rows.map((r) => r.number)).toEqual([1, 2]);
    }
  });
});

describe("what kind of file", () => {
  it("tells .xlsx, .csv and the old .xls apart by content and name", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]);
    expect(sheetKind({ name: "意见.XLSX", bytes: zip })).toEqual({ ok: true, kind: "xlsx" });
    expect(sheetKind({ name: "意见.csv", bytes: new TextEncoder().encode("a,b") })).toEqual({ ok: true, kind: "csv" });
    expect(sheetKind({ name: "意见.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) })).toEqual({ ok: false, error: "legacy_excel" });
    expect(sheetKind({ name: "意见.docx", bytes: zip })).toEqual({ ok: false, error: "unsupported_type" });
    expect(sheetKind({ name: "意见.pdf", bytes: new TextEncoder().encode("%PDF") })).toEqual({ ok: false, error: "unsupported_type" });
  });
});

describe(".xlsx cells", () => {
  it("reads rich text, formula results, dates, hyperlinks and numbers as a person sees them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("意见");
    ws.addRow(["意见内容", "条款", "日期", "联系方式", "提出人"]);
    ws.addRow([
      { richText: [{ text: "建议", font: { bold: true } }, { text: "明确期限。" }] },
      { formula: '"第"&"一"&"条"', result: "第一条" },
      new Date(Date.UTC(2026, 10, 28)),
      13812345678,
      { text: "张三", hyperlink: "mailto:zhang@example.com" },
    ]);
    ws.addRow(["公式日期", "全文", { formula: "DATE(2026,11,29)", result: 46355 }, null, null]);
    ws.getCell("C3").numFmt = "yyyy-mm-dd";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const rows = await collect(sheetRows(bytes, "xlsx"));
    expect(rows[1]!.cells).toEqual(["建议明确期限。", "第一条", new Date(Date.UTC(2026, 10, 28)), 13812345678, "张三"]);
    const fields = readHeaderRow(rows[0]!.cells)!.fields;
    const first = readRow(2, rows[1]!.cells, fields, ctx);
    expect(first.kind === "ok" && { saidOn: first.value.saidOn, phone: first.value.phone, name: first.value.name, clause: first.value.clause?.key }).toEqual({
      saidOn: "2026-11-28", phone: "13812345678", name: "张三", clause: "art-1",
    });
    const second = readRow(3, rows[2]!.cells, fields, ctx);
    expect(second.kind === "ok" && second.value.saidOn).toBe("2026-11-29");
  });
});

describe("the template", () => {
  it("as .xlsx: the header row, an example row that reads without a problem, frozen header, widths and drop-downs", async () => {
    const bytes = await templateXlsx(NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "序号", "条款", "意见内容", "修改建议", "理由", "提出人", "身份", "联系方式", "渠道", "日期"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(3).width).toBe(60);
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    // One range per column in the file (G2:G100001); exceljs spreads it over the cells when it loads one.
    expect(validations.G2).toMatchObject({ type: "list", formulae: ['"人大代表,政协委员,律师,专家学者,企业,公职人员,居民,学生,其他"'] });
    expect(validations.G100001).toEqual(validations.G2);
    expect(validations.I2).toMatchObject({ type: "list", formulae: ['"网上,座谈会,走访,来信,电话,电子邮件,问卷"'] });
    expect(validations.G1).toBeUndefined();

    const rows = await collect(sheetRows(bytes, "xlsx"));
    const fields = readHeaderRow(rows[0]!.cells)!.fields;
    expect(fields).toHaveLength(10);
    // The example row has every column filled in correctly; only its 序号 (示例) keeps it out of an import.
    const example = rows[1]!.cells.slice();
    expect(readRow(2, example, fields, ctx)).toEqual({ kind: "example" });
    example[0] = 1;
    const read = readRow(2, example, fields, ctx);
    expect(read).toMatchObject({ kind: "ok", value: { clause: { key: "art-1" }, category: "resident", channel: "symposium", phone: "13812345678", saidOn: "2026-11-30" } });
    const scan = await scanSheet(sheetRows(bytes, "xlsx"), ctx);
    expect(scan.errors.kept).toEqual([{ row: null, column: null, code: "noRows" }]);
    expect(scan.notices).toEqual([{ code: "exampleSkipped", params: { rows: "2" } }]);
  });

  it("as .csv: UTF-8 with a byte-order mark, and reads back the same", async () => {
    const bytes = templateCsv(NOW);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(CSV_MEDIA_TYPE).toContain("utf-8");
    const rows = await collect(sheetRows(bytes, "csv"));
    expect(rows[0]!.cells).toEqual(["序号", "条款", "意见内容", "修改建议", "理由", "提出人", "身份", "联系方式", "渠道", "日期"]);
    const fields = readHeaderRow(rows[0]!.cells)!.fields;
    const example = rows[1]!.cells.slice();
    example[0] = "1";
    expect(readRow(2, example, fields, ctx)).toMatchObject({ kind: "ok", value: { saidOn: "2026-11-30", category: "resident" } });
  });

  it("filled in below the example, imports the new rows only", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await templateXlsx(NOW)) as unknown as ArrayBuffer);
    wb.worksheets[0]!.addRow([1, "第一条", "建议删除第二款。", null, null, "李四", "学生", null, null, "2026/11/29"]);
    const scan = await scanSheet(sheetRows(new Uint8Array(await wb.xlsx.writeBuffer()), "xlsx"), ctx);
    expect(scan.errors.count).toBe(0);
    expect(scan.dataRows).toBe(1);
  });
});
