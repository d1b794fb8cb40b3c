/**
 * The Meilisearch index settings Minyi wants, and the difference between them and what an index
 * has. ensureReady() sends only that difference, so calling it on every boot costs one GET per
 * index and never re-triggers a full reindex (any settings update makes Meilisearch re-process
 * the whole index).
 */
import type { Settings } from "meilisearch";
import { FACETS, type DocumentKind } from "./engine";

/**
 * Fields the adapter adds to every stored document and strips from every hit.
 * - searchText: fold()ed text (simplified, half-width, lowercase) followed by the jieba
 *   search-mode terms separated by spaces. Meilisearch's own tokenizer (charabia) segments a
 *   compound like 个人信息保护法 as one word, so a query for 个人信息 would miss it; spelling the
 *   sub-words out with spaces gives Meilisearch the same word boundaries as the embedded engine,
 *   and folding makes 個人資訊 / ｇｄｐｒ find 个人信息 / gdpr (queries are folded the same way).
 * - dateNumber: `date` as 20261130, because Meilisearch range filters work on numbers only.
 * - createdAtMs: `createdAt` as epoch milliseconds, for newest/oldest sorting.
 */
export const HIDDEN_FIELDS = ["searchText", "dateNumber", "createdAtMs"] as const;

/** Result sets larger than this are counted as "at least this many" (totalIsExact false). */
export const MAX_TOTAL_HITS = 100_000;

const FILTERABLE = [...FACETS, "articleRefs", "articleNumber", "dateNumber", "published", "kind", "id"];

/**
 * Typo tolerance: Chinese words are 2–4 characters and one changed character is another word
 * (权利/权力), so typos must never apply to them; a minimum word size of 8 keeps typo tolerance for
 * long Latin words only. Numbers never get typos: 第128条 must not find 第129条, nor 2025 find 2026.
 */
const TYPO_TOLERANCE = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 8, twoTypos: 16 },
  disableOnNumbers: true,
  disableOnAttributes: [] as string[],
  disableOnWords: [] as string[],
};

export function wantedSettings(kind: DocumentKind): Settings {
  return {
    searchableAttributes: kind === "comment"
      ? ["body", "proposedText", "reason", "searchText"]
      : ["heading", "text", "searchText"],
    filterableAttributes: FILTERABLE,
    sortableAttributes: ["createdAtMs", "dateNumber", "ordinal", "articleNumber", "versionId", "id"],
    // "sort" first: an explicit sort (newest, oldest, position) is the order the person asked for,
    // as in the embedded engine; with no sort parameter the rule does nothing and relevance rules.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    typoTolerance: TYPO_TOLERANCE,
    faceting: { maxValuesPerFacet: 50, sortFacetValuesBy: { "*": "count" } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    // No prefix matching on the last query word: the embedded engine matches whole terms only,
    // and indexTerms already spells out the sub-words a prefix would have reached.
    prefixSearch: "disabled",
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Settings whose order means nothing (Meilisearch may return them sorted). */
const SET_LIKE = new Set(["filterableAttributes", "sortableAttributes", "disableOnAttributes", "disableOnWords"]);

function same(key: string, current: Json | undefined, wanted: Json): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(current) || current.length !== wanted.length) return false;
    if (SET_LIKE.has(key)) {
      const a = [...current].map((v) => JSON.stringify(v)).sort();
      const b = [...wanted].map((v) => JSON.stringify(v)).sort();
      return a.every((v, i) => v === b[i]);
    }
    return wanted.every((v, i) => same(key, current[i], v));
  }
  if (wanted !== null && typeof wanted === "object") {
    if (current === null || current === undefined || typeof current !== "object" || Array.isArray(current)) return false;
    // Only the sub-keys we set: the server fills in defaults for the others.
    return Object.entries(wanted).every(([k, v]) => same(k, current[k], v));
  }
  return current === wanted;
}

/** The part of `wanted` that `current` does not already have: empty when nothing must change. */
export function settingsDiff(current: Settings, wanted: Settings): Settings {
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const have = (current as Record<string, Json | undefined>)[key];
    if (!same(key, have, value as Json)) diff[key] = value;
  }
  return diff as Settings;
}
