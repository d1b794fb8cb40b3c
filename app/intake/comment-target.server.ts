/**
 * What a comment can be attached to: a draft's latest published version, its consultation (and
 * whether it is open now), and the clauses one may pick.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { consultations, draftVersions, drafts, provisions } from "../../db/schema";
import { windowState, type WindowState } from "../drafts/consultation-window";
import type { ClauseOption } from "./article-reference";

export interface CommentTarget {
  draft: { id: string; slug: string; title: string; organizationId: string };
  version: { id: string; seq: number; label: string };
  consultation: { id: string; moderation: "pre" | "post"; publicComments: boolean; opensAt: Date; closesAt: Date } | null;
  window: WindowState;
}

export async function commentTarget(db: Executor, where: { slug: string } | { draftId: string }, now: Date): Promise<CommentTarget | null> {
  const [draft] = await db
    .select({ id: drafts.id, slug: drafts.slug, title: drafts.title, organizationId: drafts.organizationId })
    .from(drafts)
    .where(and("slug" in where ? eq(drafts.slug, where.slug) : eq(drafts.id, where.draftId), isNull(drafts.archivedAt)));
  if (!draft) return null;
  const [version] = await db
    .select({ id: draftVersions.id, seq: draftVersions.seq, label: draftVersions.label })
    .from(draftVersions)
    .where(and(eq(draftVersions.draftId, draft.id), eq(draftVersions.status, "published")))
    .orderBy(desc(draftVersions.seq))
    .limit(1);
  if (!version) return null;
  const [consultation] = await db
    .select({ id: consultations.id, moderation: consultations.moderation, publicComments: consultations.publicComments, opensAt: consultations.opensAt, closesAt: consultations.closesAt })
    .from(consultations)
    .where(eq(consultations.versionId, version.id));
  return { draft, version, consultation: consultation ?? null, window: windowState(consultation, now) };
}

/** Articles and points of a version, with their first line, for pickers and for reading "128". */
export async function clauseOptions(db: Executor, versionId: string): Promise<ClauseOption[]> {
  const rows = await db
    .select({ key: provisions.stableKey, kind: provisions.kind, number: provisions.number, suffix: provisions.suffix, label: provisions.label, text: provisions.text, depth: provisions.depth, ordinal: provisions.ordinal })
    .from(provisions)
    .where(and(eq(provisions.versionId, versionId), inArray(provisions.kind, ["article", "point", "paragraph"])))
    .orderBy(asc(provisions.ordinal));
  const options: ClauseOption[] = [];
  let last: ClauseOption | null = null;
  for (const r of rows) {
    if (r.kind === "article" || r.kind === "point") {
      last = { key: r.key, kind: r.kind, number: r.number, suffix: r.suffix, label: r.label, firstLine: r.text.slice(0, 60) };
      options.push(last);
    } else if (last && last.firstLine === "" && r.key.startsWith(`${last.key}.`)) {
      last.firstLine = r.text.slice(0, 60);
    }
  }
  return options;
}

/** The provision row a clause key names in a version. */
export async function provisionByKey(db: Executor, versionId: string, key: string) {
  const [row] = await db
    .select({ id: provisions.id, key: provisions.stableKey, label: provisions.label, kind: provisions.kind })
    .from(provisions)
    .where(and(eq(provisions.versionId, versionId), eq(provisions.stableKey, key)));
  return row ?? null;
}
