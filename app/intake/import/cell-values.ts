/**
 * A spreadsheet cell as the import reads it: text, a number, a date, or an error value. Rich text
 * is its plain text, a formula is its cached result, a hyperlink is its text. Pure.
 */
import { isBlank } from "../text-rules";

export type CellInput = string | number | boolean | Date | null | { error: string };

/** A cell value as exceljs gives it (in-memory or streaming reader), as a CellInput. */
export function fromExcelValue(value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: "#VALUE!" } : value;
  if (typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
  if ("formula" in v || "sharedFormula" in v) return "result" in v && v.result !== undefined ? fromExcelValue(v.result) : { error: "#NO_RESULT" };
  if (typeof v.error === "string") return { error: v.error };
  if ("text" in v) return fromExcelValue(v.text);
  return null;
}

export function isErrorCell(cell: CellInput): cell is { error: string } {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date);
}

/** Digits as Excel shows a whole number (13812345678, not 1.3812345678e10); other numbers as JavaScript writes them. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** YYYY-MM-DD of a spreadsheet date (Excel dates have no time zone: exceljs gives them at UTC midnight). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The cell as text, as a person would read it in the sheet; "" for an empty or error cell. */
export function cellText(cell: CellInput | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return isoDate(cell);
  return "";
}

export function isEmptyCell(cell: CellInput | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === "string" && isBlank(cell);
}
