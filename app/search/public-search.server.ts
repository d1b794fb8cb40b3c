/**
 * The public's search of the drafts' own text: provisions of the latest published version of each
 * draft (earlier published versions stay readable, but their hits would only repeat the current
 * text), each hit linking to its article on the reading page.
 */
import { desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { draftVersions, drafts } from "../../db/schema";
import { SearchUnavailableError, type ProvisionDocument, type SearchEngine, type Snippet } from "../../search/engine";
import type { Locale } from "../platform/i18n/locales";
import { MAX_PAGE, MAX_QUERY_LENGTH } from "./search-state";

export const PUBLIC_PAGE_SIZE = 20;

export interface PublicSearchState {
  q: string;
  /** A draft's slug, to search within one draft. */
  draft: string | null;
  page: number;
}

export function readPublicSearch(params: URLSearchParams): PublicSearchState {
  const draft = params.get("draft") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    q: [...(params.get("q") ?? "").trim()].slice(0, MAX_QUERY_LENGTH).join(""),
    draft: /^[a-z0-9-]{1,64}$/.test(draft) ? draft : null,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

export function publicSearchHref(state: PublicSearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.draft) params.set("draft", state.draft);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}

export interface ProvisionHitView {
  id: string;
  draftTitle: string;
  /** 第二章 个人信息处理规则 › 第十三条 */
  path: string;
  label: string;
  /** The reading page at the article: /drafts/personal-information-protection#art-13 */
  href: string;
  snippet: Snippet;
}

export interface PublicSearchView {
  ok: true;
  state: PublicSearchState;
  hits: ProvisionHitView[];
  total: number;
  totalIsExact: boolean;
  pageCount: number;
  /** Drafts to search within (published ones), with hit counts for the current query. */
  drafts: { slug: string; title: string; count: number | null }[];
}

export type PublicSearchOutcome = PublicSearchView | { ok: false; error: "unavailable"; state: PublicSearchState; drafts: PublicSearchView["drafts"] };

const EXCERPT_CHARS = 120;

/** The anchor the reading page gives a provision: an article's key for its paragraphs and items. */
function provisionAnchor(key: string | null): string {
  if (!key) return "";
  return key.startsWith("art-") ? key.split(".")[0]! : key;
}

export async function searchProvisions(db: Executor, engine: SearchEngine, state: PublicSearchState, locale: Locale): Promise<PublicSearchOutcome> {
  const published = await db
    .selectDistinctOn([draftVersions.draftId], { versionId: draftVersions.id, draftId: draftVersions.draftId, slug: drafts.slug, title: drafts.title, titleEn: drafts.titleEn })
    .from(draftVersions)
    .innerJoin(drafts, eq(drafts.id, draftVersions.draftId))
    .where(eq(draftVersions.status, "published"))
    .orderBy(draftVersions.draftId, desc(draftVersions.seq));
  const title = (d: (typeof published)[number]) => (locale === "en" && d.titleEn ? d.titleEn : d.title);
  const draftList = (counts?: Map<string, number>) =>
    published.map((d) => ({ slug: d.slug, title: title(d), count: counts ? counts.get(d.draftId) ?? 0 : null })).sort((a, b) => a.title.localeCompare(b.title, "zh-CN"));
  if (!state.q) return { ok: true, state, hits: [], total: 0, totalIsExact: true, pageCount: 1, drafts: draftList() };

  const within = state.draft ? published.filter((d) => d.slug === state.draft) : published;
  if (within.length === 0) return { ok: true, state, hits: [], total: 0, totalIsExact: true, pageCount: 1, drafts: draftList() };
  const byDraft = new Map(published.map((d) => [d.draftId, d]));
  try {
    const result = await engine.search({
      kind: "provision",
      query: state.q,
      filters: { published: true, versionId: within.map((d) => d.versionId) },
      facets: ["draftId"],
      offset: (state.page - 1) * PUBLIC_PAGE_SIZE,
      limit: PUBLIC_PAGE_SIZE,
    });
    // Counts per draft over all drafts, for the "within" links (cheap: one more facet-only request).
    const counts = state.draft
      ? (await engine.search({ kind: "provision", query: state.q, filters: { published: true, versionId: published.map((d) => d.versionId) }, facets: ["draftId"], limit: 1 })).facets.draftId
      : result.facets.draftId;
    return {
      ok: true,
      state,
      hits: result.hits.map((h) => {
        const d = byDraft.get(h.document.draftId);
        return provisionHit(h.document, h.highlights, d ? { slug: d.slug, title: title(d) } : null);
      }),
      total: result.total,
      totalIsExact: result.totalIsExact,
      pageCount: Math.max(1, Math.ceil(result.total / PUBLIC_PAGE_SIZE)),
      drafts: draftList(new Map((counts ?? []).map((c) => [c.value, c.count]))),
    };
  } catch (error) {
    if (error instanceof SearchUnavailableError) return { ok: false, error: "unavailable", state, drafts: draftList() };
    throw error;
  }
}

function provisionHit(d: ProvisionDocument, highlights: Partial<Record<string, Snippet>>, draft: { slug: string; title: string } | null): ProvisionHitView {
  const chars = [...d.text];
  const snippet = highlights.text ?? highlights.heading ?? [{ text: chars.slice(0, EXCERPT_CHARS).join("") + (chars.length > EXCERPT_CHARS ? "…" : ""), match: false }];
  const anchor = provisionAnchor(d.provisionKey);
  return {
    id: d.id,
    draftTitle: draft?.title ?? "",
    path: d.provisionPath.join(" › "),
    label: [d.label, d.heading].filter(Boolean).join(" "),
    href: `/drafts/${draft?.slug ?? ""}${anchor ? `#${anchor}` : ""}`,
    snippet,
  };
}
