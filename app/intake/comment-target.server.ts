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

/**
 * commentTarget for the public form's hot path: the draft, version and consultation are read at
 * most every 2 s per draft (the window's state is still computed from `now` on every call), so an
 * officer's change to a consultation reaches the form within 2 s.
 */
const TARGET_TTL_MS = 2_000;
const recentTargets = new Map<string, { at: number; target: CommentTarget | null }>();

export async function recentCommentTarget(db: Executor, slug: string, now: Date): Promise<CommentTarget | null> {
  const hit = recentTargets.get(slug);
  const t = Date.now();
  let target: CommentTarget | null;
  if (hit && t - hit.at < TARGET_TTL_MS) {
    target = hit.target;
  } else {
    target = await commentTarget(db, { slug }, now);
    recentTargets.set(slug, { at: t, target });
    if (recentTargets.size > 1_000) recentTargets.delete(recentTargets.keys().next().value!);
  }
  return target ? { ...target, window: windowState(target.consultation, now) } : null;
}

/** Forgets the remembered targets (after a consultation is saved in this process). */
export function forgetCommentTargets(): void {
  recentTargets.clear();
}

/** Clause keys of published versions never change: their ids are looked up once per version. */
const clauseIds = new Map<string, Map<string, string>>();

export async function clauseByKey(db: Executor, versionId: string, key: string): Promise<{ id: string; key: string } | null> {
  let ids = clauseIds.get(versionId);
  if (!ids) {
    const rows = await db.select({ id: provisions.id, key: provisions.stableKey }).from(provisions).where(eq(provisions.versionId, versionId));
    ids = new Map(rows.map((r) => [r.key, r.id]));
    clauseIds.set(versionId, ids);
    if (clauseIds.size > 64) clauseIds.delete(clauseIds.keys().next().value!);
  }
  const id = ids.get(key);
  return id ? { id, key } : null;
}
