/**
 * What a person typed → what an engine searches: article references (in every form) become
 * articleNumbers, the rest is folded text and its query terms.
 */
import { fold } from "./fold";
import { NUMERAL_CHARS, addArticleRange } from "./article-refs";
import { foldPhrases } from "./phrase-fold";
import { queryTerms, segmentWords } from "./tokenize";

export interface ParsedQuery {
  /** The input as given. */
  raw: string;
  /**
   * Folded like indexed text (fold(), then Taiwan phrases: 資訊 → 信息), control characters and
   * article references removed, spaces collapsed.
   */
  text: string;
  /** queryTerms(text). */
  terms: string[];
  /** Articles the query names (第一百二十八条, 第128条, 128条, "128 条", article 128), ascending. */
  articleNumbers: number[];
}

/** Longest query we search for (UTF-16 units). */
export const MAX_QUERY_LENGTH = 200;

const NUMBER = `[0-9]+|[${NUMERAL_CHARS}]+`;
/**
 * In a query every form counts: 第128条, 128条, "128 条", 一百二十八条 (a bare Chinese numeral only
 * with a unit in it, so 一条/两条 — "one/two items" — are not article 1/2), article 128, art. 128;
 * optional 之一, 第一款, 第二项, and ranges (第十条至第十二条).
 */
const ARTICLE_IN_QUERY = new RegExp(
  [
    `(?:第\\s*(${NUMBER})|(?<![0-9.])([0-9]+)|([${NUMERAL_CHARS}]*[十百千][${NUMERAL_CHARS}]*))\\s*条`,
    `(?:\\s*之\\s*[${NUMERAL_CHARS}0-9]+)?`,
    `(?:\\s*(?:至|到|—|－|-|~|～)\\s*第?\\s*(${NUMBER})\\s*条)?`,
    `(?:\\s*第\\s*(?:${NUMBER})\\s*[款项目])*`,
    `|\\b(?:article|art\\.?)\\s*([0-9]+)\\b`,
  ].join(""),
  "giu",
);

// C0/C1 controls become spaces (a tab or newline separates words); format characters (zero-width
// space, BOM, bidi marks) and unpaired surrogates are removed.
const CONTROL = /\p{Cc}/gu;
const INVISIBLE = /\p{Cf}|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

function clean(raw: string): string {
  return raw.replace(CONTROL, " ").replace(INVISIBLE, "");
}

/**
 * Cuts a long query to at most MAX_QUERY_LENGTH units at a term boundary: the end of the last jieba
 * word that fits (or the last space, or, failing both, a character boundary — never inside a
 * surrogate pair), so no half word is searched for.
 */
function cap(text: string): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  let end = 0;
  try {
    for (const token of segmentWords(text.slice(0, MAX_QUERY_LENGTH + 40))) {
      if (end + token.length > MAX_QUERY_LENGTH) break;
      end += token.length;
    }
  } catch {
    end = 0;
  }
  if (end === 0) {
    const space = text.lastIndexOf(" ", MAX_QUERY_LENGTH);
    end = space > 0 ? space : MAX_QUERY_LENGTH;
  }
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Never throws: any string is a query (an empty one matches everything the filters allow). */
export function parseQuery(raw: string): ParsedQuery {
  const input = typeof raw === "string" ? raw : String(raw ?? "");
  // Only the head of a huge input can survive the cap; a half pair at the cut is removed by clean().
  const folded = cap(fold(clean(input.slice(0, MAX_QUERY_LENGTH * 4))));
  const found = new Set<number>();
  const rest = folded.replace(ARTICLE_IN_QUERY, (_match, ordinal?: string, digits?: string, bare?: string, to?: string, english?: string) => {
    const from = ordinal ?? digits ?? bare ?? english;
    if (from !== undefined) addArticleRange(found, from, to);
    return " ";
  });
  const text = foldPhrases(rest.replace(/\s+/gu, " ").trim());
  return {
    raw: input,
    text,
    terms: text === "" ? [] : queryTerms(text),
    articleNumbers: [...found].sort((a, b) => a - b),
  };
}
