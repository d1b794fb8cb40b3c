/**
 * The comparison on the six real version pairs of the corpus.
 *
 * 刑法 2020-12-26 → 2023-12-29 is amended by 修正案（十二） only (laws/中华人民共和国刑法修正案（十二）.txt):
 * points 一–七 rewrite 第一百六十五条, 第一百六十六条, 第一百六十九条 (a second paragraph each),
 * 第三百八十七条 (first paragraph), 第三百九十条, 第三百九十一条 (first paragraph) and 第三百九十三条;
 * point 八 is its own commencement. No article is added, deleted or renumbered, so the expected
 * counts are exact: 505 articles + 2 annexes = 507 clauses, 7 modified, 500 unchanged. (A diff of
 * the two files shows nothing else in the body.)
 *
 * 立法法 2015 (105 articles) → 2023 (120): the 2023 决定 inserts articles, so every article after
 * 第三条 is renumbered; none is dropped. Exact: 第一条/第二条 unchanged, 第三条 rewritten (its
 * second half became the new 第四条), 102 moved, 15 added (120 − 105), 0 deleted.
 *
 * The complete revisions (公司法, 行政复议法, 渔业法) and the three amendments of the Shanghai
 * regulation have no independent list of changes here: they are checked against bounds around the
 * counts found (recorded in FOUND) after reading the matched pairs.
 */
import { describe, expect, it } from "vitest";
import { clauseUnits } from "../../app/drafts/compare/clause-units";
import { compareLaws, type Comparison } from "../../app/drafts/compare/comparison";
import { matchArticles } from "../../app/drafts/compare/match-articles";
import { flattenProvisions } from "../../app/drafts/flatten";
import { corpusPresent, readCorpusLaw, readPair, VERSION_PAIRS, type PairName } from "./compare-corpus-files";
import { expectComparisonInvariants, expectMatchInvariants } from "./compare-invariants";

/** Counts found with the default thresholds (exact for 刑法 and 立法法; bounds around them for the others). */
const FOUND: Record<PairName, Comparison["summary"]> = {
  刑法: { unchanged: 500, modified: 7, added: 0, deleted: 0, moved: 0 },
  立法法: { unchanged: 2, modified: 1, added: 15, deleted: 0, moved: 102 },
  公司法: { unchanged: 0, modified: 4, added: 76, deleted: 28, moved: 186 },
  行政复议法: { unchanged: 0, modified: 2, added: 53, deleted: 6, moved: 35 },
  渔业法: { unchanged: 0, modified: 4, added: 48, deleted: 8, moved: 38 },
  上海市优化营商环境条例: { unchanged: 5, modified: 17, added: 17, deleted: 0, moved: 58 },
};

/** Clauses (articles + annexes) per version: [old, new]. */
const CLAUSES: Record<PairName, [number, number]> = {
  刑法: [507, 507], 立法法: [105, 120], 公司法: [218, 266], 行政复议法: [43, 90], 渔业法: [50, 90], 上海市优化营商环境条例: [80, 97],
};

const matched = (s: Comparison["summary"]) => s.unchanged + s.modified + s.moved;

describe.skipIf(!corpusPresent)("comparison of the corpus version pairs", () => {
  const comparisons = new Map<PairName, Comparison>();
  const get = (name: PairName) => {
    let c = comparisons.get(name);
    if (!c) {
      c = compareLaws(...readPair(name));
      comparisons.set(name, c);
    }
    return c;
  };

  it.each(Object.keys(VERSION_PAIRS) as PairName[])("%s: every clause accounted for exactly once", (name) => {
    const [oldLaw, newLaw] = readPair(name);
    const oldUnits = clauseUnits(flattenProvisions(oldLaw));
    const newUnits = clauseUnits(flattenProvisions(newLaw));
    expect([oldUnits.length, newUnits.length]).toEqual(CLAUSES[name]);
    expectMatchInvariants(matchArticles(oldUnits, newUnits), oldUnits.length, newUnits.length);
    const comparison = get(name);
    expectComparisonInvariants(comparison, oldUnits.length, newUnits.length);
    // relations name real clauses and explain at least one added (split) or deleted (merged) clause
    const status = new Map(comparison.rows.flatMap((r) => [...(r.old ? [[`o:${r.old.key}`, r.status]] : []), ...(r.new ? [[`n:${r.new.key}`, r.status]] : [])] as [string, string][]));
    for (const rel of comparison.relations) {
      if (rel.kind === "split") expect(rel.new.some((k) => status.get(`n:${k}`) === "added")).toBe(true);
      else expect(rel.old.some((k) => status.get(`o:${k}`) === "deleted")).toBe(true);
      for (const k of rel.old) expect(status.has(`o:${k}`)).toBe(true);
      for (const k of rel.new) expect(status.has(`n:${k}`)).toBe(true);
    }
  });

  it("刑法: exactly the seven articles of 修正案（十二）, nothing else", () => {
    const c = get("刑法");
    expect(c.summary).toEqual(FOUND.刑法);
    expect(c.rows.filter((r) => r.status === "modified").map((r) => r.new?.label)).toEqual([
      "第一百六十五条", "第一百六十六条", "第一百六十九条", "第三百八十七条", "第三百九十条", "第三百九十一条", "第三百九十三条",
    ]);
    const art390 = c.rows.find((r) => r.new?.label === "第三百九十条");
    expect(art390?.segments?.filter((s) => s.op === "insert").map((s) => s.text)).toContain("调查突破、");
    expect(c.relations).toEqual([]);
  });

  it("立法法: inserted articles and everything after them renumbered", () => {
    const c = get("立法法");
    expect(c.summary).toEqual(FOUND.立法法);
    const pair = (oldLabel: string) => c.rows.find((r) => r.old?.label === oldLabel);
    expect(pair("第十三条")?.new?.label).toBe("第十六条");
    expect(pair("第一百零五条")).toMatchObject({ status: "moved", new: { label: "第一百二十条" }, note: "原第一百零五条，序号调整，内容未修改" });
    expect(c.rows.find((r) => r.new?.text.includes("基层立法联系点") && r.new.label === "第七十条")?.status).toBe("added");
    expect(c.relations).toContainEqual({ kind: "split", old: ["art-72"], new: ["art-80", "art-81"] });
  });

  it.each(["公司法", "行政复议法", "渔业法", "上海市优化营商环境条例"] as const)("%s: plausible counts for a revision", (name) => {
    const s = get(name).summary;
    const found = FOUND[name];
    const [oldCount] = CLAUSES[name];
    // most old articles are found again; the counts stay near what was checked by reading
    expect(matched(s)).toBeGreaterThanOrEqual(Math.floor(oldCount * 0.75));
    expect(Math.abs(matched(s) - matched(found))).toBeLessThanOrEqual(Math.ceil(oldCount * 0.05));
    expect(Math.abs(s.deleted - found.deleted)).toBeLessThanOrEqual(Math.ceil(oldCount * 0.05));
  });

  it("民法典 against itself: 1,260 articles unchanged", () => {
    const law = readCorpusLaw("laws/中华人民共和国民法典.md");
    const c = compareLaws(law, law);
    expect(c.summary).toEqual({ unchanged: 1260, modified: 0, added: 0, deleted: 0, moved: 0 });
  });
});
