/**
 * 日期: when a view was given, as sheets hold it — an Excel date, a date serial without a date
 * format, 20261130, or text "2026-11-30", "2026/11/30", "2026.11.30", "2026年11月30日" (full-width
 * digits too, a time after it ignored). Not in the future, not absurdly old. Pure.
 */
import { halfWidthDigits } from "../text-rules";
import { isoDate, type CellInput } from "./cell-values";

export type SaidOnError = "dateFormat" | "dateFuture" | "dateTooOld";
export type SaidOnResult = { ok: true; value: string | null } | { ok: false; error: SaidOnError };

/** How far back a view may be dated: ten years before the year of `today` (a mistyped year, not a real date). */
export const SAID_ON_YEARS_BACK = 10;

export function earliestSaidOn(today: string): string {
  return `${Number(today.slice(0, 4)) - SAID_ON_YEARS_BACK}-01-01`;
}

/** Day 0 of Excel's 1900 date system, as days are counted after the (fictional) 29 February 1900. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function calendarDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

function fromNumber(n: number): string | null {
  if (Number.isInteger(n) && n >= 10_000_101 && n <= 99_991_231) return calendarDate(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  // A date serial shown as a number (a cell without a date format, or a formula's result).
  if (n >= 61 && n < 2_958_466) return isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(n) * DAY_MS));
  return null;
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function fromText(text: string): string | null {
  const s = halfWidthDigits(text).replace(/[\uff0e\uff0f]/g, (c) => (c === "\uff0e" ? "." : "/")).trim();
  if (/^\d{8}$/.test(s)) return fromNumber(Number(s));
  const m = DATE_TEXT.exec(s);
  return m ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The date a cell names (YYYY-MM-DD), null when empty, or why it is not acceptable. `today` is in China Standard Time. */
export function readSaidOn(cell: CellInput, today: string): SaidOnResult {
  let value: string | null;
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return { ok: true, value: null };
  if (cell instanceof Date) value = isoDate(cell);
  else if (typeof cell === "number") value = fromNumber(cell);
  else if (typeof cell === "string") value = fromText(cell);
  else value = null;
  if (value === null) return { ok: false, error: "dateFormat" };
  if (value > today) return { ok: false, error: "dateFuture" };
  if (value < earliestSaidOn(today)) return { ok: false, error: "dateTooOld" };
  return { ok: true, value };
}
