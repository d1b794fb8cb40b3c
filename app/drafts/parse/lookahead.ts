/**
 * Questions about the lines around the current one: what comes next, whether a line stands alone
 * between blank lines, whether an appended document (title lines, blank, 题注) starts here.
 */
import { classifyLine, isHeadingLike, isTitleNote, type LineToken } from "./headings";
import type { SourceLine } from "./normalise-lines";

/** The token of the next non-blank line after lines[i], or null at the end. */
export function nextToken(lines: readonly SourceLine[], i: number): LineToken | null {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (!l.blank) return classifyLine(l.text);
  }
  return null;
}

/** A line between blank lines (plain-text layouts put blank lines only around headings). */
export function isStandalone(lines: readonly SourceLine[], i: number): boolean {
  const before = lines[i - 1];
  const after = lines[i + 1];
  return (!before || before.blank) && (!after || after.blank);
}

export interface AppendedDocument {
  /** The title lines, as printed. */
  title: string[];
  /** Index of the 题注 line "（…通过）". */
  noteIndex: number;
}

/**
 * A document appended after the law (the Hong Kong Basic Law's later decisions and amendments):
 * up to five title lines after a blank line, a blank line, then a 题注 "（1998年11月4日通过）".
 */
export function findAppendedDocument(lines: readonly SourceLine[], i: number): AppendedDocument | null {
  const before = lines[i - 1];
  if (before && !before.blank) return null;
  const title: string[] = [];
  let j = i;
  while (j < lines.length && !lines[j]!.blank && title.length < 5) {
    const l = lines[j]!;
    if (l.tableRow || !isHeadingLike(l.text, 100) || classifyLine(l.text).type !== "text") return null;
    title.push(l.text);
    j++;
  }
  if (title.length === 0 || j >= lines.length || !lines[j]!.blank) return null;
  while (j < lines.length && lines[j]!.blank) j++;
  const note = lines[j];
  return note && isTitleNote(note.text) ? { title, noteIndex: j } : null;
}
