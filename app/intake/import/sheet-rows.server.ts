/**
 * The rows of an uploaded sheet, one at a time: .xlsx through exceljs's streaming WorkbookReader
 * (the workbook is never built in memory), .csv through csv-records. Each row comes with the number
 * the spreadsheet shows for it and its cells, left to right from column A.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { fromExcelValue, type CellInput } from "./cell-values";
import { csvEncoding, csvRecords, decodedChunks } from "./csv-records";

export type SheetKind = "xlsx" | "csv";

export interface SheetRow {
  /** Which worksheet (0 for the first one read); a CSV file has one. */
  sheet: number;
  /** The row number the spreadsheet shows (CSV: the record's number). */
  number: number;
  cells: CellInput[];
}

export type SheetKindResult = { ok: true; kind: SheetKind } | { ok: false; error: "unsupported_type" | "legacy_excel" };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the file is, from its bytes and name: an Excel 2007+ workbook, or CSV text. Old .xls files are refused with their own reason. */
export function sheetKind(file: { name: string; bytes: Uint8Array }): SheetKindResult {
  const name = file.name.toLowerCase();
  if (startsWith(file.bytes, OLE)) return { ok: false, error: "legacy_excel" };
  if (startsWith(file.bytes, ZIP)) return /\.(xlsx|xlsm)$/.test(name) ? { ok: true, kind: "xlsx" } : { ok: false, error: "unsupported_type" };
  if (/\.(csv|txt)$/.test(name)) return { ok: true, kind: "csv" };
  return { ok: false, error: "unsupported_type" };
}

export function sheetRows(bytes: Uint8Array, kind: SheetKind): AsyncGenerator<SheetRow> {
  return kind === "xlsx" ? xlsxRows(bytes) : csvRows(bytes);
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  // styles: "cache" so that date-formatted numbers come back as dates.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  let sheet = 0;
  try {
    for await (const worksheet of reader) {
      const state = (worksheet as unknown as { state?: string }).state;
      if (state === "hidden" || state === "veryHidden") {
        for await (const _ of worksheet) void _; // drain: the zip is read in order
        continue;
      }
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: CellInput[] = [];
        for (let i = 1; i < values.length; i++) cells.push(fromExcelValue(values[i]));
        yield { sheet, number: row.number, cells };
      }
      sheet++;
    }
  } finally {
    input.destroy();
  }
}

async function* csvRows(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  const encoding = csvEncoding(bytes);
  let number = 0;
  for (const record of csvRecords(decodedChunks(bytes, encoding))) {
    number++;
    yield { sheet: 0, number, cells: record.map((f) => (f === "" ? null : f)) };
  }
}
