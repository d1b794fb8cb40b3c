/**
 * The sheet to fill in: the header row staff already know, one example row (marked 示例 in 序号,
 * skipped when the sheet comes back), sensible column widths, the header frozen, and drop-downs for
 * 身份 and 渠道. As .xlsx, or as .csv in UTF-8 with a byte-order mark so Excel opens it correctly.
 */
import ExcelJS from "exceljs";
import { CHANNELS, COMMENTER_CATEGORIES } from "../../../db/schema/vocabulary";
import { cstDate } from "../../drafts/china-time";
import { COLUMN_NAMES, IMPORT_COLUMNS, type ImportColumn } from "./import-columns";
import { EXAMPLE_MARK } from "./row-rules";
import { CATEGORY_CHOICES, CHANNEL_CHOICES } from "./vocabulary-names";

export const TEMPLATE_FILE_NAME = "意见导入模板";

/** Rows below the header that get the drop-downs (Excel keeps one range per column, so this costs nothing). */
const VALIDATED_ROWS = 100_001;

const WIDTHS: Record<ImportColumn, number> = {
  seq: 8, article: 14, body: 60, proposedText: 40, reason: 40, name: 12, category: 14, contact: 22, channel: 12, date: 14,
};

function exampleRow(today: string): Record<ImportColumn, string | Date> {
  return {
    seq: EXAMPLE_MARK,
    article: "第一条",
    body: "建议在本条中写明立法目的包括保障老年人的合法权益。（这是示例，请从下一行开始填写，本行不会导入。）",
    proposedText: "为了保障老年人合法权益，……，制定本法。",
    reason: "明确立法目的，便于理解和执行。",
    name: "张三",
    category: CATEGORY_CHOICES.resident,
    contact: "13812345678",
    channel: CHANNEL_CHOICES.symposium,
    date: new Date(`${today}T00:00:00Z`),
  };
}

export async function templateXlsx(now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "民意 Minyi";
  const sheet = workbook.addWorksheet("意见", { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: COLUMN_NAMES[c].header, key: c, width: WIDTHS[c] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center" };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF6F4F0" } };
    cell.border = { bottom: { style: "thin" } };
  });
  const body = sheet.getColumn("body");
  body.alignment = { wrapText: true, vertical: "top" };
  // Phone numbers and article numbers stay text (Excel would turn 13812345678 into 1.38E+10).
  for (const c of ["article", "contact"] as const) sheet.getColumn(c).numFmt = "@";
  sheet.getColumn("date").numFmt = "yyyy-mm-dd";
  sheet.addRow(exampleRow(cstDate(now)));
  const col = (c: ImportColumn) => String.fromCharCode(65 + IMPORT_COLUMNS.indexOf(c));
  const list = (names: string[], prompt: string) => ({
    type: "list" as const, allowBlank: true, formulae: [`"${names.join(",")}"`],
    showErrorMessage: true, errorStyle: "warning", errorTitle: prompt, error: `请从列表中选择${prompt}`,
  });
  const validations = (sheet as unknown as { dataValidations: { add(address: string, v: unknown): void } }).dataValidations;
  validations.add(`${col("category")}2:${col("category")}${VALIDATED_ROWS}`, list(COMMENTER_CATEGORIES.map((c) => CATEGORY_CHOICES[c]), "身份"));
  validations.add(`${col("channel")}2:${col("channel")}${VALIDATED_ROWS}`, list(CHANNELS.map((c) => CHANNEL_CHOICES[c]), "渠道"));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function templateCsv(now: Date): Uint8Array<ArrayBuffer> {
  const example = exampleRow(cstDate(now));
  const lines = [
    IMPORT_COLUMNS.map((c) => COLUMN_NAMES[c].header),
    IMPORT_COLUMNS.map((c) => {
      const v = example[c];
      return v instanceof Date ? v.toISOString().slice(0, 10) : v;
    }),
  ];
  return new TextEncoder().encode(`\ufeff${lines.map((l) => l.map(csvField).join(",")).join("\r\n")}\r\n`);
}
