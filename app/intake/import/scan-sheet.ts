/**
 * One pass over a sheet's rows: find the header row (a title above it is fine; a first sheet of
 * notes is skipped), read every row after it, count the comments, collect every problem. Used twice
 * with the same rules: to validate an upload (nothing written), and to commit it (each good row
 * handed to `onRow`). Rows arrive one at a time and are not kept. Pure apart from the event loop.
 */
import type { Channel } from "../../../db/schema/vocabulary";
import { HEADER_SEARCH_ROWS, readHeaderRow, type HeaderLayout } from "./import-columns";
import { IssueList, type ImportNotice } from "./import-report";
import { readRow, type ImportedRow, type RowContext } from "./row-rules";
import type { SheetRow } from "./sheet-rows.server";

/** The most comments one file may hold. */
export const MAX_IMPORT_ROWS = 100_000;

export interface SheetScan {
  errors: IssueList;
  notices: ImportNotice[];
  /** Comments the sheet holds (non-empty rows after the header, good or not). */
  dataRows: number;
  headerRow: number | null;
}

export interface ScanOptions {
  onRow?: (row: ImportedRow) => void | Promise<void>;
  maxRows?: number;
  /** Stop reading at the first problem (a commit fails anyway). */
  stopAtFirstError?: boolean;
  /** Lets other requests run every so many rows (parsing is CPU work). */
  yieldEvery?: number;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function scanSheet(rows: AsyncIterable<SheetRow>, ctx: RowContext, options: ScanOptions = {}): Promise<SheetScan> {
  const errors = new IssueList();
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  const yieldEvery = options.yieldEvery ?? 2_000;
  let layout: HeaderLayout | null = null;
  let headerRow: number | null = null;
  let headerSheet = -1;
  let sheet = -1;
  let rowsInSheet = 0;
  let dataRows = 0;
  let defaulted = 0;
  let seen = 0;
  const examples: number[] = [];
  for await (const row of rows) {
    if (++seen % yieldEvery === 0) await nextTick();
    if (layout) {
      if (row.sheet !== headerSheet) break;
      const result = readRow(row.number, row.cells, layout.fields, ctx);
      if (result.kind === "empty") continue;
      if (result.kind === "example") {
        examples.push(row.number);
        continue;
      }
      if (++dataRows > maxRows) {
        errors.add({ row: row.number, column: null, code: "tooManyRows", params: { max: maxRows } });
        break;
      }
      if (result.kind === "invalid") for (const issue of result.issues) errors.add(issue);
      else {
        if (result.value.defaultChannel) defaulted++;
        if (options.onRow && errors.count === 0) await options.onRow(result.value);
      }
      if (options.stopAtFirstError && errors.count > 0) break;
      continue;
    }
    if (row.sheet !== sheet) {
      sheet = row.sheet;
      rowsInSheet = 0;
    }
    if (++rowsInSheet > HEADER_SEARCH_ROWS) continue;
    layout = readHeaderRow(row.cells);
    if (layout) {
      headerRow = row.number;
      headerSheet = row.sheet;
      for (const d of layout.duplicates) errors.add({ row: row.number, column: d.header, code: "duplicateColumn" });
    }
  }
  const notices: ImportNotice[] = [];
  if (!layout) errors.add({ row: null, column: null, code: "noHeader" });
  else {
    if (examples.length > 0) notices.push({ code: "exampleSkipped", params: { rows: examples.join("、") } });
    if (layout.extra.length > 0) notices.push({ code: "extraColumns", params: { columns: layout.extra.join("、") } });
    if (dataRows === 0) errors.add({ row: null, column: null, code: "noRows" });
    if (defaulted > 0) notices.push({ code: "defaultChannel", params: { count: defaulted, channel: ctx.defaultChannel satisfies Channel } });
  }
  return { errors, notices, dataRows: Math.min(dataRows, maxRows), headerRow };
}
