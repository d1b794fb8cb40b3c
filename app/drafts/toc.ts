/**
 * The table of contents of a version: its 编/分编/章/节 (and preamble, annexes) with the range of
 * articles under each, for a reader to open chapter by chapter. Pure.
 */
import type { ProvisionKind } from "../../db/schema/vocabulary";

export interface TocRow {
  key: string;
  kind: ProvisionKind;
  label: string;
  heading: string | null;
  depth: number;
}

export interface TocEntry {
  key: string;
  kind: ProvisionKind;
  title: string;
  /** "第一条" … "第十二条" under this heading, when it holds articles. */
  firstArticle: string | null;
  lastArticle: string | null;
  children: TocEntry[];
}

const HEADING_KINDS: ReadonlySet<ProvisionKind> = new Set(["part", "subpart", "chapter", "section", "preamble", "annex"]);
const CLAUSE_KINDS: ReadonlySet<ProvisionKind> = new Set(["article", "point"]);

export function tableOfContents(rows: readonly TocRow[]): TocEntry[] {
  const root: TocEntry[] = [];
  const stack: { depth: number; entry: TocEntry }[] = [];
  for (const row of rows) {
    if (HEADING_KINDS.has(row.kind)) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= row.depth) stack.pop();
      const entry: TocEntry = {
        key: row.key, kind: row.kind, title: [row.label, row.heading].filter(Boolean).join(" "),
        firstArticle: null, lastArticle: null, children: [],
      };
      (stack.length > 0 ? stack[stack.length - 1]!.entry.children : root).push(entry);
      stack.push({ depth: row.depth, entry });
    } else if (CLAUSE_KINDS.has(row.kind)) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= row.depth) stack.pop();
      for (const { entry } of stack) {
        entry.firstArticle ??= row.label;
        entry.lastArticle = row.label;
      }
    }
  }
  return root;
}
