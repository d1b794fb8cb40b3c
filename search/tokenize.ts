/**
 * Terms for the index and for queries. Both sides see the same text preparation — fold() (width,
 * case, traditional → simplified characters) then Taiwan → mainland phrases — and the same jieba
 * with the same dictionary, HMM off, so a query term is a term the index produced for the same
 * words. HMM is off on both sides because it is slower (stack-notes: cut 4.4 vs 6.4 MiB/s) and
 * because it coins words the dictionary lacks from the context, which makes a query and a document
 * disagree more often (the segmentation target is ≥ 5 MB/s;
 * scripts/bench/segmentation-bench.ts measures it).
 *
 * indexTerms cuts in search mode: every word, plus the dictionary words inside it (jieba's search
 * mode gives 2- and 3-character ones; we add the longer ones, so 中华人民共和国个人信息保护法 also
 * yields 个人信息保护法 and 个人信息, and a query for 个人信息 finds it). queryTerms cuts in normal
 * mode: 个人信息保护法 stays one term.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { fold } from "./fold";
import { foldPhrases } from "./phrase-fold";
import { LEGAL_TERMS } from "./dictionary/legal-terms";
import { NATIONAL_PREFIX, lawDictionaryWords } from "./dictionary/law-names";
import { FUNCTION_WORDS } from "./dictionary/function-words";

/**
 * Frequency given to our words. jieba picks the cut with the highest product of word
 * probabilities. A long term (个人信息处理者, a law name) needs enough weight to beat its parts;
 * a short one must not pull characters away from their neighbours (第三人 at a high frequency cut
 * 第三人民医院 into 第三人/民医院). The default dictionary's own words mostly weigh 3…5,000.
 */
function customWordFrequency(word: string): number {
  return word.length <= 3 ? 300 : 3000;
}

interface Segmenter {
  jieba: Jieba;
  lawNames: Set<string>;
}

let segmenter: Segmenter | null = null;

/** One jieba per process, built on first use (~0.2 s: the default dictionary is 350,000 words). */
function getSegmenter(): Segmenter {
  if (segmenter) return segmenter;
  const jieba = Jieba.withDict(dict);
  const lawNames = new Set(lawDictionaryWords());
  const lines: string[] = [];
  for (const word of [...LEGAL_TERMS, ...lawNames]) lines.push(`${fold(word)} ${customWordFrequency(word)} n`);
  jieba.loadDict(Buffer.from(lines.join("\n") + "\n", "utf8"));
  return (segmenter = { jieba, lawNames });
}

/** Letters and digits (any script); other tokens — spaces, punctuation, symbols — are dropped. */
let wordUnits: Uint8Array | null = null;

function wordUnitTable(): Uint8Array {
  if (wordUnits) return wordUnits;
  const table = new Uint8Array(0x10000);
  const letterOrDigit = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) table[c] = 2; // high surrogate: decide on the code point
    else if (c < 0xdc00 || c > 0xdfff) table[c] = letterOrDigit.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return (wordUnits = table);
}

const ASTRAL_WORD = /^[\p{L}\p{N}]/u;

function isWordToken(token: string, table: Uint8Array): boolean {
  for (let i = 0; i < token.length; i++) {
    const kind = table[token.charCodeAt(i)];
    if (kind === 1) return true;
    if (kind === 2 && ASTRAL_WORD.test(token.slice(i, i + 2))) return true;
  }
  return false;
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** The text both sides segment: folded characters, then folded phrases. */
export function prepareText(text: string): string {
  return foldPhrases(fold(text));
}

/**
 * Terms to index for a text: search-mode cut (words plus the dictionary words inside them),
 * spaces and punctuation dropped, Latin lower-cased, numbers kept. Repeats are kept (term frequency).
 */
export function indexTerms(text: string): string[] {
  const { jieba } = getSegmenter();
  const table = wordUnitTable();
  const tokens = jieba.cutForSearch(prepareText(text), false);
  const terms: string[] = [];
  let long: string[] | null = null;
  for (const token of tokens) {
    if (!isWordToken(token, table)) continue;
    terms.push(token);
    if (token.length >= 5 && isHan(token.charCodeAt(0))) (long ??= []).push(token);
  }
  // Search mode stops at 3-character sub-words; the longer ones (个人信息 in 个人信息保护法) come
  // from one full cut over all long words at once (one native call, not one per word).
  if (long) {
    const wholes = new Set(long);
    for (const word of jieba.cutAll(long.join("\n"))) {
      if (word.length >= 4 && !wholes.has(word)) terms.push(word);
    }
  }
  return terms;
}

/** jieba's normal-mode cut of a text as it is (nothing folded or dropped): word boundaries. */
export function segmentWords(text: string): string[] {
  return getSegmenter().jieba.cut(text, false);
}

/**
 * Terms of a query: normal-mode cut (a law name or a dictionary term is one term), spaces and
 * punctuation dropped, duplicates removed. 中华人民共和国 right before a law name is dropped, so
 * 中华人民共和国个人信息保护法 finds texts that say 个人信息保护法; single-character function
 * words (的, 和, 在 … see dictionary/function-words.ts) are dropped unless nothing else is left.
 */
export function queryTerms(text: string): string[] {
  const { jieba, lawNames } = getSegmenter();
  const table = wordUnitTable();
  const tokens = jieba.cut(prepareText(text), false).filter((token) => isWordToken(token, table));
  const terms: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!;
    if (token === NATIONAL_PREFIX && lawNames.has(tokens[i + 1] ?? "")) continue;
    // jieba's own dictionary has a few full titles (中华人民共和国宪法): the short title it is.
    if (token.length > NATIONAL_PREFIX.length && token.startsWith(NATIONAL_PREFIX)) {
      const short = token.slice(NATIONAL_PREFIX.length);
      if (lawNames.has(short)) token = short;
    }
    if (seen.has(token)) continue;
    seen.add(token);
    terms.push(token);
  }
  const content = terms.filter((term) => !FUNCTION_WORDS.has(term));
  return content.length > 0 ? content : terms;
}
