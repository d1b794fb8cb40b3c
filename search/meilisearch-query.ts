/**
 * Request and document pieces for the Meilisearch engine: the filter clauses (every value quoted
 * or a plain integer, never spliced in raw), sort rules mirroring the embedded engine's orders,
 * the stored form of a document (with the hidden helper fields) and back, and facet counts.
 */
import {
  FACETS,
  type FacetCount, type FacetName, type SearchDocument, type SearchFilters, type SortOrder,
} from "./engine";
import { HIDDEN_FIELDS } from "./meilisearch-settings";
import { indexTerms, prepareText } from "./tokenize";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Stored = Record<string, unknown>;

/** A Meilisearch filter string literal: `\` and `"` escaped, as its filter parser unescapes them. */
export function filterString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function filterNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(Math.trunc(value));
}

/** 2026-11-30 → 20261130 (range filters in Meilisearch are numeric). */
export function dateNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Number(`${m[1]}${m[2]}${m[3]}`);
}

export const anyOf = (attribute: string, literals: string[]): string =>
  // `IN []` matches nothing, like the embedded engine's empty "any of".
  `${attribute} IN [${literals.join(", ")}]`;

/** The filter expression: one AND-ed clause per filter, every value quoted or a plain integer. */
export function buildFilter(filters: SearchFilters, articleRefs: number[]): string[] {
  const clauses: string[] = [];
  for (const facet of FACETS) {
    const values = filters[facet];
    if (values) clauses.push(anyOf(facet, values.map((v) => filterString(String(v)))));
  }
  if (filters.articleNumber) clauses.push(anyOf("articleNumber", filters.articleNumber.map(filterNumber)));
  if (filters.dateFrom !== undefined) clauses.push(`dateNumber >= ${dateNumber(filters.dateFrom)}`);
  if (filters.dateTo !== undefined) clauses.push(`dateNumber <= ${dateNumber(filters.dateTo)}`);
  if (filters.published !== undefined) clauses.push(`published = ${filters.published ? "true" : "false"}`);
  if (articleRefs.length) clauses.push(anyOf("articleRefs", [...new Set(articleRefs)].map(filterNumber)));
  return clauses;
}

/** Sort rules mirroring the embedded engine's orders; null for relevance (ranking rules decide). */
export function sortRules(sort: SortOrder): string[] | null {
  switch (sort) {
    case "relevance": return null;
    case "newest": return ["createdAtMs:desc", "id:asc"];
    case "oldest": return ["createdAtMs:asc", "id:desc"];
    case "position": return ["versionId:asc", "ordinal:asc", "articleNumber:asc", "createdAtMs:asc", "id:asc"];
  }
}

/** What Meilisearch stores for a document: the document itself plus the hidden helper fields. */
export function toStored(doc: SearchDocument): Stored {
  const texts = doc.kind === "comment" ? [doc.body, doc.proposedText, doc.reason] : [doc.heading, doc.text];
  const present = texts.filter((t): t is string => !!t);
  // Both halves are already folded (characters and Taiwan phrases) by tokenize's text preparation.
  const searchText = [...present.map(prepareText), indexTerms(present.join("\n")).join(" ")].join("\n");
  const stored: Stored = { ...doc, searchText };
  if (doc.kind === "comment") {
    stored.dateNumber = dateNumber(doc.date);
    stored.createdAtMs = Date.parse(doc.createdAt);
  }
  return stored;
}

export function fromStored<D extends SearchDocument>(hit: Stored): D {
  const doc: Stored = {};
  for (const [key, value] of Object.entries(hit)) {
    if (key.startsWith("_") || (HIDDEN_FIELDS as readonly string[]).includes(key)) continue;
    doc[key] = value;
  }
  return doc as D;
}

export type FacetDistribution = Record<string, Record<string, number>> | undefined;

/** Facet counts, summed over disjoint result parts, most frequent first. */
export function facetCounts(distributions: FacetDistribution[], names: FacetName[]) {
  const facets: Partial<Record<FacetName, FacetCount[]>> = {};
  for (const name of names) {
    const counts = new Map<string, number>();
    for (const d of distributions) {
      for (const [value, count] of Object.entries(d?.[name] ?? {})) counts.set(value, (counts.get(value) ?? 0) + count);
    }
    facets[name] = [...counts].map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return facets;
}
