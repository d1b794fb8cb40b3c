/**
 * For an amendment draft (修正案草案) whose amended law is on the platform: each point shown with
 * the article as it reads now and as it would read, with the changes marked. The amended law is
 * the draft the officer linked, else a law whose title names the law the points cite (刑法 →
 * 中华人民共和国刑法); its latest published version is the "now".
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { draftVersions, drafts } from "../../db/schema";
import { applyAmendment, articleTextFromRows, parseAmendmentInstruction, pointTextFromRows } from "./amendments";
import { clauseDiff } from "./compare/clause-diff";
import type { DiffSegment } from "./compare/char-diff";
import type { ProvisionRow } from "./flatten";
import { storedRows } from "./versions.server";

export interface AmendmentView {
  lawTitle: string;
  lawSlug: string;
  articleLabel: string;
  articleKey: string;
  before: string | null;
  after: string | null;
  segments: DiffSegment[] | null;
  applied: boolean;
  notes: string[];
}

async function amendedLaw(db: Executor, draft: { id: string; amendsDraftId: string | null }, lawName: string) {
  const candidates = draft.amendsDraftId
    ? await db.select().from(drafts).where(eq(drafts.id, draft.amendsDraftId))
    : (await db.select().from(drafts).where(and(ne(drafts.id, draft.id), ne(drafts.kind, "amendment")))).filter(
        (d) => d.title === lawName || d.title.replace(/^中华人民共和国/, "").replace(/（.*?）$/, "") === lawName.replace(/^中华人民共和国/, ""),
      );
  for (const law of candidates) {
    const [version] = await db
      .select()
      .from(draftVersions)
      .where(and(eq(draftVersions.draftId, law.id), eq(draftVersions.status, "published")))
      .orderBy(desc(draftVersions.seq))
      .limit(1);
    if (version) return { law, version };
  }
  return null;
}

/** The views, and the amended law's version they were computed from (null when no law was found). */
export async function amendmentViews(
  db: Executor,
  draft: { id: string; amendsDraftId: string | null },
  rows: readonly ProvisionRow[],
): Promise<{ amended: { draftId: string; versionId: string } | null; views: Map<string, AmendmentView> }> {
  const views = new Map<string, AmendmentView>();
  const points = rows.filter((r) => r.kind === "point" && r.amendsArticle);
  if (points.length === 0) return { amended: null, views };
  const lawName = points.find((p) => p.amendsLaw)?.amendsLaw ?? "";
  const target = await amendedLaw(db, draft, lawName);
  if (!target) return { amended: null, views };
  const targetRows = await storedRows(db, target.version.id);
  for (const point of points) {
    const article = targetRows.find((r) => r.kind === "article" && r.label === point.amendsArticle);
    const text = pointTextFromRows(rows, point.stableKey);
    if (!text) continue;
    const current = article ? articleTextFromRows(targetRows, article.stableKey) : null;
    const applied = applyAmendment(current, parseAmendmentInstruction(text));
    views.set(point.stableKey, {
      lawTitle: target.law.title,
      lawSlug: target.law.slug,
      articleLabel: point.amendsArticle!,
      articleKey: article?.stableKey ?? "",
      before: applied.before,
      after: applied.after,
      segments: applied.before !== null && applied.after !== null ? clauseDiff(applied.before, applied.after) : null,
      applied: applied.applied,
      notes: applied.notes,
    });
  }
  return { amended: { draftId: target.law.id, versionId: target.version.id }, views };
}
