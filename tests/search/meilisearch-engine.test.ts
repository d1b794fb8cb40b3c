/**
 * The Meilisearch adapter, through the real meilisearch client, against a local recording server
 * (no Meilisearch can be installed on CI). Every request the client sends is checked against
 * Meilisearch's official OpenAPI description before it is answered, and every canned answer is
 * checked before it is sent (tests/search/fake-meilisearch.ts); afterEach fails on any violation.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  FACETS, SearchUnavailableError,
  type FacetName, type SearchFilters, type SortOrder,
} from "../../search/engine";
import { createMeilisearchEngine, MeilisearchTaskError } from "../../search/meilisearch-engine";
import { MAX_TOTAL_HITS, wantedSettings } from "../../search/meilisearch-settings";
import { parseQuery } from "../../search/query";
import { FakeMeilisearch, type Recorded } from "./fake-meilisearch";
import { readClause } from "./meilisearch-filter-reader";
import { MeilisearchOpenApi } from "./meilisearch-openapi";
import { commentFixtures, provisionFixtures } from "./fixtures";

const spec = new MeilisearchOpenApi();
const comments = commentFixtures();
const provisions = provisionFixtures();

let fake: FakeMeilisearch;
const engineFor = (prefix = "t_") =>
  createMeilisearchEngine({ url: fake.url, key: "test-key", indexPrefix: prefix, timeoutMs: 2000, taskTimeoutMs: 2000, taskPollMs: 1 });

const searches = (): Recorded[] => fake.requests.filter((r) => r.method === "POST" && r.url.endsWith("/search"));
const lastSearchBody = () => searches().at(-1)!.body as Record<string, unknown>;

beforeAll(async () => {
  fake = await new FakeMeilisearch(spec).start();
});
afterAll(async () => {
  await fake?.close();
});
afterEach(() => {
  // Every exchange of the test was held to the OpenAPI description.
  expect(fake.violations).toEqual([]);
});

describe("the OpenAPI validator", () => {
  it("accepts what Meilisearch accepts", () => {
    expect(spec.checkRequest({ method: "PATCH", url: "/indexes/movies/settings", body: { searchableAttributes: ["title"] } })).toEqual([]);
    expect(spec.checkRequest({ method: "GET", url: "/tasks/12" })).toEqual([]);
    expect(spec.checkRequest({ method: "POST", url: "/indexes/movies/search", body: { q: "x", page: 1, hitsPerPage: 10, showRankingScore: true } })).toEqual([]);
  });

  it("rejects an unknown settings key, an unknown path, a wrong type and an undeclared query parameter", () => {
    expect(spec.checkRequest({ method: "PATCH", url: "/indexes/movies/settings", body: { searchableAttribute: ["title"] } }).join())
      .toMatch(/additional properties.*searchableAttribute/);
    expect(spec.checkRequest({ method: "POST", url: "/indexes/movies/nowhere", body: {} }).join()).toMatch(/no such operation/);
    expect(spec.checkRequest({ method: "PUT", url: "/indexes/movies/settings", body: {} }).join()).toMatch(/no such operation/);
    expect(spec.checkRequest({ method: "POST", url: "/indexes/movies/search", body: { hitsPerPage: "ten" } }).join()).toMatch(/hitsPerPage must be integer/);
    expect(spec.checkRequest({ method: "POST", url: "/indexes/movies/search", body: { matchingStrategy: "most" } }).join()).toMatch(/matchingStrategy/);
    expect(spec.checkRequest({ method: "PATCH", url: "/indexes/movies/settings", body: { typoTolerance: { minWordSizeForTypos: { oneTypo: -1 } } } }).join())
      .toMatch(/oneTypo/);
    expect(spec.checkRequest({ method: "GET", url: "/indexes/movies/stats?verbose=1" }).join()).toMatch(/"verbose" is not declared/);
    expect(spec.checkRequest({ method: "POST", url: "/indexes/movies/documents/delete", body: {} }).join()).toMatch(/filter/);
  });

  it("rejects a response that does not have the declared shape", () => {
    expect(spec.checkResponse("POST", "/indexes", 202, { taskUid: 1, indexUid: "x", status: "queued", type: "indexCreation", enqueuedAt: "2026-01-01T00:00:00Z" }).join())
      .toMatch(/status must be equal to one of the allowed values/);
    expect(spec.checkResponse("GET", "/indexes/x/stats", 200, { numberOfDocuments: 3 }).join()).toMatch(/must have required property/);
    expect(spec.checkResponse("GET", "/health", 500, {}).join()).toMatch(/status not declared/);
    expect(spec.checkResponse("POST", "/indexes/x/search", 200, { hits: [], query: "", processingTimeMs: 1 }).join()).toMatch(/oneOf/);
  });

  it("needs its errata: the description as published rejects the search body the real client sends", async () => {
    await engineFor("errata_").search({ kind: "comment", query: "个人信息" }).catch(() => undefined); // index missing: 404, fine
    fake.violations.length = 0;
    const sent = fake.requests.filter((r) => r.url === "/indexes/errata_comments/search").at(-1)!;
    expect(spec.checkRequest(sent)).toEqual([]);
    const published = new MeilisearchOpenApi({ errata: false });
    expect(published.checkRequest(sent).join()).toMatch(/must have required property 'show_ranking_score'/);
    expect(published.checkRequest({ method: "POST", url: "/indexes/x/documents", body: [] }).join()).toMatch(/csvDelimiter/);
  });

  it("makes the recording server refuse a request the description rejects", async () => {
    const res = await fetch(`${fake.url}/indexes/t_comments/settings`, {
      method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ rankingRule: ["words"] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("bad_request");
    expect(fake.violations.join()).toMatch(/rankingRule/);
    fake.violations.length = 0;
  });
});

describe("ensureReady", () => {
  beforeEach(() => fake.clearLog());

  it("creates both indexes with primary key id and applies the wanted settings the first time", async () => {
    await engineFor().ensureReady();
    expect(fake.calls()).toEqual([
      "GET /indexes/t_comments", "POST /indexes", "GET /indexes/t_comments/settings", "PATCH /indexes/t_comments/settings",
      "GET /indexes/t_provisions", "POST /indexes", "GET /indexes/t_provisions/settings", "PATCH /indexes/t_provisions/settings",
    ]);
    const creates = fake.requests.filter((r) => r.method === "POST" && r.url === "/indexes").map((r) => r.body);
    expect(creates).toEqual([{ uid: "t_comments", primaryKey: "id" }, { uid: "t_provisions", primaryKey: "id" }]);
    const patch = fake.requests.find((r) => r.method === "PATCH" && r.url === "/indexes/t_comments/settings")!.body as Record<string, unknown>;
    expect(patch).toEqual(wantedSettings("comment"));
    expect(patch.searchableAttributes).toEqual(["body", "proposedText", "reason", "searchText"]);
    expect(patch.filterableAttributes).toEqual(expect.arrayContaining([...FACETS, "articleRefs", "articleNumber", "dateNumber", "published", "kind"]));
    expect(patch.sortableAttributes).toEqual(expect.arrayContaining(["createdAtMs", "dateNumber", "ordinal"]));
    expect(patch.faceting).toMatchObject({ maxValuesPerFacet: 50 });
    expect(patch.typoTolerance).toMatchObject({ disableOnNumbers: true, minWordSizeForTypos: { oneTypo: 8 } });
    expect(patch.pagination).toEqual({ maxTotalHits: MAX_TOTAL_HITS });
    // Every task was awaited: each enqueued task uid was polled until it finished.
    const enqueued = fake.requests.filter((r) => r.status === 202).map((r) => (r.response as { taskUid: number }).taskUid);
    expect(enqueued).toHaveLength(4);
    for (const uid of enqueued) expect(fake.requests.some((r) => r.url === `/tasks/${uid}`)).toBe(true);
  });

  it("changes nothing the second time: the settings the server normalised compare equal", async () => {
    // The server sorted the sortable attributes and filled in typo-tolerance defaults.
    expect(fake.indexes.get("t_comments")!.settings.sortableAttributes).toEqual([...wantedSettings("comment").sortableAttributes!].sort());
    await engineFor().ensureReady();
    expect(fake.calls()).toEqual([
      "GET /indexes/t_comments", "GET /indexes/t_comments/settings", "GET /indexes/t_provisions", "GET /indexes/t_provisions/settings",
    ]);
  });

  it("sends only the setting that drifted", async () => {
    const settings = fake.indexes.get("t_provisions")!.settings;
    settings.faceting = { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } };
    await engineFor().ensureReady();
    const patches = fake.requests.filter((r) => r.method === "PATCH");
    expect(patches.map((r) => [r.url, r.body])).toEqual([["/indexes/t_provisions/settings", { faceting: wantedSettings("provision").faceting }]]);
  });

  it("surfaces a failed settings task with Meilisearch's code", async () => {
    fake.indexes.get("t_comments")!.settings.searchableAttributes = ["*"];
    fake.failNextTask({ code: "invalid_settings_searchable_attributes", message: "boom" });
    const error = await engineFor().ensureReady().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskError);
    expect(error).toMatchObject({ code: "invalid_settings_searchable_attributes" });
    expect((error as Error).message).toMatch(/\(settingsUpdate\) failed: invalid_settings_searchable_attributes: boom/);
    await engineFor().ensureReady(); // and succeeds once the server accepts it
  });
});

describe("writing", () => {
  const engine = () => engineFor();
  beforeAll(async () => {
    await engine().ensureReady();
  });
  beforeEach(() => fake.clearLog());

  it("indexes each kind into its own index with the hidden search fields, and counts them", async () => {
    await engine().index([...comments, ...provisions]);
    expect(fake.calls()).toEqual(["POST /indexes/t_comments/documents", "POST /indexes/t_provisions/documents"]);
    const sent = fake.requests[0]!.body as Record<string, unknown>[];
    expect(sent).toHaveLength(comments.length);
    const c05 = sent.find((d) => d.id === "c05")!;
    expect(c05.body).toBe(comments.find((c) => c.id === "c05")!.body); // the original, traditional
    expect(c05.searchText).toMatch(/个人信息处理者/); // folded: 個人資訊處理者
    expect(String(c05.searchText).split(/\s+/)).toContain("个人信息");
    expect(c05).toMatchObject({ dateNumber: 20260306, createdAtMs: Date.parse(comments.find((c) => c.id === "c05")!.createdAt) });
    expect(await engine().count("comment")).toBe(comments.length);
    expect(await engine().count("provision")).toBe(provisions.length);
    expect(fake.calls().slice(-2)).toEqual(["GET /indexes/t_comments/stats", "GET /indexes/t_provisions/stats"]);
  });

  it("removes by id with a quoted id filter; ids not indexed are ignored", async () => {
    await engine().remove("comment", ["c01", 'no"such\\id', "c01"]);
    const req = fake.requests.find((r) => r.url === "/indexes/t_comments/documents/delete")!;
    expect(readClause((req.body as { filter: string }).filter)).toEqual({ attribute: "id", op: "IN", values: ["c01", 'no"such\\id'] });
    expect(await engine().count("comment")).toBe(comments.length - 1);
    await engine().remove("comment", []);
    expect(fake.calls()).not.toContain("POST /indexes/t_comments/documents/delete ");
    await engine().index([comments[0]!]);
  });

  it("clears one kind", async () => {
    await engine().clear("provision");
    expect(fake.calls()).toEqual(["DELETE /indexes/t_provisions/documents"]);
    expect(await engine().count("provision")).toBe(0);
    expect(await engine().count("comment")).toBe(comments.length);
    await engine().index(provisions);
  });

  it("throws the task's error code when indexing fails, and indexes nothing", async () => {
    fake.failNextTask({ code: "invalid_document_id", message: "Document identifier `a b` is invalid." });
    const error = await engine().index([{ ...comments[0]!, id: "a b" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskError);
    expect(error).toMatchObject({ code: "invalid_document_id" });
    expect(String((error as Error).message)).toMatch(/\(documentAdditionOrUpdate\) failed: invalid_document_id/);
    expect(await engine().count("comment")).toBe(comments.length);
  });

  it("counts 0 for an index that does not exist yet, and refuses to search it with index_not_found", async () => {
    const other = engineFor("missing_");
    expect(await other.count("comment")).toBe(0);
    const error = await other.search({ kind: "comment", query: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskError);
    expect(error).toMatchObject({ code: "index_not_found" });
  });
});

describe("search", () => {
  const engine = () => engineFor();
  beforeAll(async () => {
    await engine().ensureReady();
    await engine().clear("comment");
    await engine().index([...comments, ...provisions]);
  });
  beforeEach(() => {
    fake.clearLog();
    fake.onSearch = null;
  });

  it("sends a filter clause for every facet, the article numbers, the date range and published", async () => {
    const filters: SearchFilters = {
      ...Object.fromEntries(FACETS.map((f) => [f, [`${f}-1`, `${f}-2`]])),
      articleNumber: [13, 15], dateFrom: "2026-03-01", dateTo: "2026-03-31", published: true,
    };
    await engine().search({ kind: "comment", query: "", filters });
    const clauses = (lastSearchBody().filter as string[]).map(readClause);
    expect(clauses).toEqual([
      ...FACETS.map((f) => ({ attribute: f, op: "IN", values: [`${f}-1`, `${f}-2`] })),
      { attribute: "articleNumber", op: "IN", values: ["13", "15"] },
      { attribute: "dateNumber", op: ">=", values: ["20260301"] },
      { attribute: "dateNumber", op: "<=", values: ["20260331"] },
      { attribute: "published", op: "=", values: ["true"] },
    ]);
  });

  it("quotes filter values so quotes, backslashes and filter syntax stay inside the value", async () => {
    const nasty = ['a"b', "ends with \\", '\\"', 'x" OR draftId EXISTS OR draftId = "y', "一 AND 二", "line\nbreak", "\\u{41}"];
    await engine().search({ kind: "comment", query: "", filters: { region: nasty } });
    const filter = lastSearchBody().filter as string[];
    expect(filter).toHaveLength(1);
    expect(readClause(filter[0]!)).toEqual({ attribute: "region", op: "IN", values: nasty });
  });

  it("matches nothing for an empty list of values, like the embedded engine", async () => {
    await engine().search({ kind: "comment", query: "", filters: { channel: [] } });
    expect((lastSearchBody().filter as string[]).map(readClause)).toEqual([{ attribute: "channel", op: "IN", values: [] }]);
  });

  it("refuses a malformed date instead of sending it", async () => {
    await expect(engine().search({ kind: "comment", query: "", filters: { dateFrom: "2026-3-1 OR 1" } })).rejects.toThrow(/YYYY-MM-DD/);
    expect(searches()).toHaveLength(0);
  });

  it("sends the folded query terms separated by spaces, and every requested facet", async () => {
    await engine().search({ kind: "comment", query: "個人資訊 ＡＰＰ", facets: ["channel", "organizationIds"] });
    const body = lastSearchBody();
    expect(body.q).toBe(parseQuery("個人資訊 ＡＰＰ").terms.join(" "));
    expect(body.q).toBe("个人信息 app");
    expect(body).toMatchObject({ facets: ["channel", "organizationIds"], matchingStrategy: "all", showRankingScore: true, page: 1, hitsPerPage: 20 });
    expect(body.sort).toBeUndefined(); // relevance: the ranking rules decide
  });

  it.each<[SortOrder | undefined, string, string[] | undefined]>([
    ["newest", "", ["createdAtMs:desc", "id:asc"]],
    ["oldest", "", ["createdAtMs:asc", "id:desc"]],
    ["position", "", ["versionId:asc", "ordinal:asc", "articleNumber:asc", "createdAtMs:asc", "id:asc"]],
    ["relevance", "个人信息", undefined],
    ["relevance", "", ["createdAtMs:desc", "id:asc"]], // no query: relevance means nothing, newest
    [undefined, "", ["createdAtMs:desc", "id:asc"]],
    [undefined, "个人信息", undefined],
  ])("maps sort %s (query %j) to %j", async (sort, query, expected) => {
    await engine().search({ kind: "comment", query, ...(sort ? { sort } : {}) });
    expect(lastSearchBody().sort).toEqual(expected);
  });

  it("browses provisions by position by default", async () => {
    await engine().search({ kind: "provision", query: "" });
    expect(lastSearchBody().sort).toEqual(["versionId:asc", "ordinal:asc", "articleNumber:asc", "createdAtMs:asc", "id:asc"]);
    expect(searches().at(-1)!.url).toBe("/indexes/t_provisions/search");
  });

  it("returns documents exactly as indexed, without the hidden fields", async () => {
    const r = await engine().search({ kind: "comment", query: "", limit: 100 });
    expect(r.hits.map((h) => h.document)).toEqual(comments);
    const p = await engine().search({ kind: "provision", query: "", limit: 100 });
    expect(p.hits.map((h) => h.document)).toEqual(provisions);
  });

  it("asks for pages, so the total is exact; an unaligned offset reads a wider first page and cuts it", async () => {
    const aligned = await engine().search({ kind: "comment", query: "", offset: 10, limit: 5 });
    expect(lastSearchBody()).toMatchObject({ page: 3, hitsPerPage: 5 });
    expect(aligned.hits.map((h) => h.document.id)).toEqual(comments.slice(10, 15).map((c) => c.id));
    expect(aligned).toMatchObject({ total: comments.length, totalIsExact: true });
    const unaligned = await engine().search({ kind: "comment", query: "", offset: 7, limit: 5 });
    expect(lastSearchBody()).toMatchObject({ page: 1, hitsPerPage: 12 });
    expect(unaligned.hits.map((h) => h.document.id)).toEqual(comments.slice(7, 12).map((c) => c.id));
    await engine().search({ kind: "comment", query: "", limit: 1000, offset: -3 });
    expect(lastSearchBody()).toMatchObject({ page: 1, hitsPerPage: 100 });
  });

  it("reports a total at the maxTotalHits cap as an estimate", async () => {
    fake.onSearch = (_uid, body) => ({ hits: [], query: String(body.q), processingTimeMs: 3, hitsPerPage: 20, page: 1, totalPages: 5000, totalHits: MAX_TOTAL_HITS });
    expect(await engine().search({ kind: "comment", query: "个人信息" })).toMatchObject({ total: MAX_TOTAL_HITS, totalIsExact: false });
  });

  it("maps the canned answer: scores from _rankingScore, facets by count descending, highlights from the original text", async () => {
    const c05 = comments.find((c) => c.id === "c05")!;
    const c06 = comments.find((c) => c.id === "c06")!;
    fake.onSearch = (_uid, body) => ({
      hits: [
        { ...c05, searchText: "hidden", dateNumber: 20260306, createdAtMs: 1, _rankingScore: 0.93 },
        { ...c06, searchText: "hidden", dateNumber: 20260307, createdAtMs: 2, _rankingScore: 0.41 },
      ],
      query: String(body.q), processingTimeMs: 2, hitsPerPage: 20, page: 1, totalPages: 1, totalHits: 2,
      facetDistribution: { channel: { email: 1, symposium: 1, online: 0 }, organizationIds: { "org-cn": 2, "org-sh": 1, "org-zj": 1 } },
      facetStats: {},
    });
    const r = await engine().search({ kind: "comment", query: "个人信息", facets: ["organizationIds", "channel", "region"] as FacetName[] });
    expect(r.hits.map((h) => [h.document.id, h.score])).toEqual([["c05", 0.93], ["c06", 0.41]]);
    expect(r.hits[0]!.document).toEqual(c05);
    expect(r.facets).toEqual({
      organizationIds: [{ value: "org-cn", count: 2 }, { value: "org-sh", count: 1 }, { value: "org-zj", count: 1 }],
      channel: [{ value: "email", count: 1 }, { value: "symposium", count: 1 }, { value: "online", count: 0 }],
      region: [],
    });
    const marked = r.hits[0]!.highlights.body!.filter((run) => run.match).map((run) => run.text);
    expect(marked).toContain("個人資訊"); // the traditional original, marked
    expect(Object.keys(r.hits[1]!.highlights)).toEqual(["body", "proposedText"]);
    expect(r.totalIsExact).toBe(true);
  });

  /**
   * Canned answers for an article query: comments filed on article 13 when the last clause is
   * `articleNumber IN [13]`, the others that mention it when it is negated; paged as asked.
   */
  const own = comments.filter((c) => c.articleNumber === 13);
  const mention = comments.filter((c) => c.articleRefs.includes(13) && c.articleNumber !== 13);
  const articleSplit = (_uid: string, body: Record<string, unknown>) => {
    const last = (body.filter as string[]).map(readClause).at(-1)!;
    const docs = last.not ? mention : own;
    const perPage = Number(body.hitsPerPage);
    const page = Number(body.page);
    const hits = docs.map((d, i) => ({ ...d, _rankingScore: 1 - i / 10 })).slice((page - 1) * perPage, page * perPage);
    const channels: Record<string, number> = {};
    for (const d of docs) channels[d.channel] = (channels[d.channel] ?? 0) + 1;
    return {
      hits, query: String(body.q), processingTimeMs: 1, hitsPerPage: perPage, page,
      totalPages: perPage ? Math.ceil(docs.length / perPage) : 0, totalHits: docs.length, facetDistribution: { channel: channels },
    };
  };

  it("puts comments filed on a named article before those that only mention it, with one total and summed facets", async () => {
    expect(own.length).toBeGreaterThan(1);
    expect(mention.length).toBeGreaterThan(0);
    fake.onSearch = articleSplit;
    const r = await engine().search({ kind: "comment", query: "第十三条", facets: ["channel"], limit: 100 });
    const [first, second] = searches().map((s) => (s.body as { filter: string[] }).filter.map(readClause));
    expect(first).toEqual([{ attribute: "articleRefs", op: "IN", values: ["13"] }, { attribute: "articleNumber", op: "IN", values: ["13"] }]);
    expect(second).toEqual([{ attribute: "articleRefs", op: "IN", values: ["13"] }, { not: true, attribute: "articleNumber", op: "IN", values: ["13"] }]);
    expect(r.hits.map((h) => h.document.id)).toEqual([...own, ...mention].map((d) => d.id));
    const scores = r.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(r.total).toBe(own.length + mention.length);
    expect(r.facets.channel!.reduce((n, f) => n + f.count, 0)).toBe(own.length + mention.length);
  });

  it("pages through an article search across both parts without overlap or gaps", async () => {
    fake.onSearch = articleSplit;
    const expected = [...own, ...mention].map((d) => d.id);
    for (const limit of [1, 2, 3]) {
      const paged: string[] = [];
      for (let offset = 0; offset < expected.length + limit; offset += limit) {
        const r = await engine().search({ kind: "comment", query: "13条", offset, limit });
        expect(r.total).toBe(expected.length);
        paged.push(...r.hits.map((h) => h.document.id));
      }
      expect(paged, `limit ${limit}`).toEqual(expected);
    }
  });
});

