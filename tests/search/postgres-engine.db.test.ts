/**
 * The embedded engine: the shared contract suite on PGlite (and on PostgreSQL when DATABASE_URL is
 * set), plus what only this engine promises — the large-result strategy and one-statement batches.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { queryRows } from "../../db/query";
import type { CommentDocument } from "../../search/engine";
import { createPostgresEngine } from "../../search/postgres-engine";
import { openTestDb } from "../support/test-db";
import { describeEngineContract } from "./engine-contract";
import { commentFixtures } from "./fixtures";

describeEngineContract("postgres", async () => {
  const handle = await openTestDb();
  return { engine: createPostgresEngine(handle.db), cleanup: () => handle.close() };
});

describe("postgres engine beyond the contract", () => {
  let h: DbHandle;
  const base = commentFixtures()[0]!;
  /** 60 comments that all say 个人信息, one a minute, so "newest" is a known order. */
  const many: CommentDocument[] = Array.from({ length: 60 }, (_, i) => ({
    ...base, id: `m${String(i).padStart(2, "0")}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    channel: i % 3 === 0 ? "letter" : "online",
    body: i % 10 === 0 ? "个人信息处理者应当依法处理个人信息，个人信息安全至关重要。" : `第${i}号意见：个人信息的保存期限应当明确。`,
    proposedText: null, reason: null,
  }));
  beforeAll(async () => {
    h = await openTestDb();
    await createPostgresEngine(h.db).index(many);
  });
  afterAll(() => h?.close());

  it("ranks the newest candidates of a large result and pages through the rest without overlap", async () => {
    const engine = createPostgresEngine(h.db, { exactLimit: 10, rankCandidates: 25 });
    const seen: string[] = [];
    for (let offset = 0; offset < 70; offset += 7) {
      const r = await engine.search({ kind: "comment", query: "个人信息", offset, limit: 7 });
      expect(r.total).toBe(60); // the table is small enough to count whole: exact again
      seen.push(...r.hits.map((x) => x.document.id));
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const newest = [...many].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((d) => d.id);
    // The first 25 are the 25 newest, by relevance (the denser texts first); then newest first.
    expect([...seen.slice(0, 25)].sort()).toEqual([...newest.slice(0, 25)].sort());
    expect(seen.slice(25)).toEqual(newest.slice(25));
    expect(seen.slice(0, 2).sort()).toEqual(["m40", "m50"]);
  });

  it("estimates the total and facets from a sample when the result is large, and says so", async () => {
    await h.db.execute(sql`analyze search_documents`);
    const engine = createPostgresEngine(h.db, { exactLimit: 10, sampleRows: 20 });
    const r = await engine.search({ kind: "comment", query: "个人信息", facets: ["channel"], limit: 5 });
    expect(r.totalIsExact).toBe(false);
    expect(r.total).toBeGreaterThanOrEqual(11);
    expect(r.hits).toHaveLength(5);
    const exact = await createPostgresEngine(h.db).search({ kind: "comment", query: "个人信息", facets: ["channel"], limit: 5 });
    expect(exact).toMatchObject({ total: 60, totalIsExact: true, facets: { channel: [{ value: "online", count: 40 }, { value: "letter", count: 20 }] } });
  });

  it("never pastes query text into SQL: tsquery operators and quotes are plain characters", async () => {
    const engine = createPostgresEngine(h.db);
    for (const q of ["个人信息' | '期限", "个人信息 & !期限", "'); drop table search_documents; --", "a:* <-> b", "\\' \\\\"]) {
      await expect(engine.search({ kind: "comment", query: q })).resolves.toMatchObject({ totalIsExact: true });
    }
    expect(await engine.count("comment")).toBe(60);
  });

  it("indexes a batch in one statement per batch and keeps the last of duplicate ids", async () => {
    const engine = createPostgresEngine(h.db, { batchSize: 1000 });
    await engine.index([{ ...base, id: "dup", body: "第一稿" }, { ...base, id: "dup", body: "养老机构收费" }]);
    const [row] = await queryRows<{ body: string }>(h.db, sql`select doc->>'body' as body from search_documents where kind = 'comment' and id = 'dup'`);
    expect(row?.body).toBe("养老机构收费");
    await engine.remove("comment", ["dup"]);
  });

  it("reports unhealthy when its table is gone, and ensureReady says why", async () => {
    const other = await openTestDb();
    try {
      await other.db.execute(sql`drop table search_documents`);
      const engine = createPostgresEngine(other.db);
      expect(await engine.health()).toMatchObject({ ok: false, engine: "postgres" });
      await expect(engine.ensureReady()).rejects.toThrow(/search_documents/);
    } finally {
      await other.close();
    }
  });
});
