/**
 * Matches the clauses (articles, and the preamble / annexes / points that stand beside them) of an
 * old and a new version of a law. Pure; no database.
 *
 * Passes, each only on what is still unmatched:
 * 1. same number and same wording (whitespace ignored) → unchanged;
 * 2. same wording at another number → moved;
 * 3. similar wording (bigram Dice ≥ `threshold`), best pairs first: near-certain ones (≥
 *    `strongThreshold`) before the rest; then pairs that keep the order of the matches around them
 *    rank 0.15 higher and pairs with the same number 0.1 higher (near-ties go to the same number);
 * 4. weaker similarity (≥ `gapThreshold`) between two clauses lying in the same gap between the
 *    in-order matches found so far (an amended clause in its old place);
 * 5. containment: a clause whose wording lies mostly inside the other (bigrams ≥
 *    `containThreshold`, trigrams a little less) — a split or merged clause, where Dice is
 *    diluted; the largest part becomes the match.
 * What remains is added or deleted; an added clause found inside an old one is recorded as split
 * from it, a deleted clause found inside a new one as merged into it (`relations`).
 *
 * Status of a match: same number (and suffix) → unchanged or modified; different number → moved,
 * whether or not the wording changed too (`textChanged` tells): a renumbered clause is a change
 * a reader must see, and a comment on it must follow it. A clause that keeps its number but moves
 * to another chapter stays unchanged / modified (its `context` shows the move).
 *
 * Cost: passes 1–2 are hash lookups; 3–5 score only the ~12 candidates per clause that an inverted
 * index of rare bigrams proposes, never all n² pairs. Each old clause ends in exactly one
 * of unchanged / modified / moved / deleted, each new clause in one of unchanged / modified / moved / added.
 */
import { buildBigramIndex } from "./bigram-index";
import { alignOrder, monotoneAnchors } from "./match-order";
import { containedSide, findRelations, type ContainmentOptions, type Pair } from "./match-relations";
import { bigrams, compactText, dice, overlap, similarityText, type BigramBag } from "./text-similarity";

export interface ArticleInput {
  key: string;
  number: number | null;
  suffix: number | null;
  label: string;
  /** Full text of the clause incl. paragraphs, items and sub-items, joined with "\n". */
  text: string;
  /** Heading path, e.g. "第三章 个人信息跨境提供规则". */
  context: string;
  /** "article" unless said otherwise; clauses only match clauses of the same kind. */
  kind?: string;
}

export type MatchStatus = "unchanged" | "modified" | "moved" | "added" | "deleted";

export interface ArticleMatch {
  status: MatchStatus;
  oldIndex: number | null;
  newIndex: number | null;
  old?: ArticleInput;
  new?: ArticleInput;
  /** Dice on normalised text: 1 when the wording is the same, 0 for added / deleted. */
  similarity: number;
  /** Wording differs (whitespace ignored, punctuation counted). */
  textChanged: boolean;
}

export interface ArticleRelation {
  kind: "split" | "merged";
  /** Keys of old clauses (one for split). */
  old: string[];
  /** Keys of new clauses (one for merged). */
  new: string[];
}

export interface MatchResult {
  /** In new-version order; each deleted clause right after the match of the nearest old clause before it that kept its place in the order. */
  matches: ArticleMatch[];
  relations: ArticleRelation[];
}

export interface MatchOptions {
  /** Dice from which two clauses anywhere in the law are taken for the same clause (0.5). */
  threshold?: number;
  /** Dice of near-certain pairs, matched first (0.8). */
  strongThreshold?: number;
  /** Dice enough for two clauses in the same gap between in-order matches (0.3). */
  gapThreshold?: number;
  /** Share of a clause's bigrams, and of its trigrams (less 0.15), found in the other for split / merge (0.6). */
  containThreshold?: number;
  /** Clauses with fewer bigrams than this (about as many letters) never take part in split / merge (12). */
  minRelationLength?: number;
}

