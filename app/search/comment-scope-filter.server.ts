/**
 * Which comments an officer may find: those whose scope (the contact point's organisation path, or
 * for comments without one the drafting organisation's) lies under an organisation the officer's
 * role reaches — the same rule `comment.read` applies to one comment. Expressed on the index's
 * `organizationIds` (a comment's organisation and its ancestors), so the engine applies it.
 */
import { inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import { grantsFor, type Principal } from "../accounts/policy";

export interface ScopedOrganizations {
  /** The `organizationIds` filter to send (never empty), or null when the reach is everything. */
  filter: string[] | null;
  /** The organisations the person asked for that lie within reach (the rest are dropped). */
  kept: string[];
}

/**
 * One `organizationIds` filter that means "asked for AND within reach": an organisation asked for
 * that lies inside a reached subtree implies the reach (its documents carry the reached ancestor
 * too), so the asked-for ones are sent alone; asked-for ones outside reach are dropped. Null when
 * the person reaches no organisation at all.
 */
export async function scopedOrganizations(db: Executor, user: Principal | null, requested: readonly string[] = []): Promise<ScopedOrganizations | null> {
  const grants = [...new Set(grantsFor(user, "comment.read").organizationIds)];
  if (grants.length === 0) return null;
  if (requested.length === 0) return { filter: (await reachesEverything(db, grants)) ? null : grants, kept: [] };
  const rows = await db.select({ id: organizations.id, path: organizations.path }).from(organizations).where(inArray(organizations.id, [...requested]));
  const kept = rows.filter((r) => r.path.split("/").some((id) => grants.includes(id))).map((r) => r.id);
  const ordered = requested.filter((id) => kept.includes(id));
  if (ordered.length > 0) return { filter: ordered, kept: ordered };
  return { filter: (await reachesEverything(db, grants)) ? null : grants, kept: [] };
}

/**
 * Whether the grants hold every root of the organisation tree. Then no filter is sent at all: every
 * comment carries a root in its organisation path, so the filter would match everything anyway,
 * at the cost of an array test on every match.
 */
async function reachesEverything(db: Executor, grants: string[]): Promise<boolean> {
  const roots = await db.select({ id: organizations.id }).from(organizations).where(isNull(organizations.parentId));
  return roots.length > 0 && roots.every((r) => grants.includes(r.id));
}
