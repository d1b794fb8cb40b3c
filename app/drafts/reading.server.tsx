/**
 * The public reading page of a published version. A published version never changes, so its
 * rendered text is built once per version and language and kept in memory; the live figures
 * (comment counts, the consultation's state) are read per request and put into place.
 */
import { createHash } from "node:crypto";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import type { Executor } from "../../db/client";
import { comments, consultations, draftVersions, drafts } from "../../db/schema";
import type { Locale } from "../platform/i18n/locales";
import { translator } from "../platform/i18n/translate";
import { LawBody } from "../ui/law/law-body";
import { windowState, type WindowState } from "./consultation-window";
import { amendmentViews } from "./amendment-view.server";
import { readingBlocks } from "./reading-blocks";
import { tableOfContents, type TocEntry } from "./toc";
import { storedRows } from "./versions.server";

interface RenderedVersion {
  bodyHtml: string;
  toc: TocEntry[];
  articleCount: number;
  /** For amendment drafts: the amended law and the version of it the rendering used. */
  amended: { draftId: string; versionId: string } | null;
}

const MAX_CACHED = 32;
const rendered = new Map<string, RenderedVersion>();

/**
 * Renders (or recalls) a published version's text. Keyed by version id and language, and for
 * amendment drafts by the amended law's current version.
 */
async function renderedVersion(db: Executor, draft: { id: string; amendsDraftId: string | null }, versionId: string, locale: Locale): Promise<RenderedVersion> {
  const cacheKey = `${versionId}:${locale}`;
  const hit = rendered.get(cacheKey);
  if (hit && (!hit.amended || (await latestPublishedId(db, hit.amended.draftId)) === hit.amended.versionId)) {
    rendered.delete(cacheKey);
    rendered.set(cacheKey, hit);
    return hit;
  }
  const rows = await storedRows(db, versionId);
  const amendments = await amendmentViews(db, draft, rows);
  const readingRows = rows.map((r) => ({ key: r.stableKey, kind: r.kind, label: r.label, heading: r.heading, text: r.text, depth: r.depth }));
  const blocks = readingBlocks(readingRows);
  const t = translator(locale);
  const amendmentLabels = {
    now: (law: string, article: string) => t("amendment.now", { law, article }),
    after: t("amendment.after"),
    notApplied: t("amendment.notApplied"),
  };
  const value: RenderedVersion = {
    bodyHtml: renderToStaticMarkup(
      <LawBody blocks={blocks} articleLinkTitle={t("drafts.articleLink")} amendments={amendments.views} amendmentLabels={amendmentLabels} />,
    ),
    toc: tableOfContents(readingRows),
    articleCount: blocks.filter((b) => b.type === "article").length,
    amended: amendments.amended,
  };
  rendered.set(cacheKey, value);
  while (rendered.size > MAX_CACHED) rendered.delete(rendered.keys().next().value!);
  return value;
}

async function latestPublishedId(db: Executor, draftId: string): Promise<string | null> {
  const [v] = await db
    .select({ id: draftVersions.id })
    .from(draftVersions)
    .where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.status, "published")))
    .orderBy(desc(draftVersions.seq))
    .limit(1);
  return v?.id ?? null;
}

const META_SLOT = /<div class="article__meta" data-count-for="([^"]+)"><\/div>/g;

/**
 * Puts into each clause's slot its comment count and, while the consultation is open, the link to
 * comment on it (`commentHref` gives the address; null when closed).
 */
export function withCommentCounts(bodyHtml: string, counts: ReadonlyMap<string, number>, locale: Locale, commentHref: ((key: string) => string) | null = null): string {
  const t = translator(locale);
  return bodyHtml.replace(META_SLOT, (_slot, key: string) => {
    const n = counts.get(key);
    const count = n ? `<span class="comment-count">${t("drafts.commentCount", { count: n })}</span>` : "";
    const link = commentHref ? `<a class="comment-link" href="${commentHref(key)}">${t("drafts.commentOnArticle")}</a>` : "";
    return count || link ? `<p class="article__meta">${link}${count}</p>` : "";
  });
}

export interface ReadingPage {
  draft: { slug: string; title: string };
  version: { id: string; seq: number; label: string; publishedAt: Date; explanationHtml: string | null; isLatest: boolean };
  versions: { seq: number; label: string; publishedAt: Date }[];
  previousSeq: number | null;
  window: WindowState;
  toc: TocEntry[];
  bodyHtml: string;
  articleCount: number;
  commentCount: number;
  /** The latest version, open for public comment now. */
  accepting: boolean;
  /** Changes whenever anything on the page would: the version, the counts, the window's state. */
  etag: string;
}

