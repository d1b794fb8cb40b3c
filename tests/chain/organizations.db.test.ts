import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { organizations, users } from "../../db/schema";
import type { Principal } from "~/accounts/policy";
import { loadPrincipal } from "~/accounts/principal.server";
import { treeWhere, createContactPoint, createOrganization, listOrganizationTree } from "~/chain/organizations.server";
import { seedDemoIfEmpty, type DemoResult } from "../../scripts/seed/demo";
import { openTestDb } from "../support/test-db";

describe("the organisation tree", () => {
  let h: DbHandle;
  let ids: DemoResult["ids"];
  let admin: Principal;
  let officer: Principal;
  beforeAll(async () => {
    h = await openTestDb();
    ids = (await seedDemoIfEmpty(h.db, { now: new Date(), passwords: { admin: "a".repeat(12), officer: "o".repeat(12), staff: "s".repeat(12) } }))!.ids;
    const load = async (username: string) => {
      const [u] = await h.db.select().from(users).where(eq(users.username, username));
      return (await loadPrincipal(h.db, u!.id))!;
    };
    admin = await load("admin");
    officer = await load("officer");
  });
  afterAll(() => h?.close());

  it("seeds national → province → city → two counties with three contact points", async () => {
    const tree = await listOrganizationTree(h.db);
    expect(tree.map((o) => [o.depth, o.level])).toEqual([[0, "national"], [1, "provincial"], [2, "municipal"], [3, "county"], [3, "county"]]);
    expect(tree.flatMap((o) => o.contactPoints)).toHaveLength(3);
  });

  it("adds a township under a county with a materialised path", async () => {
    const r = await createOrganization(h.db, admin, { parentId: ids.countyA, level: "township", name: "城南街道人大工委" });
    expect(r.ok).toBe(true);
    const [row] = await h.db.select().from(organizations).where(eq(organizations.id, r.ok ? r.value.id : ""));
    expect(row!.path.split("/")).toEqual([ids.national, ids.province, ids.city, ids.countyA, row!.id]);
  });

  it("refuses a child at the same or a higher level than its parent", async () => {
    const r = await createOrganization(h.db, admin, { parentId: ids.city, level: "provincial", name: "错误的层级" });
    expect(r).toEqual({ ok: false, error: "invalid", fieldErrors: { level: { key: "errors.levelOrder" } } });
  });

  it("lets only administrators change the tree", async () => {
    expect(await createOrganization(h.db, officer, { parentId: ids.city, level: "county", name: "建德市人大常委会" })).toEqual({ ok: false, error: "forbidden" });
    expect(await createContactPoint(h.db, officer, { organizationId: ids.countyB, name: "界首乡基层立法联系点" })).toEqual({ ok: false, error: "forbidden" });
    expect((await createContactPoint(h.db, admin, { organizationId: ids.countyB, name: "界首乡基层立法联系点" })).ok).toBe(true);
    expect(await treeWhere(h.db, officer, "organization.manage")).toEqual([]);
  });
});
