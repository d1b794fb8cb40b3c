/**
 * Text normalisation and character-bigram similarity for matching clauses between versions.
 *
 * Two normal forms:
 * - compactText: whitespace removed. Two clauses with equal compact text are the same wording
 *   (a changed comma or 顿号 is a change in a law, so punctuation is kept here).
 * - similarityText: letters and digits only (whitespace, punctuation, Markdown marks removed). Used
 *   for the fuzzy measure, where punctuation would only add noise.
 *
 * Similarity is the Dice coefficient on character bigram multisets, 2·|A∩B| / (|A|+|B|), which for
 * Chinese is a good, cheap stand-in for an LCS ratio. Containment |A∩B| / |A| tells whether A's
 * wording went into B (split / merged clauses).
 */
import { removeWhitespace } from "../parse/normalise-lines";

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export function compactText(text: string): string {
  return removeWhitespace(text);
}

export function similarityText(text: string): string {
  return text.replace(NOT_LETTER_OR_DIGIT, "");
}

/** A bigram multiset: bigram → count, and the total number of bigrams. */
export interface BigramBag {
  counts: Map<string, number>;
  size: number;
}

export function bigrams(normalised: string): BigramBag {
  const counts = new Map<string, number>();
  const chars = Array.from(normalised);
  if (chars.length === 1) counts.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return { counts, size: chars.length === 1 ? 1 : Math.max(0, chars.length - 1) };
}

/** |A ∩ B| for multisets. */
export function overlap(a: BigramBag, b: BigramBag): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [gram, count] of small.counts) {
    const other = large.counts.get(gram);
    if (other !== undefined) common += Math.min(count, other);
  }
  return common;
}

export function dice(common: number, a: BigramBag, b: BigramBag): number {
  const total = a.size + b.size;
  return total === 0 ? 1 : (2 * common) / total;
}

/** Share of `part`'s bigrams found in the other bag. */
export function containment(common: number, part: BigramBag): number {
  return part.size === 0 ? 0 : common / part.size;
}
