/**
 * Highlighted snippets, the same for both engines: the terms are looked for in the folded original
 * (fold() and the phrase folding both keep offsets), and the ranges found are marked on the
 * ORIGINAL text. So the query 个人信息 marks 個人資訊 in a traditional comment — the search found the
 * comment through those characters, the highlight shows where.
 */
import type { DocumentKind, HighlightField, SearchDocument, SearchHit, Snippet } from "./engine";
import { fold } from "./fold";
import { foldPhrases } from "./phrase-fold";
import { FUNCTION_WORDS } from "./dictionary/function-words";

export const DEFAULT_SNIPPET_CHARS = 120;
const ELLIPSIS = "…";
/** Matches looked at when choosing the window; enough for any comment, bounded for a whole law. */
const MAX_MATCHES = 1000;

interface Range { start: number; end: number; term: number }

function isAsciiWordUnit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Every occurrence of every term. A term that starts or ends with a Latin letter or digit only
 * matches whole (app is not marked inside apple; the index does not find it there either).
 */
function findMatches(haystack: string, terms: string[]): Range[] {
  const matches: Range[] = [];
  terms.forEach((term, index) => {
    const latinStart = isAsciiWordUnit(term.charCodeAt(0));
    const latinEnd = isAsciiWordUnit(term.charCodeAt(term.length - 1));
    for (let at = haystack.indexOf(term); at !== -1 && matches.length < MAX_MATCHES; at = haystack.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (latinStart && at > 0 && isAsciiWordUnit(haystack.charCodeAt(at - 1))) continue;
      if (latinEnd && end < haystack.length && isAsciiWordUnit(haystack.charCodeAt(end))) continue;
      if (isLowSurrogate(haystack.charCodeAt(at)) || isHighSurrogate(haystack.charCodeAt(end - 1))) continue;
      matches.push({ start: at, end, term: index });
    }
  });
  return matches;
}

/** Overlapping and touching ranges become one (个人 + 信息 → one mark over 个人信息). */
function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * The window of `size` units with the most distinct terms in it (then the most matched text),
 * starting a little before a match so the reader sees what leads to it.
 */
function bestWindow(length: number, size: number, matches: Range[], terms: string[]): [number, number] {
  const lead = Math.min(20, Math.floor(size / 4));
  let best: [number, number] = [0, Math.min(length, size)];
  let bestScore = -1;
  const starts = new Set<number>();
  for (const match of matches) starts.add(Math.max(0, Math.min(match.start - lead, length - size)));
  for (const start of [...starts].sort((a, b) => a - b)) {
    const end = start + size;
    const distinct = new Set<number>();
    let covered = 0;
    for (const match of matches) {
      if (match.start >= start && match.end <= end) {
        if (!distinct.has(match.term)) covered += terms[match.term]!.length * 1000;
        distinct.add(match.term);
        covered += match.end - match.start;
      }
    }
    if (covered > bestScore) {
      bestScore = covered;
      best = [start, end];
    }
  }
  return best;
}

/**
 * A snippet of `original` around the terms: matched runs marked, cropped to about `maxChars`
 * (default 120) with "…" where text was cut, never inside a surrogate pair or a match. null when
 * no term occurs.
 */
export function snippet(original: string, terms: string[], options?: { maxChars?: number }): Snippet | null {
  if (original.length === 0) return null;
  const size = Math.max(1, Math.floor(options?.maxChars ?? DEFAULT_SNIPPET_CHARS));
  const haystack = foldPhrases(fold(original));
  let needles = [...new Set(terms.map((term) => foldPhrases(fold(term)).trim()).filter((term) => term.length > 0))];
  // A 的 among real terms would be marked all over the text.
  const content = needles.filter((term) => !FUNCTION_WORDS.has(term));
  if (content.length > 0) needles = content;
  // Longer terms first, so that when one contains another the longer one is the one counted.
  needles.sort((a, b) => b.length - a.length);
  const matches = findMatches(haystack, needles);
  if (matches.length === 0) return null;

  let [start, end] = original.length <= size ? [0, original.length] : bestWindow(original.length, size, matches, needles);
  const marks = mergeRanges(matches);
  // Never cut a mark: widen the window to take in a mark it cuts.
  for (const mark of marks) {
    if (mark.start < start && mark.end > start) start = mark.start;
    if (mark.start < end && mark.end > end) end = mark.end;
  }
  // Never cut a surrogate pair.
  if (start > 0 && isLowSurrogate(original.charCodeAt(start)) && isHighSurrogate(original.charCodeAt(start - 1))) start -= 1;
  if (end < original.length && isLowSurrogate(original.charCodeAt(end)) && isHighSurrogate(original.charCodeAt(end - 1))) end += 1;

  const runs: Snippet = [];
  const push = (text: string, match: boolean) => {
    if (text === "") return;
    const last = runs[runs.length - 1];
    if (last && last.match === match) last.text += text;
    else runs.push({ text, match });
  };
  if (start > 0) push(ELLIPSIS, false);
  let at = start;
  for (const mark of marks) {
    if (mark.end <= start || mark.start >= end) continue;
    push(original.slice(at, mark.start), false);
    push(original.slice(mark.start, mark.end), true);
    at = mark.end;
  }
  push(original.slice(at, end), false);
  if (end < original.length) push(ELLIPSIS, false);
  return runs;
}

const HIGHLIGHT_FIELDS: Record<DocumentKind, HighlightField[]> = {
  comment: ["body", "proposedText", "reason"],
  provision: ["text", "heading"],
};

/** A hit's highlights, the same in every engine: a snippet of each text field the terms matched. */
export function highlightsOf(doc: SearchDocument, terms: string[]): SearchHit["highlights"] {
  const out: SearchHit["highlights"] = {};
  if (!terms.length) return out;
  const fields = doc as unknown as Record<string, unknown>;
  for (const field of HIGHLIGHT_FIELDS[doc.kind]) {
    const value = fields[field];
    if (typeof value !== "string" || !value) continue;
    const s = snippet(value, terms, { maxChars: DEFAULT_SNIPPET_CHARS });
    if (s && s.some((run) => run.match)) out[field] = s;
  }
  return out;
}