/** The body with live counts, remembered per version and language until the counts change. */
const withCounts = new Map<string, { digest: string; html: string }>();

function bodyWithCounts(
  versionId: string, locale: Locale, body: RenderedVersion, counts: ReadonlyMap<string, number>, digest: string, commentHref: ((key: string) => string) | null,
): string {
  const cacheKey = `${versionId}:${locale}`;
  const stamp = `${digest}:${commentHref ? "open" : "closed"}`;
  const hit = withCounts.get(cacheKey);
  if (hit?.digest === stamp) return hit.html;
  const html = withCommentCounts(body.bodyHtml, counts, locale, commentHref);
  withCounts.set(cacheKey, { digest: stamp, html });
  while (withCounts.size > MAX_CACHED) withCounts.delete(withCounts.keys().next().value!);
  return html;
}

/**
 * Reads what can change (versions, the consultation, comment counts) and gives its ETag at once;
 * the page itself is only assembled when `page()` is called, so a repeat visit costs a few queries.
 */
export async function readingPage(
  db: Executor,
  input: { slug: string; seq?: number; locale: Locale; now: Date },
): Promise<{ etag: string; page: () => Promise<ReadingPage> } | null> {
  const [draft] = await db.select().from(drafts).where(and(eq(drafts.slug, input.slug), isNull(drafts.archivedAt)));
  if (!draft) return null;
  const versions = await db
    .select({ id: draftVersions.id, seq: draftVersions.seq, label: draftVersions.label, publishedAt: draftVersions.publishedAt, explanationHtml: draftVersions.explanationHtml })
    .from(draftVersions)
    .where(and(eq(draftVersions.draftId, draft.id), eq(draftVersions.status, "published")))
    .orderBy(desc(draftVersions.seq));
  const version = input.seq === undefined ? versions[0] : versions.find((v) => v.seq === input.seq);
  if (!version) return null;
  const [consultation] = await db
    .select({ opensAt: consultations.opensAt, closesAt: consultations.closesAt, publicComments: consultations.publicComments })
    .from(consultations)
    .where(eq(consultations.versionId, version.id))
    .orderBy(desc(consultations.opensAt))
    .limit(1);
  // Comments follow their clause's stable key from version to version.
  const countRows = await db
    .select({ key: comments.provisionKey, n: count() })
    .from(comments)
    .where(and(eq(comments.draftId, draft.id), eq(comments.moderationStatus, "approved")))
    .groupBy(comments.provisionKey)
    .orderBy(comments.provisionKey);
  const window = windowState(consultation, input.now);
  // Only the latest version takes comments, and only while its consultation is open to the public.
  const accepting = version === versions[0] && window.state === "open" && !!consultation?.publicComments;
  const countsDigest = createHash("sha1").update(JSON.stringify(countRows)).digest("base64url");
  const etag = createHash("sha1")
    .update(JSON.stringify([version.id, input.locale, window, accepting, version.explanationHtml, versions.map((v) => v.id), countsDigest]))
    .digest("base64url");
  const page = async (): Promise<ReadingPage> => {
    const body = await renderedVersion(db, draft, version.id, input.locale);
    const counts = new Map(countRows.map((r) => [r.key ?? "", r.n]));
    const previous = versions.find((v) => v.seq < version.seq);
    return {
      draft: { slug: draft.slug, title: draft.title },
      version: { id: version.id, seq: version.seq, label: version.label, publishedAt: version.publishedAt!, explanationHtml: version.explanationHtml, isLatest: version === versions[0] },
      versions: versions.map((v) => ({ seq: v.seq, label: v.label, publishedAt: v.publishedAt! })),
      previousSeq: previous?.seq ?? null,
      window,
      toc: body.toc,
      bodyHtml: bodyWithCounts(version.id, input.locale, body, counts, countsDigest, accepting ? (key) => `/drafts/${draft.slug}/comment?provision=${encodeURIComponent(key)}` : null),
      accepting,
      articleCount: body.articleCount,
      commentCount: countRows.reduce((sum, r) => sum + r.n, 0),
      etag,
    };
  };
  return { etag, page };
}
