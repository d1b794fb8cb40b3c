import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { queryRows } from "../../db/query";
import { draftVersions, provisions } from "../../db/schema";
import { seedDemoIfEmpty } from "../../scripts/seed/demo";
import { refusal } from "../support/db-errors";
import { openTestDb } from "../support/test-db";

describe("a published draft version", () => {
  let h: DbHandle;
  let versionId: string;
  beforeAll(async () => {
    h = await openTestDb();
    const seeded = await seedDemoIfEmpty(h.db, { now: new Date(), passwords: { admin: "x".repeat(10), officer: "y".repeat(10), staff: "z".repeat(10) } });
    const [v] = await h.db.select().from(draftVersions).where(eq(draftVersions.draftId, seeded!.ids.draftId));
    versionId = v!.id;
  });
  afterAll(() => h?.close());

  it("refuses changes to its text", async () => {
    expect(await refusal(h.db.update(draftVersions).set({ sourceText: "改过的文本" }).where(eq(draftVersions.id, versionId)))).toMatch(/published/);
    expect(await refusal(h.db.update(draftVersions).set({ status: "draft", publishedAt: null }).where(eq(draftVersions.id, versionId)))).toMatch(/published/);
  });

  it("refuses to be deleted", async () => {
    expect(await refusal(h.db.delete(draftVersions).where(eq(draftVersions.id, versionId)))).toMatch(/published/);
  });

  it("refuses added, changed or removed provisions", async () => {
    const [p] = await h.db.select().from(provisions).where(eq(provisions.versionId, versionId)).limit(1);
    expect(await refusal(h.db.update(provisions).set({ text: "改" }).where(eq(provisions.id, p!.id)))).toMatch(/published/);
    expect(await refusal(h.db.delete(provisions).where(eq(provisions.id, p!.id)))).toMatch(/published/);
    expect(
      await refusal(h.db.insert(provisions).values({ versionId, stableKey: "art-9999", kind: "article", label: "第九千九百九十九条", ordinal: 99_999, depth: 0, eid: "art_9999" })),
    ).toMatch(/published/);
    const rows = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from provisions where text = '改'`);
    expect(rows[0]!.n).toBe(0);
  });

  it("still lets the explanation be corrected", async () => {
    await h.db.update(draftVersions).set({ explanationText: "说明", explanationHtml: "<p>说明</p>" }).where(eq(draftVersions.id, versionId));
    const [v] = await h.db.select().from(draftVersions).where(eq(draftVersions.id, versionId));
    expect(v!.explanationText).toBe("说明");
  });
});
