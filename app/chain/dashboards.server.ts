/** Home pages of the two staff roles: what a contact point was asked for, what an officer's body owns. */
import { and, count, desc, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { comments, consultationContactPoints, consultations, contactPoints, draftVersions, drafts, organizations } from "../../db/schema";
import { grantsFor, type Principal } from "../accounts/policy";
import { windowState, type WindowState } from "../drafts/consultation-window";
import { pendingModerationCount } from "../intake/comment-views.server";
import { symposiaOf, type SymposiumSummary } from "../intake/symposia.server";

export interface ContactPointHome {
  contactPointId: string;
  name: string;
  consultations: {
    id: string; draftId: string; draftSlug: string; draftTitle: string; versionLabel: string; dueAt: Date | null; window: WindowState;
    /** Views this contact point collected for the consultation (entered, imported, symposia). */
    collected: number;
  }[];
  /** Its latest symposia, newest first. */
  symposia: SymposiumSummary[];
}

export async function contactPointHomes(db: Executor, user: Principal, now: Date): Promise<ContactPointHome[]> {
  const cpIds = grantsFor(user, "comment.read").contactPointIds;
  if (cpIds.length === 0) return [];
  const cps = await db.select({ id: contactPoints.id, name: contactPoints.name }).from(contactPoints).where(inArray(contactPoints.id, cpIds));
  const asked = await db
    .select({
      contactPointId: consultationContactPoints.contactPointId, id: consultations.id, opensAt: consultations.opensAt, closesAt: consultations.closesAt,
      dueAt: consultationContactPoints.dueAt, draftId: drafts.id, draftSlug: drafts.slug, draftTitle: drafts.title, versionLabel: draftVersions.label,
    })
    .from(consultationContactPoints)
    .innerJoin(consultations, eq(consultations.id, consultationContactPoints.consultationId))
    .innerJoin(drafts, eq(drafts.id, consultations.draftId))
    .innerJoin(draftVersions, eq(draftVersions.id, consultations.versionId))
    .where(inArray(consultationContactPoints.contactPointId, cpIds))
    .orderBy(desc(consultations.closesAt));
  const counts = await db
    .select({ contactPointId: comments.contactPointId, consultationId: comments.consultationId, n: count() })
    .from(comments)
    .where(inArray(comments.contactPointId, cpIds))
    .groupBy(comments.contactPointId, comments.consultationId);
  const held = await symposiaOf(db, cpIds, 50);
  return cps.map((cp) => ({
    contactPointId: cp.id,
    name: cp.name,
    consultations: asked
      .filter((a) => a.contactPointId === cp.id)
      .map((a) => ({
        id: a.id, draftId: a.draftId, draftSlug: a.draftSlug, draftTitle: a.draftTitle, versionLabel: a.versionLabel, dueAt: a.dueAt,
        window: windowState(a, now),
        collected: counts.find((c) => c.contactPointId === cp.id && c.consultationId === a.id)?.n ?? 0,
      })),
    symposia: held.filter((s) => s.contactPointId === cp.id).slice(0, 10),
  }));
}

export interface OfficerHome {
  organizations: { id: string; name: string }[];
  drafts: { id: string; slug: string; title: string; versions: number; latestLabel: string | null; comments: number }[];
  /** Comments waiting for moderation within the officer's reach. */
  pendingModeration: number;
}

/** The officer's home page: their organisations, the drafts in their subtree, and the moderation queue's length. */
export async function officerHome(db: Executor, user: Principal): Promise<OfficerHome> {
  const [home, pendingModeration] = await Promise.all([officerDrafts(db, user), pendingModerationCount(db, user)]);
  return { ...home, pendingModeration };
}

async function officerDrafts(db: Executor, user: Principal): Promise<Omit<OfficerHome, "pendingModeration">> {
  const orgIds = grantsFor(user, "draft.manage").organizationIds;
  if (orgIds.length === 0) return { organizations: [], drafts: [] };
  const orgs = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds));
  const inSubtree = or(...orgIds.map((id) => like(organizations.path, `%${id}%`)));
  const rows = await db
    .select({
      id: drafts.id, slug: drafts.slug, title: drafts.title,
      versions: sql<number>`(select count(*)::int from ${draftVersions} where ${draftVersions.draftId} = ${drafts.id})`,
      latestLabel: sql<string | null>`(select ${draftVersions.label} from ${draftVersions} where ${draftVersions.draftId} = ${drafts.id} order by ${draftVersions.seq} desc limit 1)`,
      comments: sql<number>`(select count(*)::int from ${comments} where ${comments.draftId} = ${drafts.id})`,
    })
    .from(drafts)
    .innerJoin(organizations, eq(organizations.id, drafts.organizationId))
    .where(and(inSubtree))
    .orderBy(desc(drafts.createdAt));
  return { organizations: orgs, drafts: rows };
}
