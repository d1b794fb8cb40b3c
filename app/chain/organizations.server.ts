/** The organisation tree and its contact points: read it, grow it (admins, within their subtree). */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { contactPoints, ORGANIZATION_LEVELS, organizations, type OrganizationLevel } from "../../db/schema";
import { can, type Action, type Principal, type Scope } from "../accounts/policy";
import { recordAudit } from "../platform/audit.server";
import { choice, msg, optionalText, requiredText } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";

export interface OrganizationNode {
  id: string;
  parentId: string | null;
  level: OrganizationLevel;
  name: string;
  nameEn: string | null;
  path: string[];
  depth: number;
  contactPoints: { id: string; name: string; nameEn: string | null; address: string | null }[];
}

/** The whole tree in display order (depth-first, by name). */
export async function listOrganizationTree(db: Executor): Promise<OrganizationNode[]> {
  const orgs = await db.select().from(organizations).orderBy(asc(organizations.name));
  const cps = await db.select().from(contactPoints).orderBy(asc(contactPoints.name));
  const byParent = new Map<string | null, typeof orgs>();
  for (const o of orgs) byParent.set(o.parentId, [...(byParent.get(o.parentId) ?? []), o]);
  const out: OrganizationNode[] = [];
  const walk = (parentId: string | null) => {
    for (const o of byParent.get(parentId) ?? []) {
      const path = o.path.split("/");
      out.push({
        id: o.id, parentId: o.parentId, level: o.level, name: o.name, nameEn: o.nameEn, path, depth: path.length - 1,
        contactPoints: cps.filter((c) => c.organizationId === o.id).map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, address: c.address })),
      });
      walk(o.id);
    }
  };
  walk(null);
  return out;
}

export async function organizationScope(db: Executor, organizationId: string): Promise<Scope | null> {
  const [org] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, organizationId));
  return org ? { organizationPath: org.path.split("/") } : null;
}

export async function contactPointScope(db: Executor, contactPointId: string): Promise<Scope | null> {
  const [row] = await db
    .select({ path: organizations.path })
    .from(contactPoints)
    .innerJoin(organizations, eq(organizations.id, contactPoints.organizationId))
    .where(eq(contactPoints.id, contactPointId));
  return row ? { organizationPath: row.path.split("/"), contactPointId } : null;
}

const regionCode = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z.string().regex(/^\d{6}$/, msg("errors.invalid")).optional(),
);

export const OrganizationInput = z.object({
  parentId: z.string().uuid(msg("errors.required")),
  level: choice(ORGANIZATION_LEVELS),
  name: requiredText(100),
  nameEn: optionalText(200),
  regionCode,
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

export async function createOrganization(db: Db, actor: Principal | null, input: OrganizationInput, requestId?: string): Promise<Outcome<{ id: string }>> {
  const [parent] = await db.select().from(organizations).where(eq(organizations.id, input.parentId));
  if (!parent) return invalid({ parentId: { key: "errors.invalidChoice" } });
  if (!can(actor, "organization.manage", { organizationPath: parent.path.split("/") })) return { ok: false, error: "forbidden" };
  if (ORGANIZATION_LEVELS.indexOf(input.level) <= ORGANIZATION_LEVELS.indexOf(parent.level)) {
    return invalid({ level: { key: "errors.levelOrder" } });
  }
  const id = await db.transaction(async (tx) => {
    const created = await insertOrganization(tx, { ...input, parentPath: parent.path });
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "organization.create", subjectType: "organization", subjectId: created, detail: { name: input.name, parentId: input.parentId }, requestId });
    return created;
  });
  return { ok: true, value: { id } };
}

/** Inserts an organisation (a root when parentPath is null) and returns its id. No checks: callers check. */
export async function insertOrganization(
  db: Executor,
  input: { parentId?: string | null; parentPath?: string | null; level: OrganizationLevel; name: string; nameEn?: string | null; regionCode?: string | null },
): Promise<string> {
  const id = crypto.randomUUID();
  const path = input.parentPath ? `${input.parentPath}/${id}` : id;
  await db.insert(organizations).values({
    id, parentId: input.parentId ?? null, level: input.level, name: input.name, nameEn: input.nameEn ?? null, regionCode: input.regionCode ?? null, path,
  });
  return id;
}

export const ContactPointInput = z.object({
  organizationId: z.string().uuid(msg("errors.required")),
  name: requiredText(100),
  nameEn: optionalText(200),
  address: optionalText(300),
  regionCode,
});
export type ContactPointInput = z.infer<typeof ContactPointInput>;

export async function createContactPoint(db: Db, actor: Principal | null, input: ContactPointInput, requestId?: string): Promise<Outcome<{ id: string }>> {
  const scope = await organizationScope(db, input.organizationId);
  if (!scope) return invalid({ organizationId: { key: "errors.invalidChoice" } });
  if (!can(actor, "organization.manage", scope)) return { ok: false, error: "forbidden" };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactPoints)
      .values({ organizationId: input.organizationId, name: input.name, nameEn: input.nameEn ?? null, address: input.address ?? null, regionCode: input.regionCode ?? null })
      .returning({ id: contactPoints.id });
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "contact_point.create", subjectType: "contact_point", subjectId: row!.id, detail: { name: input.name }, requestId });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** The part of the tree where an actor may do `action` (for pickers): organisations and their contact points. */
export async function treeWhere(db: Executor, actor: Principal | null, action: Action): Promise<OrganizationNode[]> {
  const tree = await listOrganizationTree(db);
  return tree.filter((o) => can(actor, action, { organizationPath: o.path }));
}