describe("an engine that is down", () => {
  let down: FakeMeilisearch;
  beforeAll(async () => {
    down = await new FakeMeilisearch(spec).start();
    await down.close();
  });

  it("reports itself unhealthy, and outages as SearchUnavailableError", async () => {
    const engine = createMeilisearchEngine({ url: down.url, timeoutMs: 1000 });
    expect(await engine.health()).toMatchObject({ ok: false, engine: "meilisearch" });
    for (const attempt of [
      () => engine.search({ kind: "comment", query: "个人信息" }),
      () => engine.index(comments.slice(0, 1)),
      () => engine.remove("comment", ["c01"]),
      () => engine.clear("comment"),
      () => engine.count("comment"),
      () => engine.ensureReady(),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(SearchUnavailableError);
    }
  });

  it("reports a healthy server healthy", async () => {
    expect(await engineFor().health()).toEqual({ ok: true, engine: "meilisearch" });
  });
});

describe("waiting and refusing", () => {
  afterEach(() => {
    fake.pollsBeforeDone = 1;
    fake.requireKey = null;
    fake.hang = false;
  });

  it("waits for each task to finish before resolving (the effect is only visible then)", async () => {
    fake.pollsBeforeDone = 3;
    fake.clearLog();
    const doc = { ...comments[0]!, id: "waited" };
    await engineFor().index([doc]);
    const task = (fake.requests[0]!.response as { taskUid: number }).taskUid;
    expect(fake.requests.filter((r) => r.url === `/tasks/${task}`).map((r) => (r.response as { status: string }).status))
      .toEqual(["processing", "processing", "processing", "succeeded"]);
    expect(fake.indexes.get("t_comments")!.docs.has("waited")).toBe(true);
    await engineFor().remove("comment", ["waited"]);
  });

  it("treats a task that does not finish in time as an outage", async () => {
    fake.pollsBeforeDone = Infinity;
    const engine = createMeilisearchEngine({ url: fake.url, indexPrefix: "t_", taskTimeoutMs: 150, taskPollMs: 10 });
    const error = await engine.index([{ ...comments[0]!, id: "stuck" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect(String((error as Error).message)).toMatch(/index/);
  });

  it("treats a refused key (401) as an outage, and sends the key it was given", async () => {
    fake.requireKey = "right-key";
    await expect(engineFor().count("comment")).rejects.toBeInstanceOf(SearchUnavailableError);
    const keyed = createMeilisearchEngine({ url: fake.url, key: "right-key", indexPrefix: "t_" });
    expect(await keyed.count("comment")).toBe(comments.length);
  });

  it("treats a server that does not answer in time as an outage", async () => {
    fake.hang = true;
    const engine = createMeilisearchEngine({ url: fake.url, indexPrefix: "t_", timeoutMs: 150 });
    await expect(engine.search({ kind: "comment", query: "个人信息" })).rejects.toBeInstanceOf(SearchUnavailableError);
    expect((await engine.health()).ok).toBe(false);
  });
});

describe("large writes", () => {
  it("sends batches of 1000, queues them all, then waits for each", async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...comments[1]!, id: `bulk-${i}` }));
    fake.clearLog();
    await engineFor().index(many);
    const order = fake.requests.map((r) => (r.url.startsWith("/tasks/") ? "poll" : `${r.method} ${r.url}`));
    expect(order.slice(0, 3)).toEqual(Array(3).fill("POST /indexes/t_comments/documents"));
    expect(order.slice(3).every((o) => o === "poll")).toBe(true);
    expect((fake.requests.slice(0, 3).map((r) => (r.body as unknown[]).length))).toEqual([1000, 1000, 500]);
    expect(await engineFor().count("comment")).toBe(comments.length + 2500);
    fake.clearLog();
    await engineFor().remove("comment", many.map((d) => d.id));
    expect(fake.calls()).toEqual(Array(3).fill("POST /indexes/t_comments/documents/delete"));
    expect(await engineFor().count("comment")).toBe(comments.length);
  });
});
