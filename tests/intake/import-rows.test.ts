/**
 * One row of a sheet as a comment: each column read as staff write it, and every reason a row is
 * refused, named by row and column as the sheet shows them.
 */
import { describe, expect, it } from "vitest";
import type { ClauseOption } from "~/intake/article-reference";
import { LIMITS } from "~/intake/comment-fields";
import { readHeaderRow } from "~/intake/import/import-columns";
import { readRow, type ImportedRow, type RowContext } from "~/intake/import/row-rules";
import type { CellInput } from "~/intake/import/cell-values";

const clause = (number: number, suffix: number | null = null): ClauseOption => ({
  key: suffix ? `art-${number}-${suffix}` : `art-${number}`, kind: "article", number, suffix, label: `第${number}条`, firstLine: "",
});
const ctx: RowContext = { clauses: [clause(1), clause(10), clause(128), clause(133, 1)], defaultChannel: "symposium", today: "2026-11-30" };
const HEADER = ["序号", "条款", "意见内容", "修改建议", "理由", "提出人", "身份", "联系方式", "渠道", "日期"];
const fields = readHeaderRow(HEADER)!.fields;

type Cells = Partial<Record<(typeof HEADER)[number], CellInput>>;
const cellsOf = (c: Cells): CellInput[] => HEADER.map((h) => c[h] ?? null);
const read = (c: Cells, row = 17) => readRow(row, cellsOf({ 意见内容: "建议明确期限。", ...c }), fields, ctx);
const ok = (c: Cells): ImportedRow => {
  const r = read(c);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.value;
};
const issues = (c: Cells) => {
  const r = read(c);
  return r.kind === "invalid" ? r.issues : [];
};

describe("a row of a sheet", () => {
  it("becomes a comment with every column read", () => {
    const v = ok({
      序号: 1, 条款: "第十条", 意见内容: "建议明确期限。\n第二段。", 修改建议: "修改为：……", 理由: "便于执行", 提出人: " 张三 ", 身份: "律师",
      联系方式: "138 1234 5678", 渠道: "来信", 日期: "2026-11-28",
    });
    expect(v).toMatchObject({
      row: 17, clause: { key: "art-10" }, proposedText: "修改为：……", reason: "便于执行", name: "张三", category: "lawyer",
      phone: "13812345678", email: null, channel: "letter", defaultChannel: false, saidOn: "2026-11-28",
    });
    expect(v.body.text).toContain("建议明确期限。");
    expect(v.body.html).toContain("<p");
  });

  it("is skipped when empty, or when only its 序号 is filled in", () => {
    expect(readRow(5, cellsOf({}), fields, ctx)).toEqual({ kind: "empty" });
    expect(readRow(5, cellsOf({ 序号: 12, 意见内容: "  \u3000" }), fields, ctx)).toEqual({ kind: "empty" });
  });

  it("is the template's example when 序号 says 示例, and is not imported", () => {
    expect(read({ 序号: "示例" })).toEqual({ kind: "example" });
  });

  it("keeps text exactly as written and never cuts it", () => {
    expect(ok({ 意见内容: "  前后有空格  " }).body.text).toContain("前后有空格");
    expect(ok({ 修改建议: "  原样保存  " }).proposedText).toBe("  原样保存  ");
    expect(ok({ 意见内容: "长".repeat(LIMITS.body) }).body.text).toHaveLength(LIMITS.body);
  });
});

