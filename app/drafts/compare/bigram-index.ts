/**
 * Inverted bigram index that finds, for one clause, the few clauses of the other version worth
 * scoring, so that matching stays far from the n² comparisons of a full scan.
 *
 * Candidates are gathered through the query's rarer bigrams only (those appearing in at most
 * `maxShare` of the indexed clauses, and at least the `minRare` rarest ones): a shared rare bigram
 * such as 行贿 or 渔船 says much more than 人民 or 规定. The best `limit` documents by that rough
 * score are then scored exactly (overlap of full bigram bags).
 */
import type { BigramBag } from "./text-similarity";
import { overlap } from "./text-similarity";

export interface Candidate {
  /** Index of the indexed document. */
  doc: number;
  /** Exact |query ∩ doc| on bigram multisets. */
  common: number;
}

export interface BigramIndex {
  candidates(query: BigramBag, options?: { limit?: number; extra?: readonly number[] }): Candidate[];
}

export function buildBigramIndex(
  docs: readonly (BigramBag | null)[],
  { maxShare = 0.08, minRare = 6, minDf = 24 }: { maxShare?: number; minRare?: number; minDf?: number } = {},
): BigramIndex {
  const postings = new Map<string, number[]>();
  let indexed = 0;
  docs.forEach((bag, doc) => {
    if (!bag) return;
    indexed++;
    for (const gram of bag.counts.keys()) {
      const list = postings.get(gram);
      if (list) list.push(doc);
      else postings.set(gram, [doc]);
    }
  });
  const maxDf = Math.max(minDf, Math.ceil(indexed * maxShare));

  return {
    candidates(query, { limit = 12, extra = [] } = {}) {
      const grams: { list: number[]; weight: number }[] = [];
      for (const [gram, count] of query.counts) {
        const list = postings.get(gram);
        if (list) grams.push({ list, weight: count });
      }
      grams.sort((a, b) => a.list.length - b.list.length);
      const rough = new Map<number, number>();
      grams.forEach(({ list, weight }, rank) => {
        if (list.length > maxDf && rank >= minRare) return;
        const idf = 1 / Math.log2(1 + list.length);
        for (const doc of list) rough.set(doc, (rough.get(doc) ?? 0) + weight * idf);
      });
      const chosen = [...rough.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([doc]) => doc);
      for (const doc of extra) if (!chosen.includes(doc)) chosen.push(doc);
      const out: Candidate[] = [];
      for (const doc of chosen) {
        const bag = docs[doc];
        if (!bag) continue;
        const common = overlap(query, bag);
        if (common > 0) out.push({ doc, common });
      }
      return out;
    },
  };
}
