/**
 * The behaviour every search engine owes the app, held against the contract only (no SQL, no
 * engine internals), so the same suite runs on the embedded PostgreSQL engine and on a live
 * Meilisearch. Indexing is awaited through the contract: engine.index resolves once searchable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FACETS, MAX_LIMIT,
  type CommentDocument, type FacetName, type SearchDocument, type SearchEngine, type SearchFilters, type SearchRequest,
} from "../../search/engine";
import { parseQuery } from "../../search/query";
import { prepareText } from "../../search/tokenize";
import { commentFixtures, DRAFT_ELDER, DRAFT_PIPL, provisionFixtures, V_PIPL_1, V_PIPL_2 } from "./fixtures";

type Setup = () => Promise<{ engine: SearchEngine; cleanup: () => Promise<void> }>;

const ids = (r: { hits: { document: { id: string } }[] }) => r.hits.map((h) => h.document.id);
const sorted = (xs: string[]) => [...xs].sort();

/** Brute-force facet counts over fixture comments (the value each comment carries for a facet). */
function facetValues(doc: CommentDocument, facet: FacetName): string[] {
  const v = (doc as unknown as Record<string, unknown>)[facet];
  if (Array.isArray(v)) return v as string[];
  return v === null || v === undefined ? [] : [String(v)];
}

