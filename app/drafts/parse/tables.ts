/**
 * Tab-separated tables (车船税法's 税目税额表, the Hong Kong Basic Law's annexes). A table is kept as
 * text: its rows joined by "\n" with their tabs. Rows may be interrupted by short label lines without
 * tabs ("其他", "第二届") and a cell may continue on a later line after a row that ends with a tab
 * ("…的代表\t" … "200人").
 */
import { classifyLine, isHeadingLike } from "./headings";
import type { SourceLine } from "./normalise-lines";

const LABEL_MAX = 20;

function isRowLabel(line: SourceLine | undefined): boolean {
  return !!line && !line.blank && !line.tableRow && isHeadingLike(line.text, LABEL_MAX) && classifyLine(line.text).type === "text";
}

/** True when a table starts at lines[i]: a row, or a short label line directly followed by a row. */
export function startsTable(lines: readonly SourceLine[], i: number): boolean {
  const line = lines[i];
  if (!line || line.blank) return false;
  if (line.tableRow) return true;
  return isRowLabel(line) && lines[i + 1]?.tableRow === true;
}

export interface TableBlock {
  text: string;
  /** Index of the last line belonging to the table. */
  end: number;
}

export function takeTable(lines: readonly SourceLine[], start: number): TableBlock {
  const rows: string[] = [];
  let j = start;
  let end = start;
  while (j < lines.length) {
    const line = lines[j]!;
    if (line.tableRow) {
      rows.push(line.rowText);
      end = j;
      j++;
      if (line.rowText.endsWith("\t")) {
        // the last cell continues on a later line, possibly after blank lines
        let k = j;
        while (k < lines.length && lines[k]!.blank && lines[k]!.markup === "none") k++;
        const next = lines[k];
        if (next && !next.tableRow && isRowLabel(next)) {
          rows.push(next.text);
          end = k;
          j = k + 1;
        }
      }
      continue;
    }
    if (isRowLabel(line) && lines[j + 1]?.tableRow === true) {
      rows.push(line.text);
      end = j;
      j++;
      continue;
    }
    break;
  }
  return { text: rows.join("\n"), end };
}