/** Rank bonus for a pair that keeps the order of the surrounding matches. */
const GAP_BONUS = 0.15;
/** Rank bonus for the same number: near-ties (within this margin) go to the clause that kept its number. */
const SAME_NUMBER_BONUS = 0.1;

/** Kind, number and suffix; the label stands in for the number of unnumbered clauses (序言). */
const identity = (a: ArticleInput) => `${a.kind ?? "article"}|${a.number ?? `label:${a.label}`}|${a.suffix ?? 0}`;
const sameKind = (a: ArticleInput, b: ArticleInput) => (a.kind ?? "article") === (b.kind ?? "article");
const sameNumber = (a: ArticleInput, b: ArticleInput) => identity(a) === identity(b);

export function matchArticles(
  oldArticles: readonly ArticleInput[],
  newArticles: readonly ArticleInput[],
  { threshold = 0.5, strongThreshold = 0.8, gapThreshold = 0.3, containThreshold = 0.6, minRelationLength = 12 }: MatchOptions = {},
): MatchResult {
  const oldCompact = oldArticles.map((a) => compactText(a.text));
  const newCompact = newArticles.map((a) => compactText(a.text));
  const oldPair = new Array<number>(oldArticles.length).fill(-1);
  const newPair = new Array<number>(newArticles.length).fill(-1);
  const link = (i: number, j: number) => { oldPair[i] = j; newPair[j] = i; };

  // 1. same number, same wording
  const newById = new Map<string, number>();
  newArticles.forEach((a, j) => { if (!newById.has(identity(a))) newById.set(identity(a), j); });
  oldArticles.forEach((a, i) => {
    const j = newById.get(identity(a));
    if (j !== undefined && newPair[j] === -1 && oldCompact[i] === newCompact[j]) link(i, j);
  });

  // 2. same wording elsewhere (first free one in order, so duplicates pair up in sequence)
  const newByText = new Map<string, number[]>();
  newArticles.forEach((_, j) => {
    if (newPair[j] !== -1) return;
    const list = newByText.get(newCompact[j]!);
    if (list) list.push(j);
    else newByText.set(newCompact[j]!, [j]);
  });
  oldArticles.forEach((a, i) => {
    if (oldPair[i] !== -1) return;
    const j = newByText.get(oldCompact[i]!)?.find((k) => newPair[k] === -1 && sameKind(a, newArticles[k]!));
    if (j !== undefined) link(i, j);
  });

  // 3–5 work on bigram bags of what is left
  const oldBags: (BigramBag | null)[] = oldArticles.map((a, i) => (oldPair[i] === -1 ? bigrams(similarityText(a.text)) : null));
  const newBags: (BigramBag | null)[] = newArticles.map((a, j) => (newPair[j] === -1 ? bigrams(similarityText(a.text)) : null));
  const pairs = candidatePairs(oldArticles, newArticles, oldBags, newBags, newById, { containThreshold, minRelationLength });
  const relPos = (index: number, length: number) => (length <= 1 ? 0 : index / (length - 1));
  const byScore = (a: Pair, b: Pair) =>
    b.score - a.score ||
    Number(sameNumber(newArticles[b.j]!, oldArticles[b.i]!)) - Number(sameNumber(newArticles[a.j]!, oldArticles[a.i]!)) ||
    Math.abs(relPos(a.i, oldArticles.length) - relPos(a.j, newArticles.length)) -
      Math.abs(relPos(b.i, oldArticles.length) - relPos(b.j, newArticles.length));
  const free = (p: Pair) => oldPair[p.i] === -1 && newPair[p.j] === -1;

  // 3. clearly similar: first the near-certain pairs, which fix the order; then the others, those
  //    lying in the same gap between in-order matches ranked a little higher (an amended clause
  //    usually stays where it was)
  pairs.sort(byScore);
  for (const p of pairs) if (p.score >= strongThreshold && free(p)) link(p.i, p.j);
  let inGap = sameGap(oldPair, oldArticles.length, newArticles.length);
  const ranked = pairs
    .filter((p) => p.score >= threshold && free(p))
    .map((p) => ({ ...p, score: p.score + (inGap(p) ? GAP_BONUS : 0) + (sameNumber(oldArticles[p.i]!, newArticles[p.j]!) ? SAME_NUMBER_BONUS : 0) }))
    .sort(byScore);
  for (const p of ranked) if (free(p)) link(p.i, p.j);

  // 4. weaker similarity inside the same gap between in-order matches
  inGap = sameGap(oldPair, oldArticles.length, newArticles.length);
  for (const p of pairs) if (p.score >= gapThreshold && free(p) && inGap(p)) link(p.i, p.j);

  // 5. containment: the largest part of a split / merged clause becomes the match
  const containing = pairs
    .map((p) => ({ ...p, score: p.common }))
    .filter((p) => p.contained !== null)
    .sort(byScore);
  for (const p of containing) if (free(p)) link(p.i, p.j);

  const relations = findRelations(pairs, oldArticles, newArticles, oldPair, newPair);

  const matches = alignOrder(oldPair, newPair).map(({ i, j }): ArticleMatch => {
    const o = i === null ? undefined : oldArticles[i];
    const n = j === null ? undefined : newArticles[j];
    if (!o) return { status: "added", oldIndex: null, newIndex: j, new: n, similarity: 0, textChanged: true };
    if (!n) return { status: "deleted", oldIndex: i, newIndex: null, old: o, similarity: 0, textChanged: true };
    const textChanged = oldCompact[i!] !== newCompact[j!];
    const similarity = textChanged ? diceOf(o, n, oldBags[i!], newBags[j!]) : 1;
    const status = sameNumber(o, n) ? (textChanged ? "modified" : "unchanged") : "moved";
    return { status, oldIndex: i, newIndex: j, old: o, new: n, similarity, textChanged };
  });
  return { matches, relations };
}

