/**
 * What a user may do with a contact point's records: write (enter views, hold symposia), only read
 * (officers above it), or nothing (another contact point's staff). And which drafts a contact point
 * was asked about — the only drafts its staff record views on.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { consultationContactPoints, consultations, contactPoints, draftVersions, drafts } from "../../db/schema";
import { can, grantsFor, type Action, type Principal } from "../accounts/policy";
import { contactPointScope } from "../chain/organizations.server";

export type Access = "write" | "read" | "none";

/**
 * Writing is for the contact point's own staff: the policy lets officers above enter views too, but
 * what is entered here is recorded as collected by the contact point, so officers only read it.
 */
export async function contactPointAccess(db: Executor, actor: Principal | null, contactPointId: string, write: Action): Promise<Access> {
  const scope = await contactPointScope(db, contactPointId);
  if (!scope) return "none";
  const ownStaff = !!actor?.memberships.some((m) => m.role === "contact_point_staff" && m.contactPointId === contactPointId);
  if (ownStaff && can(actor, write, scope)) return "write";
  return can(actor, "comment.read", scope) ? "read" : "none";
}

/** A failure that does not tell another contact point's staff whether the record exists. */
export const denied = (access: Access) => ({ ok: false as const, error: access === "read" ? ("forbidden" as const) : ("not_found" as const) });

export interface AskedDraft {
  contactPointId: string;
  contactPointName: string;
  draftId: string;
  draftSlug: string;
  draftTitle: string;
  consultationId: string;
  versionLabel: string;
  closesAt: Date;
}

/**
 * The drafts on whose consultation the user's own contact points (where they may do `action`) were
 * asked for views, newest consultation first, one row per contact point and draft.
 */
export async function askedDrafts(
  db: Executor, actor: Principal | null, action: Action, filter: { draftId?: string; contactPointId?: string } = {},
): Promise<AskedDraft[]> {
  const cpIds = grantsFor(actor, action).contactPointIds.filter((id) => !filter.contactPointId || id === filter.contactPointId);
  if (cpIds.length === 0) return [];
  const rows = await db
    .select({
      contactPointId: contactPoints.id, contactPointName: contactPoints.name, draftId: drafts.id, draftSlug: drafts.slug, draftTitle: drafts.title,
      consultationId: consultations.id, versionLabel: draftVersions.label, closesAt: consultations.closesAt,
    })
    .from(consultationContactPoints)
    .innerJoin(consultations, eq(consultations.id, consultationContactPoints.consultationId))
    .innerJoin(contactPoints, eq(contactPoints.id, consultationContactPoints.contactPointId))
    .innerJoin(drafts, eq(drafts.id, consultations.draftId))
    .innerJoin(draftVersions, eq(draftVersions.id, consultations.versionId))
    .where(and(inArray(consultationContactPoints.contactPointId, cpIds), filter.draftId ? eq(drafts.id, filter.draftId) : undefined))
    .orderBy(desc(consultations.opensAt), desc(draftVersions.seq));
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.contactPointId}:${r.draftId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
