/** Finding the header row of a colleague's sheet: names, aliases, order, title rows, extra and repeated columns. */
import { describe, expect, it } from "vitest";
import { columnForHeader, normaliseHeader, readHeaderRow } from "~/intake/import/import-columns";
import { scanSheet } from "~/intake/import/scan-sheet";
import type { SheetRow } from "~/intake/import/sheet-rows.server";

const rowsOf = (...rows: (string | number | null)[][]): AsyncIterable<SheetRow> =>
  (async function* () {
    let n = 0;
    for (const cells of rows) yield { sheet: 0, number: ++n, cells };
  })();
const ctx = { clauses: [], defaultChannel: "symposium" as const, today: "2026-11-30" };

describe("header names", () => {
  it("knows every column by its Chinese name and by English aliases", () => {
    expect(["序号", "条款", "意见内容", "修改建议", "理由", "提出人", "身份", "联系方式", "渠道", "日期"].map(columnForHeader)).toEqual([
      "seq", "article", "body", "proposedText", "reason", "name", "category", "contact", "channel", "date",
    ]);
    expect(["No.", "Article", "Comment", "Proposed wording", "Reason", "Name", "Category", "Contact", "Channel", "Date"].map(columnForHeader)).toEqual([
      "seq", "article", "body", "proposedText", "reason", "name", "category", "contact", "channel", "date",
    ]);
    expect(columnForHeader("电话")).toBe("contact");
    expect(columnForHeader("备注")).toBeNull();
  });

  it("ignores spaces, required marks and hints in brackets", () => {
    expect(normaliseHeader(" 意见内容（必填）")).toBe("意见内容");
    expect(columnForHeader("*意见 内容")).toBe("body");
    expect(columnForHeader("条款(如：第十条)")).toBe("article");
    expect(columnForHeader("日期【年-月-日】")).toBe("date");
    expect(columnForHeader("COMMENT")).toBe("body");
  });
});

describe("the header row", () => {
  it("needs 意见内容 and one other known column", () => {
    expect(readHeaderRow(["意见内容"])).toBeNull();
    expect(readHeaderRow(["条款", "提出人"])).toBeNull();
    expect(readHeaderRow(["2026年意见汇总表"])).toBeNull();
    expect(readHeaderRow(["条款", "意见内容"])?.fields.map((f) => f.column)).toEqual(["article", "body"]);
  });

  it("takes the columns in any order, with gaps, and lists the ones it does not read", () => {
    const layout = readHeaderRow([null, "日期", "备注", "意见内容", null, "条款", "附件"]);
    expect(layout?.fields).toEqual([
      { index: 1, column: "date", header: "日期" },
      { index: 3, column: "body", header: "意见内容" },
      { index: 5, column: "article", header: "条款" },
    ]);
    expect(layout?.extra).toEqual(["备注", "附件"]);
    expect(layout?.duplicates).toEqual([]);
  });

  it("reports a field headed twice, but lets phone and e-mail sit in two contact columns", () => {
    const layout = readHeaderRow(["意见内容", "意见", "联系电话", "电子邮箱"]);
    expect(layout?.duplicates).toEqual([{ column: "body", header: "意见" }]);
    expect(layout?.fields.filter((f) => f.column === "contact").map((f) => f.header)).toEqual(["联系电话", "电子邮箱"]);
  });

  it("is found below a title row and notes, and extra columns become a notice", async () => {
    const scan = await scanSheet(rowsOf(["某某街道立法联系点意见汇总"], [], ["填表人：李联络"], ["序号", "意见内容", "备注"], [1, "建议增加一条。", "无"]), ctx);
    expect(scan.headerRow).toBe(4);
    expect(scan.dataRows).toBe(1);
    expect(scan.errors.count).toBe(0);
    expect(scan.notices).toEqual([
      { code: "extraColumns", params: { columns: "备注" } },
      // No 渠道 column: every row takes the channel chosen on the form, and the report says so.
      { code: "defaultChannel", params: { count: 1, channel: "symposium" } },
    ]);
  });

  it("is not looked for past the first 20 rows", async () => {
    const rows = Array.from({ length: 20 }, () => ["说明"]);
    const scan = await scanSheet(rowsOf(...rows, ["序号", "意见内容"], [1, "意见"]), ctx);
    expect(scan.headerRow).toBeNull();
    expect(scan.errors.kept).toEqual([{ row: null, column: null, code: "noHeader" }]);
  });

  it("skips a first sheet of instructions and reads the sheet that has the header", async () => {
    const rows = (async function* (): AsyncGenerator<SheetRow> {
      yield { sheet: 0, number: 1, cells: ["填表说明：意见内容必填"] };
      yield { sheet: 1, number: 1, cells: ["意见内容", "条款"] };
      yield { sheet: 1, number: 2, cells: ["建议修改。", "全文"] };
      yield { sheet: 2, number: 1, cells: ["意见内容", "条款"] };
      yield { sheet: 2, number: 2, cells: ["另一张表", "全文"] };
    })();
    const scan = await scanSheet(rows, ctx);
    expect(scan.dataRows).toBe(1);
  });

  it("reports a repeated column at the header row and a sheet with no comments", async () => {
    const scan = await scanSheet(rowsOf(["意见内容", "条款", "条文"], [null, null, null]), ctx);
    expect(scan.errors.kept).toEqual([
      { row: 1, column: "条文", code: "duplicateColumn" },
      { row: null, column: null, code: "noRows" },
    ]);
  });
});

describe("a huge sheet", () => {
  it("keeps the first 1,000 problems and counts them all", async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => [i + 1, null, "路人"]);
    const scan = await scanSheet(rowsOf(["序号", "意见内容", "身份"], ...rows), ctx);
    expect(scan.errors.count).toBe(2_400);
    expect(scan.errors.kept).toHaveLength(1_000);
    expect(scan.errors.kept[0]).toEqual({ row: 2, column: "意见内容", code: "required" });
    expect(scan.dataRows).toBe(1_200);
  });

  it("stops at the row limit and says so", async () => {
    const scan = await scanSheet(rowsOf(["意见内容", "条款"], ["一", "全文"], ["二", "全文"], ["三", "全文"]), ctx, { maxRows: 2 });
    expect(scan.errors.kept).toEqual([{ row: 4, column: null, code: "tooManyRows", params: { max: 2 } }]);
  });
});
