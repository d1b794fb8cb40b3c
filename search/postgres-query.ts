/**
 * SQL pieces for the embedded engine: the row a document becomes, the tsquery text, the WHERE
 * clause for filters, and sort orders. Every user value goes in as a bound parameter; the only
 * text we build ourselves is the tsquery source, from quoted, metacharacter-free lexemes.
 */
import { type SQL, sql } from "drizzle-orm";
import type { FacetName, SearchDocument, SearchFilters, SortOrder } from "./engine";
import { indexTerms } from "./tokenize";

/**
 * Field weights (ts_rank_cd's {D, C, B, A} array): what a person actually said or the article's
 * own text counts most (A); proposed wording and an article's heading next (B); the reason (C).
 */
export const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";
/** ts_rank_cd normalisation 1: divide by 1 + log(length), so a long text is not favoured for length alone. */
export const RANK_NORMALIZATION = 1;

/** One document as the row json_populate_recordset-style insert reads it. */
export interface IndexRow {
  kind: string;
  id: string;
  draft_id: string;
  version_id: string;
  chapter_key: string | null;
  provision_key: string | null;
  article_number: number | null;
  article_refs: number[];
  contact_point_id: string | null;
  organization_ids: string[];
  region: string | null;
  channel: string | null;
  category: string | null;
  status: string | null;
  moderation: string | null;
  date: string | null;
  created_at: string | null;
  published: boolean | null;
  ordinal: number | null;
  doc: SearchDocument;
  /** Space-joined search-mode terms per weight class. */
  a: string;
  b: string;
  c: string;
}

const terms = (text: string | null | undefined): string => (text ? indexTerms(text).join(" ") : "");

export function toIndexRow(doc: SearchDocument): IndexRow {
  const place = {
    kind: doc.kind, id: doc.id, draft_id: doc.draftId, version_id: doc.versionId, chapter_key: doc.chapterKey,
    provision_key: doc.provisionKey, article_number: doc.articleNumber, article_refs: [...new Set(doc.articleRefs)], doc,
  };
  if (doc.kind === "comment") {
    return {
      ...place, contact_point_id: doc.contactPointId, organization_ids: doc.organizationIds, region: doc.region,
      channel: doc.channel, category: doc.category, status: doc.status, moderation: doc.moderation, date: doc.date,
      created_at: doc.createdAt, published: null, ordinal: null,
      a: terms(doc.body), b: terms(doc.proposedText), c: terms(doc.reason),
    };
  }
  return {
    ...place, contact_point_id: null, organization_ids: [], region: null, channel: null, category: null, status: null,
    moderation: null, date: null, created_at: null, published: doc.published, ordinal: doc.ordinal,
    a: terms(doc.text), b: terms(doc.heading), c: "",
  };
}

/** Characters that mean something to to_tsquery (operators, weights, prefix, quoting). */
const TSQUERY_META = /[&|!():*<>'"\\\s]/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The source text of an AND query over the terms, each one a quoted lexeme, for
 * `to_tsquery('simple', …)` (which applies the same parser and lower-casing as indexing).
 * Null when no term is left that could match anything.
 */
export function tsqueryText(queryTerms: string[]): string | null {
  const lexemes = [...new Set(queryTerms.map((t) => t.replace(TSQUERY_META, "")).filter((t) => HAS_WORD.test(t)))];
  if (lexemes.length === 0) return null;
  return lexemes.map((t) => `'${t}'`).join(" & ");
}

/** Columns behind each facet; organizationIds is an array (each id counts once per document). */
export const FACET_COLUMNS: Record<FacetName, { column: string; array: boolean }> = {
  draftId: { column: "draft_id", array: false },
  versionId: { column: "version_id", array: false },
  chapterKey: { column: "chapter_key", array: false },
  provisionKey: { column: "provision_key", array: false },
  contactPointId: { column: "contact_point_id", array: false },
  organizationIds: { column: "organization_ids", array: true },
  region: { column: "region", array: false },
  channel: { column: "channel", array: false },
  category: { column: "category", array: false },
  status: { column: "status", array: false },
  moderation: { column: "moderation", array: false },
};

const list = (values: SQL[]): SQL => sql.join(values, sql`, `);

export interface Conditions {
  kind: string;
  filters: SearchFilters;
  /** Normalised tsquery (already parsed by PostgreSQL), or null for no text condition. */
  tsquery: string | null;
  /** Article references from the query: any of them. */
  articleNumbers: number[];
}

export function whereClause(c: Conditions): SQL {
  const parts: SQL[] = [sql`kind = ${c.kind}`];
  for (const [facet, { column, array }] of Object.entries(FACET_COLUMNS) as [FacetName, { column: string; array: boolean }][]) {
    const values = c.filters[facet];
    if (!values) continue;
    if (values.length === 0) {
      parts.push(sql`false`);
      continue;
    }
    const params = list(values.map((v) => sql`${String(v)}::text`));
    parts.push(array ? sql`${sql.identifier(column)} && array[${params}]` : sql`${sql.identifier(column)} in (${params})`);
  }
  const { articleNumber, dateFrom, dateTo, published } = c.filters;
  if (articleNumber) {
    parts.push(articleNumber.length ? sql`article_number in (${list(articleNumber.map((n) => sql`${Math.trunc(n)}::int`))})` : sql`false`);
  }
  if (dateFrom) parts.push(sql`date >= ${dateFrom}::date`);
  if (dateTo) parts.push(sql`date <= ${dateTo}::date`);
  if (published !== undefined) parts.push(sql`published = ${published}::boolean`);
  if (c.articleNumbers.length) {
    parts.push(sql`article_refs && array[${list(c.articleNumbers.map((n) => sql`${Math.trunc(n)}::int`))}]`);
  }
  if (c.tsquery) parts.push(sql`tsv @@ ${c.tsquery}::tsquery`);
  return sql.join(parts, sql` and `);
}

/**
 * Relevance: cover density over the weighted fields, plus a little for a document filed on the
 * very article the query names (above one that merely mentions it).
 */
export function scoreExpression(c: Conditions): SQL {
  const rank = c.tsquery
    ? sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], tsv, ${c.tsquery}::tsquery, ${RANK_NORMALIZATION}::int)`
    : sql`0::float4`;
  if (!c.articleNumbers.length) return rank;
  const own = list(c.articleNumbers.map((n) => sql`${Math.trunc(n)}::int`));
  return sql`(${rank} + case when article_number in (${own}) then 0.1 else 0 end)`;
}

/** Orders that never tie (the key ends in id), so pages neither overlap nor skip. */
export function orderClause(sort: SortOrder): SQL {
  switch (sort) {
    case "relevance":
      return sql`score desc, created_at desc nulls last, ordinal asc nulls last, id`;
    case "newest":
      return sql`created_at desc nulls last, id`;
    case "oldest":
      return sql`created_at asc nulls first, id desc`;
    case "position":
      return sql`version_id, ordinal asc nulls last, article_number asc nulls last, created_at asc nulls first, id`;
  }
}
