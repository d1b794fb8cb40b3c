/** Loads a signed-in user with every role and the organisation path of each role's scope. */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { contactPoints, memberships, organizations, users } from "../../db/schema";
import type { Membership, Principal } from "./policy";

export async function loadPrincipal(db: Executor, userId: string): Promise<Principal | null> {
  const [user] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      organizationId: memberships.organizationId,
      contactPointId: memberships.contactPointId,
      orgPath: organizations.path,
      orgName: organizations.name,
      cpName: contactPoints.name,
    })
    .from(memberships)
    .leftJoin(contactPoints, eq(contactPoints.id, memberships.contactPointId))
    .innerJoin(organizations, sql`${organizations.id} = coalesce(${memberships.organizationId}, ${contactPoints.organizationId})`)
    .where(eq(memberships.userId, userId));
  const list: Membership[] = rows.map((r) => ({
    id: r.id,
    role: r.role,
    organizationId: r.organizationId,
    contactPointId: r.contactPointId,
    scopePath: r.orgPath.split("/"),
    scopeName: r.cpName ?? r.orgName,
  }));
  return { ...user, memberships: list };
}