describe("条款", () => {
  it("reads 第二百条, 200, full-width digits, 之一 and the whole draft", () => {
    expect(ok({ 条款: "第一百二十八条" }).clause?.key).toBe("art-128");
    expect(ok({ 条款: 128 }).clause?.key).toBe("art-128");
    expect(ok({ 条款: "１２８" }).clause?.key).toBe("art-128");
    expect(ok({ 条款: "第一百三十三条之一" }).clause?.key).toBe("art-133-1");
    expect(ok({ 条款: "全文" }).clause).toBeNull();
    expect(ok({ 条款: null }).clause).toBeNull();
  });

  it("names a clause the draft does not have, and a reference it cannot read", () => {
    expect(issues({ 条款: "第二百条" })).toEqual([{ row: 17, column: "条款", code: "articleNotFound", params: { value: "第二百条" } }]);
    expect(issues({ 条款: 200 })).toEqual([{ row: 17, column: "条款", code: "articleNotFound", params: { value: "200" } }]);
    expect(issues({ 条款: "第十条第二款" })).toEqual([{ row: 17, column: "条款", code: "articleUnreadable", params: { value: "第十条第二款" } }]);
  });
});

describe("意见内容, 修改建议, 理由, 提出人", () => {
  it("requires the comment, not blank", () => {
    expect(issues({ 意见内容: null, 提出人: "张三" })).toEqual([{ row: 17, column: "意见内容", code: "required" }]);
    expect(issues({ 意见内容: " \u200b\u3000", 提出人: "张三" })).toEqual([{ row: 17, column: "意见内容", code: "required" }]);
  });

  it("refuses what is too long, saying how long it is", () => {
    expect(issues({ 意见内容: "长".repeat(LIMITS.body + 5) })).toEqual([
      { row: 17, column: "意见内容", code: "tooLong", params: { max: LIMITS.body, length: LIMITS.body + 5 } },
    ]);
    expect(issues({ 修改建议: "改".repeat(LIMITS.proposedText + 1) })[0]).toMatchObject({ column: "修改建议", code: "tooLong", params: { max: LIMITS.proposedText } });
    expect(issues({ 理由: "因".repeat(LIMITS.reason + 1) })[0]).toMatchObject({ column: "理由", code: "tooLong" });
    expect(issues({ 提出人: "名".repeat(LIMITS.name + 1) })[0]).toMatchObject({ column: "提出人", code: "tooLong", params: { max: 50, length: 51 } });
  });

  it("refuses characters the database cannot store", () => {
    expect(issues({ 意见内容: "有\u0000空字符" })).toEqual([{ row: 17, column: "意见内容", code: "unstorable" }]);
    expect(issues({ 理由: "半个\ud800代理" })).toEqual([{ row: 17, column: "理由", code: "unstorable" }]);
  });

  it("reads numbers as text and refuses error values of formulas", () => {
    expect(ok({ 意见内容: 12345 }).body.text).toBe("12345");
    expect(issues({ 意见内容: { error: "#N/A" } })).toEqual([{ row: 17, column: "意见内容", code: "cellError", params: { value: "#N/A" } }]);
  });
});

describe("身份 and 渠道", () => {
  it("reads category names; empty is 其他; unknown text is an error", () => {
    expect(ok({ 身份: "村民" }).category).toBe("resident");
    expect(ok({ 身份: "区人大代表" }).category).toBe("deputy");
    expect(ok({ 身份: null }).category).toBe("other");
    expect(issues({ 身份: "退休教师" })).toEqual([{ row: 17, column: "身份", code: "category", params: { value: "退休教师" } }]);
  });

  it("reads channel names; empty takes the form's default", () => {
    expect(ok({ 渠道: "在线" })).toMatchObject({ channel: "online", defaultChannel: false });
    expect(ok({ 渠道: null })).toMatchObject({ channel: "symposium", defaultChannel: true });
    expect(issues({ 渠道: "飞鸽传书" })).toEqual([{ row: 17, column: "渠道", code: "channel", params: { value: "飞鸽传书" } }]);
  });
});

