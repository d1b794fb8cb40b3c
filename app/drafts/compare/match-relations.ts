/**
 * Split and merged clauses. A new clause whose wording lies mostly inside an old one was split from
 * it; an old clause lying mostly inside a new one was merged into it. "Mostly inside" is measured
 * on character bigrams and confirmed on trigrams, since with bigrams alone a short clause finds
 * most of its pairs of characters scattered through any long clause on the same subject.
 */
import type { ArticleInput, ArticleRelation } from "./match-articles";
import { containment, similarityText, type BigramBag } from "./text-similarity";

/** A scored candidate pair of an old clause i and a new clause j. */
export interface Pair {
  i: number;
  j: number;
  /** Shared bigrams. */
  common: number;
  score: number;
  /** Which side lies inside the other, if either does. */
  contained: "old" | "new" | null;
}

export interface ContainmentOptions {
  containThreshold: number;
  minRelationLength: number;
}

/** How much trigram containment may fall below the bigram threshold. */
const TRIGRAM_SLACK = 0.15;

function trigramContainment(part: string, whole: string): number {
  const grams = (s: string) => {
    const chars = Array.from(similarityText(s));
    const counts = new Map<string, number>();
    for (let k = 0; k + 3 <= chars.length; k++) {
      const g = chars[k]! + chars[k + 1]! + chars[k + 2]!;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return counts;
  };
  const a = grams(part);
  const b = grams(whole);
  let size = 0;
  let common = 0;
  for (const [g, k] of a) {
    size += k;
    common += Math.min(k, b.get(g) ?? 0);
  }
  return size === 0 ? 0 : common / size;
}

/** "old" when the old clause lies inside the new one, "new" for the reverse, else null. */
export function containedSide(
  oldText: string, newText: string, oldBag: BigramBag, newBag: BigramBag, common: number, options: ContainmentOptions,
): "old" | "new" | null {
  const { containThreshold: min, minRelationLength } = options;
  if (oldBag.size < minRelationLength || newBag.size < minRelationLength) return null;
  const oldInNew = containment(common, oldBag);
  const newInOld = containment(common, newBag);
  const side = oldInNew >= newInOld ? "old" : "new";
  if (Math.max(oldInNew, newInOld) < min) return null;
  const confirmed = side === "old" ? trigramContainment(oldText, newText) : trigramContainment(newText, oldText);
  return confirmed >= min - TRIGRAM_SLACK ? side : null;
}

/** Relations for clauses left unmatched that lie inside a clause of the other version. */
export function findRelations(
  pairs: readonly Pair[],
  oldArticles: readonly ArticleInput[],
  newArticles: readonly ArticleInput[],
  oldPair: readonly number[],
  newPair: readonly number[],
): ArticleRelation[] {
  const splitParts = new Map<number, Pair>(); // free new j → best containing old
  const mergedParts = new Map<number, Pair>(); // free old i → best containing new
  for (const p of pairs) {
    if (p.contained === "new" && newPair[p.j] === -1 && (splitParts.get(p.j)?.common ?? 0) < p.common) splitParts.set(p.j, p);
    if (p.contained === "old" && oldPair[p.i] === -1 && (mergedParts.get(p.i)?.common ?? 0) < p.common) mergedParts.set(p.i, p);
  }
  const relations: ArticleRelation[] = [];
  const splits = new Map<number, number[]>();
  for (const [j, p] of splitParts) splits.set(p.i, [...(splits.get(p.i) ?? []), j]);
  for (const [i, parts] of [...splits].sort((a, b) => a[0] - b[0])) {
    const js = oldPair[i] === -1 ? parts : [oldPair[i]!, ...parts];
    relations.push({ kind: "split", old: [oldArticles[i]!.key], new: js.sort((a, b) => a - b).map((j) => newArticles[j]!.key) });
  }
  const merges = new Map<number, number[]>();
  for (const [i, p] of mergedParts) merges.set(p.j, [...(merges.get(p.j) ?? []), i]);
  for (const [j, parts] of [...merges].sort((a, b) => a[0] - b[0])) {
    const is = newPair[j] === -1 ? parts : [newPair[j]!, ...parts];
    relations.push({ kind: "merged", old: is.sort((a, b) => a - b).map((i) => oldArticles[i]!.key), new: [newArticles[j]!.key] });
  }
  return relations;
}
