/** People for database tests: an account with one role, loaded as the policy sees it. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { memberships, users } from "../../db/schema";
import type { Role } from "../../db/schema/vocabulary";
import type { Principal } from "~/accounts/policy";
import { loadPrincipal } from "~/accounts/principal.server";
import { insertUser } from "~/accounts/users.server";

export async function addPerson(db: Db, username: string, role: Role, scope: { organizationId?: string; contactPointId?: string }): Promise<Principal> {
  const id = await insertUser(db, { username, displayName: username, passwordHash: "not-a-hash" });
  await db.insert(memberships).values({ userId: id, role, organizationId: scope.organizationId ?? null, contactPointId: scope.contactPointId ?? null });
  return (await loadPrincipal(db, id))!;
}

export async function principalByUsername(db: Db, username: string): Promise<Principal> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (await loadPrincipal(db, u!.id))!;
}
