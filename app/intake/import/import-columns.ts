/**
 * The columns contact points already keep in their spreadsheets (序号, 条款, 意见内容 …), the
 * names people give them (Chinese first, English accepted), and how the header row is recognised:
 * anywhere in the first rows (a title row above it is common), in any order, extra columns ignored.
 * Pure.
 */
import { cellText, type CellInput } from "./cell-values";

export const IMPORT_COLUMNS = ["seq", "article", "body", "proposedText", "reason", "name", "category", "contact", "channel", "date"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The header as the template writes it (Chinese), and every other name accepted for the column. */
export const COLUMN_NAMES: Record<ImportColumn, { header: string; aliases: readonly string[] }> = {
  seq: { header: "序号", aliases: ["编号", "序", "no", "no.", "#", "seq", "number"] },
  article: { header: "条款", aliases: ["条文", "条目", "涉及条款", "所涉条款", "条款序号", "article", "clause", "provision"] },
  body: { header: "意见内容", aliases: ["意见", "意见建议", "具体意见", "内容", "comment", "opinion", "view", "body"] },
  proposedText: { header: "修改建议", aliases: ["建议修改为", "修改意见", "建议条文", "proposed wording", "proposed text", "proposal", "suggestion"] },
  reason: { header: "理由", aliases: ["修改理由", "理由说明", "reason", "reasons"] },
  name: { header: "提出人", aliases: ["姓名", "提出人姓名", "意见提出人", "name", "commenter"] },
  category: { header: "身份", aliases: ["提出人身份", "人员类别", "类别", "category", "identity"] },
  contact: { header: "联系方式", aliases: ["联系电话", "电话", "手机", "手机号", "电子邮箱", "邮箱", "contact", "phone", "email", "e-mail"] },
  channel: { header: "渠道", aliases: ["收集渠道", "来源渠道", "意见来源", "channel", "source"] },
  date: { header: "日期", aliases: ["提出日期", "收集日期", "时间", "date"] },
};

/** How far down the sheet the header row may be (title rows, notes above the table). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * A header cell as compared: no spaces, no required-field marks (*), no hints in brackets
 * ("意见内容（必填）", "条款(如：第十条)"), lower case for English.
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[（(【\[][^）)】\]]*[）)】\]]/g, "")
    .replace(/[\s\u3000*＊:：]/g, "")
    .toLowerCase();
}

const BY_NAME = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  const { header, aliases } = COLUMN_NAMES[column];
  for (const name of [header, ...aliases]) BY_NAME.set(normaliseHeader(name), column);
}

export function columnForHeader(text: string): ImportColumn | null {
  return BY_NAME.get(normaliseHeader(text)) ?? null;
}

export interface HeaderField {
  /** 0-based cell index in the row. */
  index: number;
  column: ImportColumn;
  /** The header as written in the sheet, to name the column in the report. */
  header: string;
}

export interface HeaderLayout {
  /** Which cell holds which field, left to right. */
  fields: HeaderField[];
  /** Headed columns we do not read, as they are headed in the sheet. */
  extra: string[];
  /** Fields headed twice (which one would we read? the sheet must say). 联系方式 may repeat: phone and e-mail are often apart. */
  duplicates: { column: ImportColumn; header: string }[];
}

/**
 * The header layout if `cells` is the header row: it names 意见内容 and at least one other known
 * column. A row of data never does (a comment is not titled "意见内容").
 */
export function readHeaderRow(cells: readonly CellInput[]): HeaderLayout | null {
  const fields: HeaderField[] = [];
  const seen = new Set<ImportColumn>();
  const extra: string[] = [];
  const duplicates: HeaderLayout["duplicates"] = [];
  cells.forEach((cell, index) => {
    const text = cellText(cell).trim();
    if (text === "") return;
    const column = columnForHeader(text);
    if (!column) {
      extra.push(text);
    } else if (seen.has(column) && column !== "contact") {
      duplicates.push({ column, header: text });
    } else {
      seen.add(column);
      fields.push({ index, column, header: text });
    }
  });
  if (!seen.has("body") || seen.size < 2) return null;
  return { fields, extra, duplicates };
}
