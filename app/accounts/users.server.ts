/** Staff accounts and their roles, managed by administrators within their subtree. */
import { asc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { contactPoints, memberships, organizations, ROLES, users, type Role } from "../../db/schema";
import { contactPointScope, organizationScope } from "../chain/organizations.server";
import { recordAudit } from "../platform/audit.server";
import { choice, msg, requiredText } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password.server";
import { can, grantsFor, type Principal, type Scope } from "./policy";
import { endAllSessions } from "./sessions.server";

const USERNAME = /^[a-z0-9._-]{3,32}$/;

/** "org:<uuid>" or "cp:<uuid>": where a role applies. */
const scopeRef = z
  .string({ error: msg("errors.scopeRequired") })
  .regex(/^(org|cp):[0-9a-f-]{36}$/, msg("errors.scopeRequired"));

export const RoleInput = z.object({ role: choice(ROLES), scope: scopeRef });
export type RoleInput = z.infer<typeof RoleInput>;

export const UserInput = RoleInput.extend({
  username: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string({ error: msg("errors.required") }).min(1, msg("errors.required")).regex(USERNAME, msg("errors.usernameFormat")),
  ),
  displayName: requiredText(50),
  password: z
    .string({ error: msg("errors.required") })
    .min(1, msg("errors.required"))
    .min(MIN_PASSWORD_LENGTH, msg("errors.passwordTooShort", { min: MIN_PASSWORD_LENGTH }))
    .max(200, msg("errors.tooLong", { max: 200 })),
});
export type UserInput = z.infer<typeof UserInput>;

interface ResolvedScope {
  organizationId: string | null;
  contactPointId: string | null;
  scope: Scope;
}

async function resolveScope(db: Executor, role: Role, ref: string): Promise<ResolvedScope | "mismatch" | "missing"> {
  const [kind, id] = ref.split(":") as ["org" | "cp", string];
  if ((role === "contact_point_staff") !== (kind === "cp")) return "mismatch";
  const scope = kind === "cp" ? await contactPointScope(db, id) : await organizationScope(db, id);
  if (!scope) return "missing";
  return { organizationId: kind === "org" ? id : null, contactPointId: kind === "cp" ? id : null, scope };
}

function scopeError(r: "mismatch" | "missing") {
  return invalid({ scope: { key: r === "mismatch" ? "errors.scopeMismatch" : "errors.scopeRequired" } });
}

export async function createUser(db: Db, actor: Principal | null, input: UserInput, requestId?: string): Promise<Outcome<{ id: string }>> {
  const resolved = await resolveScope(db, input.role, input.scope);
  if (typeof resolved === "string") return scopeError(resolved);
  if (!can(actor, "account.manage", resolved.scope)) return { ok: false, error: "forbidden" };
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken) return invalid({ username: { key: "errors.usernameTaken" } });
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.transaction(async (tx) => {
      const userId = await insertUser(tx, { username: input.username, displayName: input.displayName, passwordHash });
      await tx.insert(memberships).values({ userId, role: input.role, organizationId: resolved.organizationId, contactPointId: resolved.contactPointId });
      await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "account.create", subjectType: "user", subjectId: userId, detail: { username: input.username, role: input.role, scope: input.scope }, requestId });
      return userId;
    });
    return { ok: true, value: { id } };
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ username: { key: "errors.usernameTaken" } });
    throw error;
  }
}

export async function insertUser(db: Executor, input: { username: string; displayName: string; passwordHash: string }): Promise<string> {
  const [row] = await db.insert(users).values(input).returning({ id: users.id });
  return row!.id;
}

export async function addRole(db: Db, actor: Principal | null, userId: string, input: RoleInput, requestId?: string): Promise<Outcome<null>> {
  const resolved = await resolveScope(db, input.role, input.scope);
  if (typeof resolved === "string") return scopeError(resolved);
  if (!can(actor, "account.manage", resolved.scope)) return { ok: false, error: "forbidden" };
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return { ok: false, error: "not_found" };
  try {
    await db.transaction(async (tx) => {
      await tx.insert(memberships).values({ userId, role: input.role, organizationId: resolved.organizationId, contactPointId: resolved.contactPointId });
      await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "account.role_add", subjectType: "user", subjectId: userId, detail: { role: input.role, scope: input.scope }, requestId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ role: { key: "errors.roleExists" } });
    throw error;
  }
  return { ok: true, value: null };
}

