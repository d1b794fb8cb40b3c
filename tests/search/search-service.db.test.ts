/**
 * The search pages' services on the demo data (a few hundred comments seeded through intake and
 * indexed by a real rebuild into the embedded engine): officers find what is within their reach,
 * narrowed by facets with names, exported whole without personal data; the public finds the
 * drafts' published text; an unreachable engine is an answer, not a crash.
 */
import ExcelJS from "exceljs";
import { and, count, eq, inArray, like, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { commenters, comments, drafts, organizations, outbox } from "../../db/schema";
import { createMeilisearchEngine } from "../../search/meilisearch-engine";
import { createPostgresEngine } from "../../search/postgres-engine";
import { reindex } from "../../search/reindex";
import type { SearchEngine } from "../../search/engine";
import type { Principal } from "~/accounts/policy";
import { createDraft } from "~/drafts/drafts.server";
import { importVersion } from "~/drafts/versions.server";
import { exportCsv, exportXlsx } from "~/search/export-files.server";
import { searchComments, type OfficerSearchView } from "~/search/officer-search.server";
import { readPublicSearch, searchProvisions } from "~/search/public-search.server";
import { exportComments } from "~/search/search-export.server";
import { readSearchState, type SearchState } from "~/search/search-state";
import { seedDemoIfEmpty, type DemoResult } from "../../scripts/seed/demo";
import { addPerson, principalByUsername } from "../support/people";
import { openTestDb } from "../support/test-db";

const state = (query: string): SearchState => readSearchState(new URLSearchParams(query));

async function view(h: DbHandle, engine: SearchEngine, user: Principal, query: string): Promise<OfficerSearchView> {
  const r = await searchComments(h.db, engine, user, state(query), "zh-CN");
  if (!r.ok) throw new Error(`search failed: ${r.error}`);
  return r;
}

/** Records of a CSV (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n") record.push(field.replace(/\r$/, "")), records.push(record), (record = []), (field = "");
    else field += c;
  }
  return records;
}

describe("search services on the demo", () => {
  let h: DbHandle;
  let engine: SearchEngine;
  let seeded: DemoResult;
  let officer: Principal;
  let countyOfficer: Principal;
  let piplId: string;

  beforeAll(async () => {
    h = await openTestDb();
    seeded = (await seedDemoIfEmpty(h.db, { now: new Date(), passwords: { admin: "a".repeat(12), officer: "o".repeat(12), staff: "s".repeat(12) }, comments: true }))!;
    engine = createPostgresEngine(h.db);
    await reindex(h.db, engine);
    officer = await principalByUsername(h.db, "officer");
    countyOfficer = await addPerson(h.db, "tonglu-officer", "officer", { organizationId: seeded.ids.countyA });
    piplId = seeded.ids.draftId;
  });
  afterAll(() => h?.close());

  it("seeds a few hundred varied comments through intake, each with its outbox message", async () => {
    const [all] = await h.db.select({ n: count(), distinct: sql<number>`count(distinct ${comments.bodyText})::int` }).from(comments);
    expect(all!.n).toBeGreaterThanOrEqual(300);
    expect(all!.distinct / all!.n).toBeGreaterThan(0.8);
    const channels = await h.db.selectDistinct({ c: comments.channel }).from(comments);
    expect(channels.length).toBeGreaterThanOrEqual(6);
    const [{ n: queued } = { n: 0 }] = await h.db.select({ n: count() }).from(outbox).where(eq(outbox.aggregateType, "comment"));
    expect(queued).toBe(all!.n);
  });

  it("finds the comments that say a word, with the word highlighted and names in place of ids", async () => {
    const r = await view(h, engine, officer, "q=延长");
    const [{ n } = { n: 0 }] = await h.db.select({ n: count() }).from(comments)
      .where(or(like(comments.bodyText, "%延长%"), like(comments.proposedText, "%延长%"), like(comments.reason, "%延长%")));
    expect(n).toBeGreaterThan(0);
    expect(r.total).toBe(n);
    expect(r.hits.length).toBe(Math.min(20, n));
    for (const hit of r.hits) {
      expect(hit.snippets.some((s) => s.snippet.some((run) => run.match && run.text.includes("延长")))).toBe(true);
      expect(hit.draftTitle).toMatch(/^中华人民共和国/);
      expect(hit.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const draftFacet = r.facets.draftId!.find((f) => f.value === piplId);
    expect(draftFacet?.label).toBe("中华人民共和国个人信息保护法（演示草案）");
    expect(r.facets.channel!.map((f) => f.label)).toEqual(expect.arrayContaining(["网上"]));
  });

  it("narrows by two facets, counts the rest over the narrowed result and shows them as removable filters", async () => {
    const r = await view(h, engine, officer, `draft=${piplId}&channel=letter`);
    const [{ n } = { n: 0 }] = await h.db.select({ n: count() }).from(comments).where(and(eq(comments.draftId, piplId), eq(comments.channel, "letter")));
    expect(n).toBeGreaterThan(5);
    expect(r.total).toBe(n);
    expect(r.totalIsExact).toBe(true);
    expect(r.active.map((a) => a.label)).toEqual(["中华人民共和国个人信息保护法（演示草案）", "来信"]);
    expect(r.facets.channel).toEqual([{ value: "letter", label: "来信", count: n, selected: true }]);
    const byCategory = r.facets.category!.reduce((s, f) => s + f.count, 0);
    expect(byCategory).toBe(n);
    // Articles of the one draft in view are named as the draft names them.
    expect(r.facets.provisionKey!.length).toBeGreaterThan(0);
    expect(r.facets.provisionKey!.every((f) => /^第.+条$/.test(f.label))).toBe(true);
    expect(r.facets.contactPointId!.length).toBeGreaterThan(0);
    expect(r.facets.contactPointId!.every((f) => f.label.includes("基层立法联系点"))).toBe(true);
  });

  it("finds only comments within a county officer's reach, and drops asked-for organisations outside it", async () => {
    const inCounty = await h.db.select({ id: comments.id }).from(comments)
      .where(inArray(comments.contactPointId, seeded.ids.contactPoints.slice(0, 2)));
    const r = await view(h, engine, countyOfficer, "");
    expect(r.total).toBe(inCounty.length);
    expect(r.total).toBeGreaterThan(0);
    const everything = await view(h, engine, officer, "");
    const [{ n: all } = { n: 0 }] = await h.db.select({ n: count() }).from(comments);
    expect(everything.total).toBe(all);
    expect(everything.total).toBeGreaterThan(r.total);

    const outside = await view(h, engine, countyOfficer, `org=${seeded.ids.countyB}`);
    expect(outside.state.filters.organizationIds).toBeUndefined();
    expect(outside.total).toBe(inCounty.length);
    const [countyB] = await h.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, seeded.ids.countyB));
    expect(outside.active.map((a) => a.label)).not.toContain(countyB!.name);
  });

  it("exports the whole result set, not just a page, as CSV and XLSX without personal data", async () => {
    const s = state(`draft=${piplId}`);
    const page = await view(h, engine, officer, `draft=${piplId}`);
    const exported = await exportComments(h.db, engine, officer, s, "zh-CN");
    if (!exported.ok) throw new Error(exported.error);
    expect(page.total).toBeGreaterThan(100);
    expect(exported.value.rows).toHaveLength(page.total);
    expect(exported.value.capped).toBe(false);
    expect(new Set(exported.value.rows.map((r) => r.receiptCode)).size).toBe(page.total);

    const csvBytes = exportCsv(exported.value, "zh-CN");
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(csvBytes); // the decoder drops the byte-order mark
    const records = csvRecords(text);
    expect(records[0]!.slice(0, 3)).toEqual(["回执编号", "草案", "版本"]);
    expect(records).toHaveLength(page.total + 1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(exported.value, "zh-CN", { query: "", filters: [], generatedAt: "now" })).buffer as ArrayBuffer);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(page.total + 1);

    const people = await h.db.select({ name: commenters.name, phone: commenters.phone }).from(commenters)
      .innerJoin(comments, eq(comments.commenterId, commenters.id)).where(eq(comments.draftId, piplId));
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      expect(text).not.toContain(p.phone!);
      expect(text).not.toContain(p.name!);
    }
  });

  it("caps an export at its maximum and says it was capped", async () => {
    const exported = await exportComments(h.db, engine, officer, state(""), "zh-CN", 150);
    if (!exported.ok) throw new Error(exported.error);
    expect(exported.value.rows).toHaveLength(150);
    expect(exported.value.capped).toBe(true);
    expect(exported.value.total).toBeGreaterThan(150);
  });

  it("answers 'unavailable' when the engine cannot be reached, for the page, the export and the public search", async () => {
    const down = createMeilisearchEngine({ url: "http://127.0.0.1:9", indexPrefix: "test_" });
    expect(await searchComments(h.db, down, officer, state("q=个人信息"), "zh-CN")).toMatchObject({ ok: false, error: "unavailable" });
    expect(await exportComments(h.db, down, officer, state(""), "zh-CN")).toEqual({ ok: false, error: "unavailable" });
    expect(await searchProvisions(h.db, down, readPublicSearch(new URLSearchParams("q=个人信息")), "zh-CN")).toMatchObject({ ok: false, error: "unavailable" });
  });

  it("lets the public find published provisions by words and by article number, linking to the article", async () => {
    const words = await searchProvisions(h.db, engine, readPublicSearch(new URLSearchParams("q=敏感个人信息")), "zh-CN");
    if (!words.ok) throw new Error(words.error);
    expect(words.total).toBeGreaterThan(3);
    expect(words.hits.every((hit) => hit.snippet.some((run) => run.match))).toBe(true);
    expect(words.hits.some((hit) => hit.href === "/drafts/personal-information-protection#art-28")).toBe(true);

    const article = await searchProvisions(h.db, engine, readPublicSearch(new URLSearchParams("q=第28条&draft=personal-information-protection")), "zh-CN");
    if (!article.ok) throw new Error(article.error);
    expect(article.hits[0]).toMatchObject({ label: expect.stringMatching(/^第二十八条/), href: "/drafts/personal-information-protection#art-28" });
    expect(article.hits.every((hit) => hit.href.startsWith("/drafts/personal-information-protection#"))).toBe(true);
  });

  it("keeps a draft nobody has published out of the public search", async () => {
    const [pipl] = await h.db.select({ organizationId: drafts.organizationId }).from(drafts).where(eq(drafts.id, piplId));
    const made = await createDraft(h.db, officer, { title: "未公布的草案", slug: "unpublished-secret", kind: "law", organizationId: pipl!.organizationId });
    if (!made.ok) throw new Error(made.error);
    const version = await importVersion(h.db, officer, { draftId: made.value.id, label: "内部稿", sourceText: "第一条 为了保守独角兽秘密，制定本法。\n第二条 独角兽秘密不得公开。" });
    if (!version.ok) throw new Error(version.error);
    await reindex(h.db, engine, { kind: "provision" });
    const r = await searchProvisions(h.db, engine, readPublicSearch(new URLSearchParams("q=独角兽")), "zh-CN");
    expect(r).toMatchObject({ ok: true, total: 0, hits: [] });
  });
});