function diceOf(o: ArticleInput, n: ArticleInput, oldBag: BigramBag | null | undefined, newBag: BigramBag | null | undefined): number {
  const a = oldBag ?? bigrams(similarityText(o.text));
  const b = newBag ?? bigrams(similarityText(n.text));
  return dice(overlap(a, b), a, b);
}

/** Scored pairs (old, new) among the unmatched clauses, found through the bigram index. */
function candidatePairs(
  oldArticles: readonly ArticleInput[],
  newArticles: readonly ArticleInput[],
  oldBags: readonly (BigramBag | null)[],
  newBags: readonly (BigramBag | null)[],
  newById: ReadonlyMap<string, number>,
  containment: ContainmentOptions,
): Pair[] {
  const pairs: Pair[] = [];
  if (!oldBags.some(Boolean) || !newBags.some(Boolean)) return pairs;
  const index = buildBigramIndex(newBags);
  oldBags.forEach((bag, i) => {
    if (!bag) return;
    const o = oldArticles[i]!;
    const same = newById.get(identity(o));
    for (const { doc: j, common } of index.candidates(bag, { extra: same === undefined ? [] : [same] })) {
      const n = newArticles[j]!;
      if (!sameKind(o, n)) continue;
      const newBag = newBags[j]!;
      const contained = containedSide(o.text, n.text, bag, newBag, common, containment);
      pairs.push({ i, j, common, score: dice(common, bag, newBag), contained });
    }
  });
  return pairs;
}

/** Whether a pair lies in the same gap between the in-order matches made so far. */
function sameGap(oldPair: readonly number[], oldLength: number, newLength: number): (p: Pair) => boolean {
  const anchors = monotoneAnchors(oldPair);
  const gapOld = gapIds(oldLength, anchors.map((a) => a.i));
  const gapNew = gapIds(newLength, anchors.map((a) => a.j));
  return (p) => gapOld[p.i] === gapNew[p.j];
}

/** For each position 0…length-1: how many anchors lie before it. */
function gapIds(length: number, anchorPositions: readonly number[]): number[] {
  const isAnchor = new Set(anchorPositions);
  const ids: number[] = [];
  let gap = 0;
  for (let k = 0; k < length; k++) {
    ids.push(gap);
    if (isAnchor.has(k)) gap++;
  }
  return ids;
}