export async function removeRole(db: Db, actor: Principal | null, membershipId: string, requestId?: string): Promise<Outcome<null>> {
  const [m] = await db.select().from(memberships).where(eq(memberships.id, membershipId));
  if (!m) return { ok: false, error: "not_found" };
  const scope = m.contactPointId ? await contactPointScope(db, m.contactPointId) : await organizationScope(db, m.organizationId!);
  if (!scope || !can(actor, "account.manage", scope)) return { ok: false, error: "forbidden" };
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await endAllSessions(tx, m.userId);
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "account.role_remove", subjectType: "user", subjectId: m.userId, detail: { role: m.role, organizationId: m.organizationId, contactPointId: m.contactPointId }, requestId });
  });
  return { ok: true, value: null };
}

/** An admin may act on an account when every role it holds lies within the admin's reach. */
async function mayManageAccount(db: Executor, actor: Principal | null, userId: string): Promise<boolean> {
  const rows = await db.select().from(memberships).where(eq(memberships.userId, userId));
  if (!can(actor, "area.admin")) return false;
  for (const m of rows) {
    const scope = m.contactPointId ? await contactPointScope(db, m.contactPointId) : await organizationScope(db, m.organizationId!);
    if (!scope || !can(actor, "account.manage", scope)) return false;
  }
  return true;
}

export async function setUserDisabled(db: Db, actor: Principal | null, userId: string, disabled: boolean, now: Date, requestId?: string): Promise<Outcome<null>> {
  if (actor?.id === userId) return { ok: false, error: "forbidden" };
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return { ok: false, error: "not_found" };
  if (!(await mayManageAccount(db, actor, userId))) return { ok: false, error: "forbidden" };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: disabled ? now : null }).where(eq(users.id, userId));
    if (disabled) await endAllSessions(tx, userId);
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: disabled ? "account.disable" : "account.enable", subjectType: "user", subjectId: userId, requestId, at: now });
  });
  return { ok: true, value: null };
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  lastSignInAt: Date | null;
  roles: { id: string; role: Role; scopeName: string; scopeRef: string }[];
}

/** Accounts with a role inside the actor's administrative reach, and accounts with no role yet. */
export async function listUsers(db: Executor, actor: Principal | null, only?: { userId: string }): Promise<UserSummary[]> {
  const grants = grantsFor(actor, "account.manage");
  if (grants.organizationIds.length === 0) return [];
  const reach = or(...grants.organizationIds.map((id) => sql`(${organizations.path} like ${"%" + id + "%"})`));
  const rows = await db
    .select({
      id: users.id, username: users.username, displayName: users.displayName, disabledAt: users.disabledAt, lastSignInAt: users.lastSignInAt,
      membershipId: memberships.id, role: memberships.role, organizationId: memberships.organizationId, contactPointId: memberships.contactPointId,
      orgName: organizations.name, cpName: contactPoints.name, inReach: sql<boolean>`coalesce(${reach}, false)`,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(contactPoints, eq(contactPoints.id, memberships.contactPointId))
    .leftJoin(organizations, sql`${organizations.id} = coalesce(${memberships.organizationId}, ${contactPoints.organizationId})`)
    .where(only ? eq(users.id, only.userId) : undefined)
    .orderBy(asc(users.username));
  const byId = new Map<string, UserSummary & { visible: boolean }>();
  for (const r of rows) {
    let u = byId.get(r.id);
    if (!u) {
      u = { id: r.id, username: r.username, displayName: r.displayName, disabled: r.disabledAt !== null, lastSignInAt: r.lastSignInAt, roles: [], visible: r.membershipId === null };
      byId.set(r.id, u);
    }
    if (r.membershipId && r.role) {
      if (r.inReach) u.visible = true;
      u.roles.push({ id: r.membershipId, role: r.role, scopeName: r.cpName ?? r.orgName ?? "", scopeRef: r.contactPointId ? `cp:${r.contactPointId}` : `org:${r.organizationId}` });
    }
  }
  return [...byId.values()].filter((u) => u.visible).map(({ visible: _v, ...u }) => u);
}

export async function getUser(db: Executor, actor: Principal | null, userId: string): Promise<UserSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  return (await listUsers(db, actor, { userId }))[0] ?? null;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
