/**
 * Turns a version's provisions (document order) into what a reader sees: headings for 编/章/节,
 * and blocks for each article or point holding its paragraphs, items and sub-items as lines.
 */
import type { ProvisionKind } from "../../db/schema/vocabulary";

export interface ReadingRow {
  key: string;
  kind: ProvisionKind;
  label: string;
  heading: string | null;
  text: string;
  depth: number;
}

export type ReadingBlock =
  | { type: "heading"; key: string; kind: ProvisionKind; level: 2 | 3 | 4; label: string; heading: string | null; text: string }
  | { type: "article"; key: string; kind: ProvisionKind; label: string; lines: { key: string; kind: ProvisionKind; label: string; text: string }[] };

const HEADING_LEVEL: Partial<Record<ProvisionKind, 2 | 3 | 4>> = { part: 2, subpart: 2, chapter: 2, section: 3, annex: 2, preamble: 2 };
const BLOCK_KINDS: ReadonlySet<ProvisionKind> = new Set(["article", "point"]);

export function readingBlocks(rows: readonly ReadingRow[]): ReadingBlock[] {
  const blocks: ReadingBlock[] = [];
  let current: Extract<ReadingBlock, { type: "article" }> | null = null;
  let currentDepth = -1;
  for (const row of rows) {
    if (current && row.depth > currentDepth) {
      // Paragraph labels are positional (第二款) and not printed; items and sub-items print theirs.
      const label = row.kind === "paragraph" ? "" : row.label;
      current.lines.push({ key: row.key, kind: row.kind, label, text: row.text });
      continue;
    }
    current = null;
    if (BLOCK_KINDS.has(row.kind)) {
      current = { type: "article", key: row.key, kind: row.kind, label: row.label, lines: [] };
      currentDepth = row.depth;
      if (row.text) current.lines.push({ key: `${row.key}.text`, kind: "paragraph", label: "", text: row.text });
      blocks.push(current);
    } else {
      blocks.push({ type: "heading", key: row.key, kind: row.kind, level: HEADING_LEVEL[row.kind] ?? 3, label: row.label, heading: row.heading, text: row.text });
    }
  }
  return blocks;
}