describe("联系方式", () => {
  it("reads a phone number (full-width, spaced, +86, a number cell) or an e-mail address, normalised", () => {
    expect(ok({ 联系方式: "１３８１２３４５６７８" }).phone).toBe("13812345678");
    expect(ok({ 联系方式: 13812345678 }).phone).toBe("13812345678");
    expect(ok({ 联系方式: "+86 138-1234-5678" }).phone).toBe("13812345678");
    expect(ok({ 联系方式: "0571-88886666" }).phone).toBe("0571-88886666");
    expect(ok({ 联系方式: " Zhang.San@Example.COM " })).toMatchObject({ email: "Zhang.San@example.com", phone: null });
    expect(ok({ 联系方式: "13812345678；zhang@example.com" })).toMatchObject({ phone: "13812345678", email: "zhang@example.com" });
  });

  it("reads phone and e-mail from two contact columns", () => {
    const header = readHeaderRow(["意见内容", "联系电话", "电子邮箱"])!.fields;
    const r = readRow(3, ["意见", "13812345678", "li@example.com"], header, ctx);
    expect(r.kind === "ok" && [r.value.phone, r.value.email]).toEqual(["13812345678", "li@example.com"]);
  });

  it("refuses what is neither, and a second phone number", () => {
    expect(issues({ 联系方式: "12345" })).toEqual([{ row: 17, column: "联系方式", code: "contact", params: { value: "12345" } }]);
    expect(issues({ 联系方式: "zhang@" })).toEqual([{ row: 17, column: "联系方式", code: "contact", params: { value: "zhang@" } }]);
    expect(issues({ 联系方式: "13812345678/0571-88886666" })).toEqual([
      { row: 17, column: "联系方式", code: "contactTwice", params: { value: "0571-88886666" } },
    ]);
  });
});

describe("日期", () => {
  it("reads Excel dates and the usual ways of writing one", () => {
    expect(ok({ 日期: new Date(Date.UTC(2026, 10, 30)) }).saidOn).toBe("2026-11-30");
    for (const text of ["2026-11-30", "2026/11/30", "2026.11.30", "2026年11月30日", "２０２６年１１月３０日", "2026-11-30 14:30", "20261130"]) {
      expect(ok({ 日期: text }).saidOn, text).toBe("2026-11-30");
    }
    expect(ok({ 日期: "2026/1/5" }).saidOn).toBe("2026-01-05");
    // A date serial without a date format (or a formula's result) and yyyymmdd as a number.
    expect(ok({ 日期: 46356 }).saidOn).toBe("2026-11-30");
    expect(ok({ 日期: 20261130 }).saidOn).toBe("2026-11-30");
    expect(ok({ 日期: null }).saidOn).toBeNull();
  });

  it("refuses a date it cannot read, one in the future, and one absurdly old", () => {
    expect(issues({ 日期: "上周三" })).toEqual([{ row: 17, column: "日期", code: "dateFormat", params: { value: "上周三" } }]);
    expect(issues({ 日期: "2026-02-30" })[0]).toMatchObject({ code: "dateFormat" });
    expect(issues({ 日期: "11/30/2026" })[0]).toMatchObject({ code: "dateFormat" });
    expect(issues({ 日期: "2026-12-01" })).toEqual([{ row: 17, column: "日期", code: "dateFuture", params: { value: "2026-12-01" } }]);
    expect(issues({ 日期: "1026-11-30" })).toEqual([{ row: 17, column: "日期", code: "dateTooOld", params: { value: "1026-11-30" } }]);
    expect(ok({ 日期: "2016-01-01" }).saidOn).toBe("2016-01-01");
    expect(issues({ 日期: "2015-12-31" })[0]).toMatchObject({ code: "dateTooOld" });
  });
});

it("lists every problem of a row at once, left to right", () => {
  expect(issues({ 条款: "第二百条", 意见内容: null, 身份: "路人", 联系方式: "无", 日期: "明天" }).map((i) => [i.column, i.code])).toEqual([
    ["条款", "articleNotFound"], ["意见内容", "required"], ["身份", "category"], ["日期", "dateFormat"], ["联系方式", "contact"],
  ]);
});
