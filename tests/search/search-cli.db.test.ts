/**
 * `npm run cli -- search …` against a real database and the real PostgreSQL engine: query prints
 * ids and scores as JSON (or a table), reindex reports progress on stderr, status shows lag and
 * dead letters, retry-dead requeues them, and bad options are usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../scripts/cli/registry";
import { searchGroupWith } from "../../scripts/cli/search-commands";
import { databaseCounts } from "../../search/documents";
import { drainOutbox } from "../../search/sync";
import { addComment, addComments, openSearchDb, settleOutbox, type SearchDb } from "./search-db-fixtures";
import { faultInjector, postgresEngine, type FaultInjector } from "./search-engine-fixtures";

describe("search command line", () => {
  let t: SearchDb;
  let fi: FaultInjector;
  let out: string[];
  let err: string[];
  const console_ = { log: (s: string) => out.push(s), error: (s: string) => err.push(s) } as unknown as Console;
  async function cli(...args: string[]): Promise<number> {
    return cliUntil(undefined, ...args);
  }
  async function cliUntil(untilStopped: (() => Promise<void>) | undefined, ...args: string[]): Promise<number> {
    out = [];
    err = [];
    const group = searchGroupWith({ open: async () => ({ db: t.db, engine: fi.engine, close: async () => {} }), out: (l) => out.push(l), err: (l) => err.push(l), untilStopped });
    return runCli({ search: group }, ["search", ...args], console_);
  }

  beforeAll(async () => {
    t = await openSearchDb();
    fi = faultInjector(await postgresEngine(t.db));
    await addComments(t, [
      { text: "个人信息的保存期限应当明确，建议不超过三年。", provisionKey: "art-19" },
      { text: "处理敏感个人信息应当取得书面同意。", provisionKey: "art-29" },
      { text: "与本法无关的意见。" },
    ]);
    // The index is built by the reindex test; the queue starts empty so status shows only this file's rows.
    await settleOutbox(t.db);
  });
  afterAll(() => t?.h.close());

  it("runs a worker that drains the outbox until it is told to stop (SEARCH_SYNC=separate)", async () => {
    await cli("reindex");
    const id = await addComment(t, { text: "单独的索引进程应当及时处理新的意见。", provisionKey: "art-24" });
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = cliUntil(() => stopped, "worker");
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = (await fi.engine.search({ kind: "comment", query: "单独的索引进程" })).hits.some((h) => h.document.id === id);
    }
    stop();
    expect(await running).toBe(0);
    expect(found).toBe(true);
    expect(err[0]).toMatch(/draining the outbox into postgres/);
    expect(err.at(-1)).toBe("search worker: stopped");
  });

  it("rebuilds the index and reports progress on stderr, the summary on stdout", async () => {
    expect(await cli("reindex")).toBe(0);
    const stored = await databaseCounts(t.db);
    expect(err).toContain(`comment: ${stored.comment}/${stored.comment}`);
    expect(err).toContain(`provision: ${stored.provision}/${stored.provision}`);
    expect(out.join("\n")).toMatch(new RegExp(`reindexed ${stored.comment} comments, ${stored.provision} provisions in [\\d.]+ s \\(postgres\\)`));
  });

  it("prints hits with ids, kinds and scores as JSON, best first, narrowed to a draft", async () => {
    expect(await cli("query", "个人信息 保存期限", "--draft", t.ids.draftId, "--limit", "5", "--json")).toBe(0);
    const result = JSON.parse(out.join("\n")) as { total: number; hits: { id: string; kind: string; score: number; draftId: string; text: string }[] };
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.hits.length).toBeGreaterThanOrEqual(1);
    expect(result.hits.length).toBeLessThanOrEqual(5);
    expect(result.hits[0]!.text).toBe("个人信息的保存期限应当明确，建议不超过三年。");
    for (const hit of result.hits) {
      expect(hit).toMatchObject({ kind: "comment", draftId: t.ids.draftId });
      expect(hit.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof hit.score).toBe("number");
    }
    expect(result.hits.map((h) => h.score)).toEqual([...result.hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(await cli("query", "个人信息", "--draft", crypto.randomUUID(), "--json")).toBe(0);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ total: 0, hits: [] });
  });

  it("searches the drafts' text with --kind provision, and prints a readable table without --json", async () => {
    expect(await cli("query", "第十三条", "--kind", "provision", "--draft", t.ids.draftId, "--json")).toBe(0);
    const result = JSON.parse(out.join("\n")) as { hits: { kind: string; label: string; articleNumber: number }[] };
    expect(result.hits[0]).toMatchObject({ kind: "provision", label: "第十三条", articleNumber: 13 });
    expect(await cli("query", "敏感个人信息")).toBe(0);
    expect(out[0]).toMatch(/^\d+ hits in \d+(\.\d+)? ms$/);
    expect(out.slice(1).some((line) => /^\s+\d+\.\d{3}\s+[0-9a-f-]{36}\s+MY-/.test(line) && line.includes("敏感"))).toBe(true);
  });

  it("shows lag and dead letters in status, exits non-zero while there are dead letters, and requeues them with retry-dead", async () => {
    expect(await cli("status", "--json")).toBe(0);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ deadCount: 0, engine: { ok: true, engine: "postgres" } });
    const id = await addComment(t, { text: "引擎停机时的意见。" });
    fi.down = true;
    await drainOutbox(t.db, fi.engine, { workerId: "cli-test", maxAttempts: 1, log: () => {} });
    fi.down = false;
    expect(await cli("status", "--json")).toBe(3);
    const status = JSON.parse(out.join("\n")) as { deadCount: number; dead: { aggregateId: string; lastError: string }[]; lagSeconds: number };
    expect(status.deadCount).toBeGreaterThanOrEqual(1);
    expect(status.dead.find((d) => d.aggregateId === id)?.lastError).toMatch(/injected outage/);
    expect(await cli("status")).toBe(3);
    expect(out.join("\n")).toMatch(/dead\s+\d+ \(requeue with "npm run cli -- search retry-dead"\)/);
    expect(out.join("\n")).toContain(`comment:${id}`);
    expect(await cli("retry-dead")).toBe(0);
    expect(out[0]).toMatch(/^requeued \d+ dead letters?$/);
    expect(await cli("status", "--json")).toBe(0);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ deadCount: 0 });
  });

  it("refuses an unknown kind or a bad limit as a usage error, and explains its options with --help", async () => {
    expect(await cli("query", "x", "--kind", "opinion")).toBe(2);
    expect(err.join("\n")).toContain("--kind must be one of: comment, provision");
    expect(await cli("query", "x", "--limit", "1000")).toBe(2);
    expect(await cli("query", "--help")).toBe(0);
    expect(out.join("\n")).toContain('"<query>" [--draft ID] [--kind comment|provision] [--limit N] [--json]');
  });
});
