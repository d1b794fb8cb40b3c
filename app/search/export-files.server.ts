/**
 * Search results as files: CSV in UTF-8 with a byte-order mark (Excel then reads the Chinese
 * correctly), one line per comment; XLSX with a frozen header, wrapped text, and a second sheet
 * saying what was searched, when, and whether the export was capped.
 */
import ExcelJS from "exceljs";
import type { Locale } from "../platform/i18n/locales";
import { translator, type MessageKey } from "../platform/i18n/translate";
import { EXPORT_MAX_ROWS } from "./export-limit";
import { EXPORT_COLUMNS, type ExportColumn, type ExportSet } from "./search-export.server";

const WIDTHS: Record<ExportColumn, number> = {
  receiptCode: 14, draft: 30, version: 14, article: 24, contactPoint: 26, region: 16, channel: 10, category: 12, status: 10, moderation: 10,
  date: 12, body: 60, proposedText: 40, reason: 40,
};

function header(locale: Locale): string[] {
  const t = translator(locale);
  return EXPORT_COLUMNS.map((c) => t(`search.export.col.${c}` as MessageKey));
}

/** A field quoted when it must be; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportCsv(set: ExportSet, locale: Locale): Uint8Array<ArrayBuffer> {
  const lines = [header(locale), ...set.rows.map((r) => EXPORT_COLUMNS.map((c) => r[c]))].map((cells) => cells.map(csvField).join(","));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

export interface ExportAbout {
  query: string;
  filters: string[];
  generatedAt: string;
}

export async function exportXlsx(set: ExportSet, locale: Locale, about: ExportAbout): Promise<Uint8Array<ArrayBuffer>> {
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "民意 Minyi";
  const sheet = workbook.addWorksheet(t("search.export.sheet"), { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const names = header(locale);
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({ header: names[i], key: c, width: WIDTHS[c] }));
  sheet.getRow(1).font = { bold: true };
  for (const c of ["body", "proposedText", "reason"] as const) sheet.getColumn(c).alignment = { wrapText: true, vertical: "top" };
  // Receipt codes and dates stay text: Excel would otherwise reinterpret them.
  for (const c of ["receiptCode", "date", "region"] as const) sheet.getColumn(c).numFmt = "@";
  for (const row of set.rows) sheet.addRow(row);

  const info = workbook.addWorksheet(t("search.export.aboutSheet"));
  info.columns = [{ width: 18 }, { width: 80 }];
  info.addRow([t("search.export.about.query"), about.query || t("search.export.about.none")]);
  info.addRow([t("search.export.about.filters"), about.filters.join("；") || t("search.export.about.none")]);
  info.addRow([t("search.export.about.generatedAt"), about.generatedAt]);
  info.addRow([t("search.export.about.rows"), set.rows.length]);
  info.addRow([t("search.export.about.total"), set.total]);
  if (set.capped) info.addRow([t("search.export.about.capped"), t("search.export.cappedNote", { max: EXPORT_MAX_ROWS, total: set.total })]);
  info.addRow([t("search.export.about.privacy"), t("search.export.privacyNote")]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
