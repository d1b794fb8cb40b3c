import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { auditLog, memberships, sessions, users } from "../../db/schema";
import type { Principal } from "~/accounts/policy";
import { loadPrincipal } from "~/accounts/principal.server";
import { addRole, createUser, getUser, listUsers, removeRole, setUserDisabled } from "~/accounts/users.server";
import { startSession } from "~/accounts/sessions.server";
import { seedDemoIfEmpty, type DemoResult } from "../../scripts/seed/demo";
import { openTestDb } from "../support/test-db";

const now = new Date("2026-11-30T10:00:00Z");

describe("managing accounts", () => {
  let h: DbHandle;
  let ids: DemoResult["ids"];
  let nationalAdmin: Principal;
  let countyAdmin: Principal;
  beforeAll(async () => {
    h = await openTestDb();
    const seeded = await seedDemoIfEmpty(h.db, { now, passwords: { admin: "a".repeat(12), officer: "o".repeat(12), staff: "s".repeat(12) } });
    ids = seeded!.ids;
    const [admin] = await h.db.select().from(users).where(eq(users.username, "admin"));
    nationalAdmin = (await loadPrincipal(h.db, admin!.id))!;
    const created = await createUser(h.db, nationalAdmin, { username: "tonglu-admin", displayName: "桐庐管理员", password: "p".repeat(12), role: "admin", scope: `org:${ids.countyA}` });
    expect(created.ok).toBe(true);
    countyAdmin = (await loadPrincipal(h.db, created.ok ? created.value.id : ""))!;
  });
  afterAll(() => h?.close());

  it("creates a staff account at a contact point, hashed with argon2id, and audits it", async () => {
    const r = await createUser(h.db, countyAdmin, { username: "chengnan-2", displayName: "王二", password: "correct-horse", role: "contact_point_staff", scope: `cp:${ids.contactPoints[0]}` });
    expect(r.ok).toBe(true);
    const [u] = await h.db.select().from(users).where(eq(users.username, "chengnan-2"));
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
    const principal = await loadPrincipal(h.db, u!.id);
    expect(principal!.memberships).toMatchObject([{ role: "contact_point_staff", contactPointId: ids.contactPoints[0], scopeName: "桐庐县城南街道基层立法联系点" }]);
    expect(principal!.memberships[0]!.scopePath).toEqual([ids.national, ids.province, ids.city, ids.countyA]);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, u!.id));
    expect(audit.map((a) => a.action)).toContain("account.create");
  });

  it("refuses to create accounts outside the administrator's subtree", async () => {
    const otherCounty = await createUser(h.db, countyAdmin, { username: "qiandaohu-1", displayName: "赵六", password: "p".repeat(12), role: "contact_point_staff", scope: `cp:${ids.contactPoints[2]}` });
    expect(otherCounty).toEqual({ ok: false, error: "forbidden" });
    const above = await createUser(h.db, countyAdmin, { username: "city-officer", displayName: "钱七", password: "p".repeat(12), role: "officer", scope: `org:${ids.city}` });
    expect(above).toEqual({ ok: false, error: "forbidden" });
  });

  it("rejects a taken username and a scope that does not fit the role, next to the field", async () => {
    const taken = await createUser(h.db, nationalAdmin, { username: "officer", displayName: "x", password: "p".repeat(12), role: "officer", scope: `org:${ids.city}` });
    expect(taken).toEqual({ ok: false, error: "invalid", fieldErrors: { username: { key: "errors.usernameTaken" } } });
    const mismatch = await createUser(h.db, nationalAdmin, { username: "new-one", displayName: "x", password: "p".repeat(12), role: "contact_point_staff", scope: `org:${ids.city}` });
    expect(mismatch).toEqual({ ok: false, error: "invalid", fieldErrors: { scope: { key: "errors.scopeMismatch" } } });
  });

  it("adds and removes roles; removing one ends the person's sessions", async () => {
    const [staff] = await h.db.select().from(users).where(eq(users.username, "staff"));
    const added = await addRole(h.db, nationalAdmin, staff!.id, { role: "officer", scope: `org:${ids.countyA}` });
    expect(added.ok).toBe(true);
    const again = await addRole(h.db, nationalAdmin, staff!.id, { role: "officer", scope: `org:${ids.countyA}` });
    expect(again).toEqual({ ok: false, error: "invalid", fieldErrors: { role: { key: "errors.roleExists" } } });
    await startSession(h.db, { userId: staff!.id, now, userAgent: null });
    const [m] = await h.db.select().from(memberships).where(eq(memberships.role, "officer")).then((rows) => rows.filter((r) => r.userId === staff!.id));
    expect((await removeRole(h.db, nationalAdmin, m!.id)).ok).toBe(true);
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, staff!.id))).toEqual([]);
  });

  it("disables an account (ending its sessions) but never the administrator's own", async () => {
    const [staff] = await h.db.select().from(users).where(eq(users.username, "staff"));
    await startSession(h.db, { userId: staff!.id, now, userAgent: null });
    expect((await setUserDisabled(h.db, countyAdmin, staff!.id, true, now)).ok).toBe(true);
    expect(await loadPrincipal(h.db, staff!.id)).toBeNull();
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, staff!.id))).toEqual([]);
    expect((await setUserDisabled(h.db, countyAdmin, staff!.id, false, now)).ok).toBe(true);
    expect(await setUserDisabled(h.db, nationalAdmin, nationalAdmin.id, true, now)).toEqual({ ok: false, error: "forbidden" });
    // A county administrator may not disable a national officer.
    const [officer] = await h.db.select().from(users).where(eq(users.username, "officer"));
    expect(await setUserDisabled(h.db, countyAdmin, officer!.id, true, now)).toEqual({ ok: false, error: "forbidden" });
  });

  it("lists only the accounts inside the administrator's reach", async () => {
    const all = (await listUsers(h.db, nationalAdmin)).map((u) => u.username);
    expect(all).toEqual(expect.arrayContaining(["admin", "officer", "staff", "tonglu-admin"]));
    const county = (await listUsers(h.db, countyAdmin)).map((u) => u.username);
    expect(county).toContain("staff");
    expect(county).not.toContain("officer");
    expect(await listUsers(h.db, null)).toEqual([]);
  });

  it("opens one account only within reach", async () => {
    const [staff] = await h.db.select().from(users).where(eq(users.username, "staff"));
    const [officer] = await h.db.select().from(users).where(eq(users.username, "officer"));
    expect((await getUser(h.db, countyAdmin, staff!.id))?.username).toBe("staff");
    expect(await getUser(h.db, countyAdmin, officer!.id)).toBeNull();
    expect(await getUser(h.db, nationalAdmin, "not-a-uuid")).toBeNull();
  });
});
