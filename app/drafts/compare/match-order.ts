/**
 * Order helpers for matching: the longest chain of matches that keeps both versions' order
 * (anchors), and the reading order of a comparison — the new version's order, with each deleted old
 * clause placed right after the anchor that precedes it in the old version.
 */

export interface IndexPair { i: number; j: number }

/**
 * Longest increasing subsequence of new positions taken in old order (O(n log n)).
 * `oldPair[i]` is the new index matched to old index i, or -1.
 */
export function monotoneAnchors(oldPair: readonly number[]): IndexPair[] {
  const items: IndexPair[] = [];
  oldPair.forEach((j, i) => { if (j >= 0) items.push({ i, j }); });
  const tails: number[] = []; // tails[len-1] = index in items of the smallest tail of a chain of length len
  const prev = new Array<number>(items.length).fill(-1);
  items.forEach((item, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]!.j < item.j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const chain: IndexPair[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) chain.push(items[k]!);
  return chain.reverse();
}

/** Rows of a comparison as index pairs; `null` marks the missing side of added / deleted clauses. */
export function alignOrder(oldPair: readonly number[], newPair: readonly number[]): { i: number | null; j: number | null }[] {
  const anchorOfOld = new Map<number, number>();
  for (const { i, j } of monotoneAnchors(oldPair)) anchorOfOld.set(i, j);
  const deletedAfter = new Map<number, number[]>(); // new index (-1: before everything) → deleted old indexes
  let lastAnchorNew = -1;
  oldPair.forEach((j, i) => {
    const anchored = anchorOfOld.get(i);
    if (anchored !== undefined) lastAnchorNew = anchored;
    else if (j === -1) deletedAfter.set(lastAnchorNew, [...(deletedAfter.get(lastAnchorNew) ?? []), i]);
  });
  const rows: { i: number | null; j: number | null }[] = [];
  const emitDeleted = (after: number) => { for (const i of deletedAfter.get(after) ?? []) rows.push({ i, j: null }); };
  emitDeleted(-1);
  newPair.forEach((i, j) => {
    rows.push({ i: i === -1 ? null : i, j });
    emitDeleted(j);
  });
  return rows;
}
