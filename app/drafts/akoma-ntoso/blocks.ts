/**
 * The text of one provision as Akoma Ntoso block elements. Each line becomes a <p>; consecutive
 * lines holding tabs (the tab-separated tables of 车船税法 and the Hong Kong Basic Law's annexes, kept
 * by the parser as text) become a <table> with one <tr> per line and one <td> per tab-separated cell.
 * As in the parser (tables.ts), short lines between rows ("其他", "第二届") belong to the table (a
 * row of one cell), and a line after a row ending with a tab fills that row's last cell. Cell text
 * is kept as printed, so a cell that wraps over several source lines stays as the source prints it.
 */
import { escapeXmlText, type XmlWriter } from "./xml-escape";

/** Short lines inside a table ("其他", "第二届") are rows of one cell; a longer one ends the table. */
const TABLE_LABEL_MAX = 20;

export type Block = { kind: "p"; text: string } | { kind: "table"; rows: string[][] };

/** Splits a provision's text into paragraphs and tables (see the module comment). */
export function splitBlocks(text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  let openCell = false; // the previous row ended with a tab: its last cell continues on this line
  lines.forEach((line, i) => {
    if (line.includes("\t")) {
      if (!table) blocks.push({ kind: "table", rows: (table = []) });
      table.push(line.split("\t"));
      openCell = line.endsWith("\t");
      return;
    }
    const moreRows = lines.slice(i + 1).some((l) => l.includes("\t"));
    if (table && openCell && line.trim() !== "") {
      const row = table[table.length - 1]!;
      row[row.length - 1] = line;
      openCell = false;
      return;
    }
    if (table && moreRows && line.trim() !== "" && line.length <= TABLE_LABEL_MAX) {
      table.push([line]);
      return;
    }
    table = null;
    openCell = false;
    if (line.trim() !== "") blocks.push({ kind: "p", text: line });
  });
  return blocks;
}

/**
 * Writes `text` as <p>/<table> blocks (at least one <p>, possibly empty, so that the enclosing
 * <content> or <intro> is never empty). Tables get eIds `${eIdPrefix}__table_N`.
 */
export function writeBlocks(w: XmlWriter, text: string, eIdPrefix: string): void {
  const blocks = splitBlocks(text);
  if (blocks.length === 0) {
    w.line("<p/>");
    return;
  }
  let tables = 0;
  for (const block of blocks) {
    if (block.kind === "p") {
      w.line(`<p>${escapeXmlText(block.text)}</p>`);
      continue;
    }
    w.open("table", { eId: `${eIdPrefix}__table_${++tables}` });
    for (const row of block.rows) {
      const cells = row.map((cell) => (cell === "" ? "<td/>" : `<td><p>${escapeXmlText(cell)}</p></td>`));
      w.line(`<tr>${cells.join("")}</tr>`);
    }
    w.close("table");
  }
}

/** Text as the content of a single <p>: lines separated by <br/> (for the 序言's paragraphs, which carry eIds). */
export function inlineLines(text: string): string {
  return text
    .split("\n")
    .map((line) => escapeXmlText(line))
    .join("<br/>");
}