function bruteFacet(docs: CommentDocument[], facet: FacetName) {
  const counts = new Map<string, number>();
  for (const d of docs) for (const v of new Set(facetValues(d, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** Same counts, order among equal counts ignored (engines may break ties differently). */
function normalizeFacet(list: { value: string; count: number }[] | undefined) {
  return [...(list ?? [])].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

export function describeEngineContract(label: string, setup: Setup): void {
  describe(`search engine contract: ${label}`, () => {
    let engine: SearchEngine;
    let cleanup: () => Promise<void>;
    const comments = commentFixtures();
    const provisions = provisionFixtures();
    const search = <K extends "comment" | "provision">(req: SearchRequest & { kind: K }) => engine.search(req);
    const all = (query: string, filters: SearchFilters = {}, extra: Partial<SearchRequest> = {}) =>
      search({ kind: "comment", query, filters, limit: MAX_LIMIT, ...extra });

    beforeAll(async () => {
      ({ engine, cleanup } = await setup());
      await engine.ensureReady();
      await engine.ensureReady(); // idempotent
      await engine.clear("comment");
      await engine.clear("provision");
      await engine.index([...comments, ...provisions]);
    });
    afterAll(async () => {
      await cleanup?.();
    });

    describe("indexing", () => {
      it("counts what was indexed, per kind", async () => {
        expect(await engine.count("comment")).toBe(comments.length);
        expect(await engine.count("provision")).toBe(provisions.length);
      });

      it("returns documents exactly as indexed", async () => {
        const r = await all("", { draftId: [DRAFT_PIPL] });
        const byId = new Map(r.hits.map((h) => [h.document.id, h.document]));
        for (const c of comments.filter((d) => d.draftId === DRAFT_PIPL)) expect(byId.get(c.id)).toEqual(c);
      });

      it("replaces a document on re-index: the new text is found, the old text no longer", async () => {
        const doc: CommentDocument = { ...comments[0]!, id: "scratch-1", body: "建议规定人脸识别设备的安装审批程序。", proposedText: null, reason: null };
        await engine.index([doc]);
        expect(ids(await all("人脸识别", { draftId: [DRAFT_PIPL] }))).toContain("scratch-1");
        await engine.index([{ ...doc, body: "建议明确无人机航拍的管理部门。" }]);
        expect(ids(await all("人脸识别"))).not.toContain("scratch-1");
        expect(ids(await all("无人机"))).toEqual(["scratch-1"]);
        expect(await engine.count("comment")).toBe(comments.length + 1);
        await engine.remove("comment", ["scratch-1", "never-indexed"]);
        expect(ids(await all("无人机"))).toEqual([]);
        expect(await engine.count("comment")).toBe(comments.length);
      });

      it("removes only the kind asked for", async () => {
        const p = { ...provisions[0]!, id: "scratch-p" };
        const c = { ...comments[1]!, id: "scratch-p" };
        await engine.index([p, c]);
        await engine.remove("comment", ["scratch-p"]);
        expect(await engine.count("comment")).toBe(comments.length);
        expect(await engine.count("provision")).toBe(provisions.length + 1);
        await engine.remove("provision", ["scratch-p"]);
        expect(await engine.count("provision")).toBe(provisions.length);
      });

      it("reports itself healthy", async () => {
        expect(await engine.health()).toMatchObject({ ok: true, engine: engine.name });
      });
    });

    describe("filters", () => {
      const expectIds = async (filters: SearchFilters, predicate: (d: CommentDocument) => boolean) => {
        const r = await all("", filters);
        const expected = comments.filter(predicate).map((d) => d.id);
        expect(expected.length).toBeGreaterThan(0);
        expect(sorted(ids(r))).toEqual(sorted(expected));
        expect(r.total).toBe(expected.length);
        expect(r.totalIsExact).toBe(true);
      };

      it("narrows by every facet field, any of the given values", async () => {
        for (const facet of FACETS) {
          const values = [...new Set(comments.flatMap((d) => facetValues(d, facet)))].sort();
          const pick = values.slice(0, 2);
          await expectIds({ [facet]: pick }, (d) => facetValues(d, facet).some((v) => pick.includes(v)));
        }
      });

      it("applies filters on different fields together", async () => {
        await expectIds({ draftId: [DRAFT_PIPL], channel: ["online"], category: ["resident"] },
          (d) => d.draftId === DRAFT_PIPL && d.channel === "online" && d.category === "resident");
      });

      it("narrows by an organisation anywhere on the path (a province finds its counties)", async () => {
        await expectIds({ organizationIds: ["org-sh"] }, (d) => d.organizationIds.includes("org-sh"));
      });

      it("narrows by article number and by an inclusive date range", async () => {
        await expectIds({ articleNumber: [13, 15] }, (d) => d.articleNumber === 13 || d.articleNumber === 15);
        await expectIds({ dateFrom: "2026-03-05", dateTo: "2026-03-09" }, (d) => d.date >= "2026-03-05" && d.date <= "2026-03-09");
      });

      it("finds nothing for a value no document has", async () => {
        const r = await all("", { region: ["999999"] });
        expect(r.hits).toEqual([]);
        expect(r.total).toBe(0);
      });

      it("restricts provisions to published versions", async () => {
        const r = await search({ kind: "provision", query: "", filters: { published: true }, limit: MAX_LIMIT });
        expect(r.total).toBe(provisions.filter((p) => p.published).length);
        expect(r.hits).toHaveLength(r.total);
        expect(r.total).toBeGreaterThan(0);
        expect(r.hits.every((h) => h.document.published && h.document.versionId === V_PIPL_1)).toBe(true);
      });
    });

    describe("facets", () => {
      it("counts every facet over the whole filtered result, like a brute-force count", async () => {
        const filters: SearchFilters = { draftId: [DRAFT_PIPL], moderation: ["approved"] };
        const r = await search({ kind: "comment", query: "", filters, facets: [...FACETS], limit: 1 });
        const matching = comments.filter((d) => d.draftId === DRAFT_PIPL && d.moderation === "approved");
        expect(r.total).toBe(matching.length);
        for (const facet of FACETS) expect(normalizeFacet(r.facets[facet])).toEqual(bruteFacet(matching, facet));
      });

      it("counts facets of a text query's matches, descending", async () => {
        const r = await search({ kind: "comment", query: "个人信息", facets: ["contactPointId", "organizationIds", "channel"], limit: 1 });
        const matching = comments.filter((d) => [d.body, d.proposedText, d.reason].some((t) => t && prepareText(t).includes("个人信息")));
        expect(r.total).toBe(matching.length);
        for (const facet of ["contactPointId", "organizationIds", "channel"] as const) {
          const counts = r.facets[facet]!.map((f) => f.count);
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
          expect(normalizeFacet(r.facets[facet])).toEqual(bruteFacet(matching, facet));
        }
      });
    });

    describe("sorting and paging", () => {
      it("sorts by entry time, newest and oldest first", async () => {
        const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((d) => d.id);
        expect(ids(await all("", {}, { sort: "oldest" }))).toEqual(byTime);
        expect(ids(await all("", {}, { sort: "newest" }))).toEqual([...byTime].reverse());
        expect(ids(await all(""))).toEqual([...byTime].reverse()); // browse default
      });

      it("sorts provisions by their position in the version", async () => {
        const r = await search({ kind: "provision", query: "", filters: { versionId: [V_PIPL_2] }, limit: MAX_LIMIT });
        expect(r.hits.map((h) => h.document.ordinal)).toEqual(provisions.filter((p) => p.versionId === V_PIPL_2).map((p) => p.ordinal));
      });

      it("ranks by relevance with a query, best first", async () => {
        const r = await all("个人信息");
        const scores = r.hits.map((h) => h.score);
        expect(scores.length).toBeGreaterThan(1);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });

      it("pages without overlap or gaps, in a stable order", async () => {
        for (const sort of ["newest", "relevance"] as const) {
          const full = ids(await all("个人信息", {}, { sort }));
          expect(full.length).toBeGreaterThan(6);
          const paged: string[] = [];
          for (let offset = 0; offset < full.length + 3; offset += 3) {
            paged.push(...ids(await search({ kind: "comment", query: "个人信息", sort, offset, limit: 3 })));
          }
          expect(paged).toEqual(full);
        }
      });

      it("clamps the limit to 1…100 and defaults to 20", async () => {
        expect((await search({ kind: "comment", query: "", limit: 0 })).hits).toHaveLength(1);
        expect((await search({ kind: "comment", query: "", limit: -5 })).hits).toHaveLength(1);
        expect((await search({ kind: "comment", query: "" })).hits).toHaveLength(Math.min(20, comments.length));
        const r = await search({ kind: "comment", query: "", limit: 1000 });
        expect(r.hits.length).toBe(Math.min(MAX_LIMIT, comments.length));
      });

      it("returns an empty page past the end, with the total", async () => {
        const r = await search({ kind: "comment", query: "", offset: 500 });
        expect(r.hits).toEqual([]);
        expect(r.total).toBe(comments.length);
      });
    });

    describe("Chinese text", () => {
      it("finds a comment by a word in its body, proposed wording or reason", async () => {
        expect(ids(await all("新闻报道"))).toEqual(["c01"]);
        expect(ids(await all("必要的范围"))).toContain("c01"); // proposed wording
        expect(ids(await all("合规成本"))).toEqual(["c09"]); // reason
      });

      it("needs every word of the query (AND)", async () => {
        expect(ids(await all("撤回同意 删除"))).toEqual(["c06"]);
        expect(ids(await all("撤回同意 无人机"))).toEqual([]);
      });

      it("finds article references in every form: 第十三条, 第13条, 13条, 第１３条", async () => {
        const expected = sorted(comments.filter((d) => d.articleRefs.includes(13)).map((d) => d.id));
        expect(expected).toEqual(["c01", "c02", "c03", "c14"]);
        for (const q of ["第十三条", "第13条", "13条", "第１３条"]) {
          expect(sorted(ids(await all(q))), q).toEqual(expected);
        }
      });

      it("ranks comments filed on the article above those that only mention it", async () => {
        const r = ids(await all("第十三条"));
        expect(r.indexOf("c03")).toBeGreaterThan(Math.max(r.indexOf("c01"), r.indexOf("c02"), r.indexOf("c14")));
      });

      it("combines an article reference with words", async () => {
        expect(ids(await all("第十二条 收费", { draftId: [DRAFT_ELDER] }))).toEqual(expect.arrayContaining(["e01", "e02"]));
        expect(ids(await all("第十二条 收费"))).not.toContain("e04");
      });

      it("finds simplified text with a traditional query, and traditional text with a simplified one", async () => {
        const trad = ids(await all("個人資訊"));
        expect(trad).toEqual(expect.arrayContaining(["c01", "c04", "c06", "c05"]));
        expect(ids(await all("撤回同意"))).toEqual(expect.arrayContaining(["c05", "c06"]));
      });

      it("finds full-width letters with half-width ones and the reverse, in any case", async () => {
        expect(sorted(ids(await all("ＡＰＰ")))).toEqual(["c04", "c11"]);
        expect(sorted(ids(await all("app")))).toEqual(["c04", "c11"]);
      });

      it("finds English words and numbers", async () => {
        expect(ids(await all("GDPR"))).toEqual(["c09"]);
        expect(ids(await all("gdpr 行踪轨迹"))).toEqual(["c09"]);
        expect(ids(await all("72小时"))).toEqual(["c11"]);
        expect(ids(await all("14周岁"))).toEqual(["c08"]);
      });

      it("finds a compound legal term by its parts (search-mode indexing)", async () => {
        const withCompound = sorted(comments.filter((d) => [d.body, d.proposedText].some((t) => t && prepareText(t).includes("个人信息处理者"))).map((d) => d.id));
        expect(withCompound).toEqual(["c01", "c05", "c06"]);
        expect(sorted(ids(await all("个人信息处理者")))).toEqual(withCompound);
        // Search mode indexes the dictionary words inside the compound (个人信息, 信息处理,
        // 个人信息处理, and 处理者, a dictionary word so that the short form finds the long one).
        for (const part of ["个人信息", "信息处理", "个人信息处理", "处理者"]) {
          expect(ids(await all(part)), part).toEqual(expect.arrayContaining(withCompound));
        }
      });

      it("searches provisions: the draft's own text and headings", async () => {
        const r = await search({ kind: "provision", query: "撤回同意", filters: { versionId: [V_PIPL_1] } });
        expect(r.hits.map((h) => h.document.id)).toEqual(expect.arrayContaining(["v-pipl-1-art-15", "v-pipl-1-art-47"]));
        expect(r.hits[0]!.document.id).toBe("v-pipl-1-art-15"); // its heading says so too
        const v2 = await search({ kind: "provision", query: "合理的范围", filters: { draftId: [DRAFT_PIPL] } });
        expect(v2.hits.map((h) => h.document.id)).not.toContain("v-pipl-2-art-13");
      });

      it("treats a query of punctuation only as no query", async () => {
        const r = await all("，。！？", { draftId: [DRAFT_ELDER] });
        expect(sorted(ids(r))).toEqual(sorted(comments.filter((d) => d.draftId === DRAFT_ELDER).map((d) => d.id)));
      });
    });

    describe("highlights", () => {
      it("marks the matched words, and only them, in the fields that matched", async () => {
        const r = await all("撤回同意 删除");
        const hit = r.hits.find((h) => h.document.id === "c06")!;
        expect(Object.keys(hit.highlights).sort()).toEqual(["body", "proposedText"]);
        for (const field of ["body", "proposedText"] as const) {
          const runs = hit.highlights[field]!;
          const marked = runs.filter((s) => s.match).map((s) => s.text);
          expect(marked.length).toBeGreaterThan(0);
          const terms = parseQuery("撤回同意 删除").terms;
          for (const m of marked) expect(madeOfTerms(m, terms), `${m} is not made of ${terms.join("/")}`).toBe(true);
          const original = (hit.document as CommentDocument)[field]!;
          expect(original).toContain(runs.map((s) => s.text).join("").replace(/^…|…$/g, ""));
        }
      });

      it("marks the original characters of a traditional-script comment", async () => {
        const hit = (await all("个人信息")).hits.find((h) => h.document.id === "c05")!;
        const marked = hit.highlights.body!.filter((s) => s.match).map((s) => s.text);
        expect(marked.join("")).toContain("個人資訊");
      });

      it("has no highlights when there is no query", async () => {
        const r = await all("", { draftId: [DRAFT_PIPL] });
        expect(r.hits.length).toBeGreaterThan(0);
        expect(r.hits.every((h) => Object.keys(h.highlights).length === 0)).toBe(true);
      });
    });

    describe("clearing", () => {
      it("clears one kind and leaves the other", async () => {
        await engine.clear("comment");
        expect(await engine.count("comment")).toBe(0);
        expect(await engine.count("provision")).toBe(provisions.length);
        expect((await all("个人信息")).hits).toEqual([]);
        await engine.index(comments as SearchDocument[]);
        expect(await engine.count("comment")).toBe(comments.length);
      });
    });
  });
}

/** Whether a marked run is made of query terms only (adjacent matches may be one run). */
function madeOfTerms(text: string, terms: string[]): boolean {
  const folded = prepareText(text);
  const ok = (from: number): boolean => from === folded.length || terms.some((t) => folded.startsWith(t, from) && ok(from + t.length));
  return ok(0);
}
