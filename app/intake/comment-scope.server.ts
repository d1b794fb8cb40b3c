/**
 * Where a comment lives, for the access policy: a comment gathered by a contact point lives at
 * that contact point (and its organisation's path); a public online comment without one lives at
 * the organisation that owns the draft. One rule, used for single comments and for list filters.
 */
import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client";
import { comments, contactPoints, drafts, organizations } from "../../db/schema";
import { grantsFor, type Principal, type Scope } from "../accounts/policy";

/** The contact point's organisation and the draft's owner: join them as `commentScope` does. */
export const cpOrg = alias(organizations, "cp_org");
export const draftOrg = alias(organizations, "draft_org");

/** The organisation path a comment's scope hangs from. */
export const scopePath = sql<string>`coalesce(${cpOrg.path}, ${draftOrg.path})`;

/**
 * Comments inside the given grants (from `grantsFor`): in the subtree of one of the organisations,
 * or at one of the contact points. No grants: nothing.
 */
export function withinGrants(grants: { organizationIds: string[]; contactPointIds: string[] }): SQL {
  const parts: SQL[] = grants.organizationIds.map((id) => sql`('/' || ${scopePath} || '/') like ${`%/${id}/%`}`);
  if (grants.contactPointIds.length > 0) parts.push(inArray(comments.contactPointId, grants.contactPointIds));
  return parts.length > 0 ? or(...parts)! : sql`false`;
}

/** The scope of one comment, or null when there is no such comment. */
export async function commentScope(db: Executor, commentId: string): Promise<Scope | null> {
  if (!isUuid(commentId)) return null;
  const [row] = await db
    .select({ contactPointId: comments.contactPointId, cpPath: cpOrg.path, draftPath: draftOrg.path })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftOrg, eq(draftOrg.id, drafts.organizationId))
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(cpOrg, eq(cpOrg.id, contactPoints.organizationId))
    .where(eq(comments.id, commentId));
  if (!row) return null;
  return { organizationPath: (row.cpPath ?? row.draftPath).split("/"), contactPointId: row.contactPointId };
}

/** Which pages a comment is read on: a contact point's own (`staff`), or an officer's (`officer`). */
export type CommentViewer = "staff" | "officer";

/**
 * Whether `actor` reaches a comment on `viewer`'s pages: the staff pages show only the actor's own
 * contact points' comments (an officer's reach does not open them); the officer pages, any comment
 * in the subtree of an organisation where the actor is an officer.
 */
export function readsAs(actor: Principal | null, scope: Scope, viewer: CommentViewer): boolean {
  const grants = grantsFor(actor, "comment.read");
  return viewer === "staff"
    ? !!scope.contactPointId && grants.contactPointIds.includes(scope.contactPointId)
    : grants.organizationIds.some((id) => scope.organizationPath.includes(id));
}

/** Whether a value from a URL or a form is a UUID (checked before it reaches a uuid column). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
