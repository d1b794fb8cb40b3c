/**
 * Cell content of the .docx comparison table: the clause label in 黑体, the wording in 宋体, deleted
 * words struck through in the old column, inserted words underlined and bold in the new column,
 * and the remark (新增 / 删除 / 原第X条…) in small grey type.
 */
import { AlignmentType, Paragraph, TextRun, UnderlineType, type IRunOptions } from "docx";
import type { ComparisonRow } from "../drafts/compare/comparison";
import type { DiffSegment } from "../drafts/compare/char-diff";

/** Fonts on every run (eastAsia for the Chinese text, a Latin face for digits and letters). */
export const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体", cs: "Times New Roman" } as const;
export const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体", cs: "Times New Roman" } as const;
/** 五号 (10.5 pt), in half-points. */
export const BODY_SIZE = 21;
const NOTE_SIZE = 18;
/** Two characters of 五号, in twips. */
const FIRST_LINE_INDENT = 420;

type Mark = "plain" | "struck" | "inserted";
interface Piece { text: string; mark: Mark }

function run(text: string, mark: Mark): TextRun {
  const options: IRunOptions = { text, font: BODY_FONT, size: BODY_SIZE };
  if (mark === "struck") return new TextRun({ ...options, strike: true });
  if (mark === "inserted") return new TextRun({ ...options, bold: true, underline: { type: UnderlineType.SINGLE } });
  return new TextRun(options);
}

/** Splits marked pieces into lines (one paragraph per 款 / 项). */
function lines(pieces: readonly Piece[]): Piece[][] {
  const out: Piece[][] = [[]];
  for (const piece of pieces) {
    piece.text.split("\n").forEach((part, k) => {
      if (k > 0) out.push([]);
      if (part !== "") out[out.length - 1]!.push({ text: part, mark: piece.mark });
    });
  }
  return out;
}

function piecesFromSegments(segments: readonly DiffSegment[], side: "old" | "new"): Piece[] {
  const pieces: Piece[] = [];
  for (const s of segments) {
    if (s.op === "equal") pieces.push({ text: s.text, mark: "plain" });
    else if (s.op === "delete" && side === "old") pieces.push({ text: s.text, mark: "struck" });
    else if (s.op === "insert" && side === "new") pieces.push({ text: s.text, mark: "inserted" });
  }
  return pieces;
}

function clauseParagraphs(label: string, pieces: readonly Piece[]): Paragraph[] {
  return lines(pieces).map((line, k) => {
    const children: TextRun[] = [];
    if (k === 0 && label !== "") children.push(new TextRun({ text: `${label}　`, font: HEADING_FONT, size: BODY_SIZE }));
    for (const piece of line) children.push(run(piece.text, piece.mark));
    return new Paragraph({ children, indent: { firstLine: FIRST_LINE_INDENT }, alignment: AlignmentType.JUSTIFIED });
  });
}

function noteParagraph(note: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ text: `（${note}）`, font: BODY_FONT, size: NOTE_SIZE, color: "666666" })],
  });
}

/** Paragraphs of the old (原条文) or new (修改后条文) cell of one row; an empty paragraph for a missing side. */
export function cellParagraphs(row: ComparisonRow, side: "old" | "new"): Paragraph[] {
  const clause = side === "old" ? row.old : row.new;
  const paragraphs: Paragraph[] = [];
  if (clause) {
    let pieces: Piece[];
    if (row.segments) pieces = piecesFromSegments(row.segments, side);
    else if (row.status === "deleted") pieces = [{ text: clause.text, mark: "struck" }];
    else if (row.status === "added") pieces = [{ text: clause.text, mark: "inserted" }];
    else pieces = [{ text: clause.text, mark: "plain" }];
    paragraphs.push(...clauseParagraphs(clause.label, pieces));
  }
  const noteSide = row.new ? "new" : "old";
  if (row.note && side === noteSide && row.status !== "unchanged") paragraphs.push(noteParagraph(row.note));
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ children: [] })];
}

export function headingRun(text: string, size: number): TextRun {
  return new TextRun({ text, font: HEADING_FONT, size });
}

export function bodyRun(text: string, size = BODY_SIZE): TextRun {
  return new TextRun({ text, font: BODY_FONT, size });
}
