/**
 * The comparison table between two versions (条文对照表) as a Word document: A4 portrait, title in
 * 黑体, a line telling which versions are compared and a count of the changes, then the usual
 * two-column table 原条文 | 修改后条文 whose header row repeats on every page, one row per clause.
 * Deleted words are struck through in the old column, inserted words underlined and bold in the new.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Comparison } from "../drafts/compare/comparison";
import { BODY_FONT, BODY_SIZE, bodyRun, cellParagraphs, HEADING_FONT, headingRun } from "./comparison-docx-cells";

export interface ComparisonDocxMeta {
  title: string;
  /** e.g. "2020年12月26日文本" */
  oldLabel: string;
  /** e.g. "2023年12月29日文本" */
  newLabel: string;
}

export interface ComparisonDocxOptions {
  /** Rows whose wording and number did not change; true by default (a full 对照表). */
  includeUnchanged?: boolean;
}

/** A4 in twips; margins 2.54 cm top/bottom, 2.2 cm left/right. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1247, right: 1247 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const TITLE_SIZE = 36; // 小二
const HEADER_SIZE = 24; // 小四

function headerCell(text: string): TableCell {
  return new TableCell({
    width: { size: TEXT_WIDTH / 2, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: { fill: "E7E6E6" },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [headingRun(text, HEADER_SIZE)] })],
  });
}

/** Header row (repeated on each page) followed by one row per clause. */
export function comparisonTableRows(comparison: Comparison, options: ComparisonDocxOptions = {}): TableRow[] {
  const includeUnchanged = options.includeUnchanged ?? true;
  const rows: TableRow[] = [new TableRow({ tableHeader: true, cantSplit: true, children: [headerCell("原条文"), headerCell("修改后条文")] })];
  for (const row of comparison.rows) {
    if (row.status === "unchanged" && !includeUnchanged) continue;
    rows.push(
      new TableRow({
        children: (["old", "new"] as const).map(
          (side) => new TableCell({ width: { size: TEXT_WIDTH / 2, type: WidthType.DXA }, children: cellParagraphs(row, side) }),
        ),
      }),
    );
  }
  return rows;
}

function summaryLine(comparison: Comparison): string {
  const s = comparison.summary;
  return `修改${s.modified}条，新增${s.added}条，删除${s.deleted}条，调整位置或序号${s.moved}条，未修改${s.unchanged}条。`;
}

export function comparisonDocument(comparison: Comparison, meta: ComparisonDocxMeta, options: ComparisonDocxOptions = {}): Document {
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH / 2, TEXT_WIDTH / 2],
    layout: TableLayoutType.FIXED,
    rows: comparisonTableRows(comparison, options),
  });
  const centred = (children: TextRun[], after = 120) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
  return new Document({
    title: meta.title,
    creator: "Minyi",
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGIN },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: BODY_FONT, size: 18 })] })],
          }),
        },
        children: [
          centred([headingRun(meta.title, TITLE_SIZE)], 240),
          centred([bodyRun(`（${meta.oldLabel}与${meta.newLabel}对照）`)]),
          centred([bodyRun(summaryLine(comparison))]),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: "说明：", font: HEADING_FONT, size: 18 }),
              bodyRun("原条文中删除的文字加删除线，修改后条文中新增的文字加粗并加下划线。", 18),
            ],
          }),
          table,
        ],
      },
    ],
  });
}

export async function comparisonDocx(comparison: Comparison, meta: ComparisonDocxMeta, options: ComparisonDocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(comparisonDocument(comparison, meta, options));
}
