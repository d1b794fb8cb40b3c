/**
 * Where a provision sits in its draft — its article, its chapter, the labels from the top down —
 * computed from provision rows (each with its parent). Pure: the database part lives in
 * documents.ts, which loads the rows with one recursive query per batch.
 */
import type { ProvisionKind } from "../db/schema/vocabulary";

export interface ProvisionNode {
  id: string;
  parentId: string | null;
  kind: ProvisionKind;
  number: number | null;
  stableKey: string;
  label: string;
  heading: string | null;
}

export interface Place {
  provisionKey: string;
  articleNumber: number | null;
  chapterKey: string | null;
  provisionPath: string[];
}

/** Structural headings carry a title of their own ("第二章 个人信息处理规则"); articles and finer do not. */
const HEADING_KINDS: ReadonlySet<ProvisionKind> = new Set(["part", "subpart", "chapter", "section", "annex"]);

const DIGITS = "零一二三四五六七八九";

/** 1…99 in Chinese numerals (款 are numbered by position and never run that long). */
function smallNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  return String(n);
}

export function pathLabel(node: Pick<ProvisionNode, "kind" | "label" | "heading" | "number">): string {
  if (HEADING_KINDS.has(node.kind) && node.heading) return node.label ? `${node.label} ${node.heading}` : node.heading;
  // The parser leaves 款 unlabelled (they are not printed); people cite them as 第二款.
  if (node.kind === "paragraph" && !node.label && node.number !== null) return `第${smallNumeral(node.number)}款`;
  return node.label;
}

/** The chain from the root down to `id` (inclusive), or [] when a link is missing. */
export function chainOf(id: string, byId: ReadonlyMap<string, ProvisionNode>): ProvisionNode[] {
  const chain: ProvisionNode[] = [];
  const seen = new Set<string>();
  for (let node = byId.get(id); node; node = node.parentId ? byId.get(node.parentId) : undefined) {
    if (seen.has(node.id)) break; // a cycle would be a database bug; never loop on it
    seen.add(node.id);
    chain.push(node);
  }
  return chain.reverse();
}

/** A provision's place: the article a 款/项 belongs to, the enclosing 章, the labels root first. */
export function placeOf(id: string, byId: ReadonlyMap<string, ProvisionNode>): Place | null {
  const chain = chainOf(id, byId);
  const self = chain[chain.length - 1];
  if (!self) return null;
  let articleNumber: number | null = null;
  let chapterKey: string | null = null;
  for (const node of chain) {
    if (node.kind === "chapter") chapterKey = node.stableKey;
    // The innermost article wins (an amendment point may quote an article of another law).
    if (node.kind === "article" && node.number !== null) articleNumber = node.number;
  }
  return { provisionKey: self.stableKey, articleNumber, chapterKey, provisionPath: chain.map(pathLabel).filter((label) => label !== "") };
}

/**
 * Provisions that become documents of their own: an article with all its 款/项/目 is one search
 * result (its own text is often empty, the words are in its paragraphs), as are preambles,
 * amendment points and annexes. 编/章/节 are headings, shown in the path, not documents.
 */
export const UNIT_KINDS: ReadonlySet<ProvisionKind> = new Set(["preamble", "article", "point", "annex"]);
const CONTAINER_KINDS: ReadonlySet<ProvisionKind> = new Set(["part", "subpart", "chapter", "section"]);

/**
 * Groups a version's provisions (in document order) into units: the outermost unit-kind
 * provision takes everything beneath it; text outside any unit (a 款 directly under a 章) is a unit
 * of its own, so no words of the draft are left unsearchable.
 */
export function groupUnits<N extends ProvisionNode & { text: string }>(ordered: readonly N[]): { root: N; text: string }[] {
  const unitOf = new Map<string, { root: N; parts: string[] }>();
  const units: { root: N; parts: string[] }[] = [];
  for (const node of ordered) {
    const parentUnit = node.parentId ? unitOf.get(node.parentId) : undefined;
    if (parentUnit) {
      unitOf.set(node.id, parentUnit);
      if (node.text.trim()) parentUnit.parts.push(node.text);
      continue;
    }
    if (UNIT_KINDS.has(node.kind) || (!CONTAINER_KINDS.has(node.kind) && node.text.trim())) {
      const unit = { root: node, parts: node.text.trim() ? [node.text] : [] };
      units.push(unit);
      unitOf.set(node.id, unit);
    }
  }
  return units.map((u) => ({ root: u.root, text: u.parts.join("\n") }));
}
