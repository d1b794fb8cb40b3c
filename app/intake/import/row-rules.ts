/**
 * One row of a sheet → one comment, or every reason it cannot be one. The same limits and rules as
 * every other way in (LIMITS, writtenText, phoneField, emailField; findClause for 条款); what is too
 * long is refused, never cut. Empty rows (only a 序号, or nothing) and the template's example row
 * are skipped. No database, no I/O (server-side only: it shapes the comment's rich text as the
 * comment form does).
 */
import type { Channel, CommenterCategory } from "../../../db/schema/vocabulary";
import { decodeMessage } from "../../platform/forms";
import { richTextFromPlain } from "../../platform/rich-text/rich-text.server";
import type { RichText } from "../../platform/rich-text/types";
import { findClause, readArticleReference, type ClauseOption } from "../article-reference";
import { emailField, LIMITS, phoneField, writtenText } from "../comment-fields";
import { charLength } from "../text-rules";
import { cellText, isEmptyCell, isErrorCell, type CellInput } from "./cell-values";
import type { HeaderField } from "./import-columns";
import type { ImportIssue, IssueCode } from "./import-report";
import { readSaidOn } from "./said-on";
import { categoryFromName, channelFromName } from "./vocabulary-names";

export interface RowContext {
  clauses: readonly ClauseOption[];
  defaultChannel: Channel;
  /** Today in China Standard Time (YYYY-MM-DD): no view is dated after it. */
  today: string;
  /** Filled as rows are read: sheets name the same articles over and over. */
  clauseCache?: Map<string, ClauseOption | "whole" | null>;
}

export interface ImportedRow {
  row: number;
  /** Null for a comment on the whole draft. */
  clause: ClauseOption | null;
  /** 意见内容 as the text form would store it (paragraphs, HTML and plain text). */
  body: RichText;
  proposedText: string | null;
  reason: string | null;
  name: string | null;
  category: CommenterCategory;
  channel: Channel;
  /** Whether 渠道 was empty and the form's default was used. */
  defaultChannel: boolean;
  phone: string | null;
  email: string | null;
  saidOn: string | null;
}

export type RowResult = { kind: "empty" } | { kind: "example" } | { kind: "ok"; value: ImportedRow } | { kind: "invalid"; issues: ImportIssue[] };

/** 序号 of the template's example row: it shows how to fill in the sheet, and is never imported. */
export const EXAMPLE_MARK = "示例";
const EXAMPLE_MARKS = new Set([EXAMPLE_MARK, "例", "样例", "example", "e.g."]);

const TEXT_FIELDS = {
  body: { schema: writtenText(LIMITS.body, { required: true }), max: LIMITS.body },
  proposedText: { schema: writtenText(LIMITS.proposedText, { required: false }), max: LIMITS.proposedText },
  reason: { schema: writtenText(LIMITS.reason, { required: false }), max: LIMITS.reason },
  name: { schema: writtenText(LIMITS.name, { required: false }), max: LIMITS.name },
} as const;

const CODE_OF_MESSAGE: Record<string, IssueCode> = { "errors.required": "required", "errors.tooLong": "tooLong", "errors.unstorable": "unstorable" };

/** A cell's text checked by the shared field rules: stored exactly as written (a name is trimmed: it is one line). */
function writtenCell(cell: CellInput, field: keyof typeof TEXT_FIELDS): { value: string | null } | { code: IssueCode; params?: Record<string, string | number> } {
  const raw = cellText(cell);
  const text = field === "name" ? raw.trim() : raw;
  const parsed = TEXT_FIELDS[field].schema.safeParse(text);
  if (parsed.success) return { value: parsed.data ?? null };
  const message = decodeMessage(parsed.error.issues[0]?.message ?? "");
  const code = CODE_OF_MESSAGE[message.key] ?? "required";
  return code === "tooLong" ? { code, params: { max: TEXT_FIELDS[field].max, length: charLength(text) } } : { code };
}

/** 意见内容: the shared text rules, then the same conversion as the no-JavaScript comment form (paragraphs, HTML). */
function bodyCell(cell: CellInput): { value: RichText } | { code: IssueCode; params?: Record<string, string | number> } {
  const r = writtenCell(cell, "body");
  if ("code" in r) return r;
  const text = r.value ?? "";
  const rich = richTextFromPlain(text, { maxChars: LIMITS.body });
  if (rich.ok) return { value: rich.value };
  if (rich.error === "too_long") return { code: "tooLong", params: { max: LIMITS.body, length: charLength(text) } };
  return { code: rich.error === "empty" ? "required" : "unstorable" };
}

