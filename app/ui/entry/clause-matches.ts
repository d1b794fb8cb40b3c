/**
 * The clauses the article picker offers for what has been typed: "128" → 第一百二十八条 first, then
 * 第一千二百八十条…; "第十三条" → 第十三条; other text → clauses whose first line contains it.
 * Pure: takes a version's clause list (comment-target.server.ts clauseOptions).
 */
import { readArticleReference, type ClauseOption } from "../../intake/article-reference";
import { halfWidthDigits } from "../../intake/text-rules";

export interface ClauseMatch {
  key: string;
  label: string;
  firstLine: string;
}

const asMatch = (o: ClauseOption): ClauseMatch => ({ key: o.key, label: o.label, firstLine: o.firstLine });

export function matchClauses(options: readonly ClauseOption[], query: string, limit = 8): ClauseMatch[] {
  const q = halfWidthDigits(query).replace(/[\s　]/g, "");
  if (q === "") return [];
  const ref = readArticleReference(q);
  if (ref.kind === "clause") {
    const exact = options.filter((o) => o.number === ref.number && (o.suffix ?? null) === ref.suffix);
    // "133" also offers 第一百三十三条之一, 之二…
    const added = ref.suffix === null ? options.filter((o) => o.number === ref.number && (o.suffix ?? null) !== null) : [];
    // "13" typed so far may become 130, 131…: offer those after the exact one.
    const digits = /^(?:第)?(\d+)$/.exec(q)?.[1];
    const more = digits
      ? options.filter((o) => o.number !== null && o.number !== ref.number && String(o.number).startsWith(digits) && (o.suffix ?? null) === null)
      : [];
    return [...exact, ...added, ...more].slice(0, limit).map(asMatch);
  }
  if (ref.kind === "whole") return [];
  const needle = query.trim().toLowerCase();
  return options.filter((o) => o.firstLine.toLowerCase().includes(needle) || o.label.includes(needle)).slice(0, limit).map(asMatch);
}
