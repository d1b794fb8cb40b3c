/** The public list of drafts: what is published, and whether it is open for comment. */
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { consultations, draftVersions, drafts, provisions } from "../../db/schema";
import { windowState, type WindowState } from "./consultation-window";

export interface DraftListing {
  slug: string;
  title: string;
  versionLabel: string;
  publishedAt: Date;
  articleCount: number;
  window: WindowState;
}

/** The consultation of each version (one per version), as the reading page shows it. */
async function consultationsOf(db: Executor, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, { opensAt: Date; closesAt: Date }>();
  const rows = await db
    .select({ versionId: consultations.versionId, opensAt: consultations.opensAt, closesAt: consultations.closesAt })
    .from(consultations)
    .where(inArray(consultations.versionId, versionIds));
  return new Map(rows.map((r) => [r.versionId, r]));
}

export async function listPublishedDrafts(db: Executor, now: Date): Promise<DraftListing[]> {
  const rows = await db
    .select({ id: drafts.id, slug: drafts.slug, title: drafts.title, versionId: draftVersions.id, label: draftVersions.label, publishedAt: draftVersions.publishedAt })
    .from(drafts)
    .innerJoin(draftVersions, eq(draftVersions.draftId, drafts.id))
    .where(
      and(
        isNull(drafts.archivedAt),
        eq(draftVersions.status, "published"),
        sql`${draftVersions.seq} = (select max(v2.seq) from draft_versions v2 where v2.draft_id = ${drafts.id} and v2.status = 'published')`,
      ),
    )
    .orderBy(desc(draftVersions.publishedAt));
  const counts = rows.length
    ? await db
        .select({ versionId: provisions.versionId, n: count() })
        .from(provisions)
        .where(and(inArray(provisions.versionId, rows.map((r) => r.versionId)), eq(provisions.kind, "article")))
        .groupBy(provisions.versionId)
    : [];
  const windows = await consultationsOf(db, rows.map((r) => r.versionId));
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    versionLabel: r.label,
    publishedAt: r.publishedAt!,
    articleCount: counts.find((c) => c.versionId === r.versionId)?.n ?? 0,
    window: windowState(windows.get(r.versionId), now),
  }));
}