function clauseOf(text: string, ctx: RowContext): ClauseOption | "whole" | null {
  const cache = (ctx.clauseCache ??= new Map());
  let found = cache.get(text);
  if (found === undefined) {
    found = findClause(ctx.clauses, text);
    cache.set(text, found);
  }
  return found;
}

/** Phone numbers and e-mail addresses in 联系方式 cells, separated by commas, semicolons or slashes. */
function readContacts(cells: CellInput[]): { phone: string | null; email: string | null; issue?: { code: IssueCode; params?: Record<string, string> } } {
  let phone: string | null = null;
  let email: string | null = null;
  for (const part of cells.flatMap((c) => cellText(c).split(/[,，;；、/／]/)).map((p) => p.trim()).filter((p) => p !== "")) {
    const isMail = part.includes("@") || part.includes("＠");
    const parsed = isMail ? emailField.safeParse(part.replace("＠", "@")) : phoneField.safeParse(part);
    if (!parsed.success || !parsed.data) return { phone, email, issue: { code: "contact", params: { value: part } } };
    const value = isMail ? normaliseEmail(parsed.data) : parsed.data;
    if ((isMail ? email : phone) !== null) return { phone, email, issue: { code: "contactTwice", params: { value: part } } };
    if (isMail) email = value;
    else phone = value;
  }
  return { phone, email };
}

/** The domain of an address is case-insensitive; the local part is kept as written. */
function normaliseEmail(address: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

export function readRow(row: number, cells: readonly CellInput[], fields: readonly HeaderField[], ctx: RowContext): RowResult {
  if (fields.every((f) => f.column === "seq" || isEmptyCell(cells[f.index]))) return { kind: "empty" };
  const seq = fields.find((f) => f.column === "seq");
  if (seq && EXAMPLE_MARKS.has(cellText(cells[seq.index]).trim().toLowerCase())) return { kind: "example" };
  const issues: ImportIssue[] = [];
  const fail = (field: HeaderField, code: IssueCode, params?: Record<string, string | number>) =>
    issues.push({ row, column: field.header, code, ...(params ? { params } : {}) });
  let body: RichText | null = null;
  const out: Omit<ImportedRow, "body"> = {
    row, clause: null, proposedText: null, reason: null, name: null, category: "other", channel: ctx.defaultChannel,
    defaultChannel: true, phone: null, email: null, saidOn: null,
  };
  const contactCells: CellInput[] = [];
  let contactField: HeaderField | null = null;
  for (const field of fields) {
    const cell = cells[field.index] ?? null;
    if (isErrorCell(cell)) {
      if (field.column !== "seq") fail(field, "cellError", { value: cell.error });
      continue;
    }
    switch (field.column) {
      case "seq":
        break;
      case "body": {
        const r = bodyCell(cell);
        if ("code" in r) fail(field, r.code, r.params);
        else body = r.value;
        break;
      }
      case "proposedText":
      case "reason":
      case "name": {
        const r = writtenCell(cell, field.column);
        if ("code" in r) fail(field, r.code, r.params);
        else out[field.column] = r.value;
        break;
      }
      case "article": {
        const text = cellText(cell).trim();
        const found = clauseOf(text, ctx);
        if (found === null) fail(field, readArticleReference(text).kind === "unreadable" ? "articleUnreadable" : "articleNotFound", { value: text });
        else out.clause = found === "whole" ? null : found;
        break;
      }
      case "category": {
        const text = cellText(cell).trim();
        const category = text === "" ? "other" : categoryFromName(text);
        if (category === null) fail(field, "category", { value: text });
        else out.category = category;
        break;
      }
      case "channel": {
        const text = cellText(cell).trim();
        if (text === "") break;
        const channel = channelFromName(text);
        if (channel === null) fail(field, "channel", { value: text });
        else Object.assign(out, { channel, defaultChannel: false });
        break;
      }
      case "contact":
        contactCells.push(cell);
        contactField ??= field;
        break;
      case "date": {
        const r = readSaidOn(cell, ctx.today);
        if (r.ok) out.saidOn = r.value;
        else fail(field, r.error, { value: cellText(cell) });
        break;
      }
    }
  }
  if (contactField) {
    const contacts = readContacts(contactCells);
    if (contacts.issue) fail(contactField, contacts.issue.code, contacts.issue.params);
    out.phone = contacts.phone;
    out.email = contacts.email;
  }
  if (issues.length > 0 || !body) return { kind: "invalid", issues };
  return { kind: "ok", value: { ...out, body } };
}
