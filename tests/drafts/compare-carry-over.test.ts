/**
 * carryOverKeys: stable keys follow their clause into the next version, so that comments do too.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { carryOverKeys } from "../../app/drafts/compare/carry-over-keys";
import { flattenProvisions, type ProvisionRow } from "../../app/drafts/flatten";
import { parseLaw } from "../../app/drafts/parse";
import { corpusDir, corpusPresent, readCorpusLaw, readPair } from "./compare-corpus-files";
import { NEW_LAW, OLD_LAW } from "./compare-fixtures";

const rowsOf = (text: string) => flattenProvisions(parseLaw(text, { fileName: "测试法.txt" }));
const keyOf = (rows: readonly ProvisionRow[], label: string, kind = "article") => rows.find((r) => r.kind === kind && r.label === label)?.stableKey;

function expectUniqueAndFresh(result: readonly ProvisionRow[], previous: readonly ProvisionRow[], used: ReadonlySet<string>) {
  const keys = result.map((r) => r.stableKey);
  expect(new Set(keys).size).toBe(keys.length);
  // a key is either carried from the previous version (or re-derived under a carried clause), or never used
  const carried = new Set(previous.map((r) => r.stableKey));
  for (const row of result) {
    const underCarried = [...carried].some((k) => row.stableKey.startsWith(`${k}.`));
    if (!carried.has(row.stableKey) && !underCarried) expect(used.has(row.stableKey)).toBe(false);
  }
}

describe("carryOverKeys on the invented law", () => {
  const previous = rowsOf(OLD_LAW);
  const used = new Set([...previous.map((r) => r.stableKey), "art-9", "art-3~v2"]);
  const result = carryOverKeys(previous, rowsOf(NEW_LAW), used);

  it("keeps the key of a renumbered article, and re-derives its paragraphs under it", () => {
    expect(keyOf(result, "第五条")).toBe("art-4");
    const article = result.find((r) => r.stableKey === "art-4")!;
    expect(result.filter((r) => r.parentOrdinal === article.ordinal).map((r) => r.stableKey)).toEqual(["art-4.para-1"]);
    expect(keyOf(result, "第一条")).toBe("art-1");
    expect(keyOf(result, "第二条")).toBe("art-2");
    expect(keyOf(result, "第六条")).toBe("art-5"); // the larger half of the split article
    expect(keyOf(result, "第八条")).toBe("art-6"); // the merged article
    expect(keyOf(result, "第九条")).toBe("art-8");
  });

  it("gives new articles keys that nothing ever used", () => {
    expect(keyOf(result, "第三条")).toBe("art-3~v3"); // art-3 was the deleted article, art-3~v2 was used before
    expect(keyOf(result, "第四条")).toBe("art-4~v2"); // art-4 now names the renumbered 第五条
    expect(keyOf(result, "第七条")).toBe("art-7~v2"); // art-7 was merged away
    expect(result.find((r) => r.stableKey === "art-3~v3.para-1")).toBeDefined();
    expectUniqueAndFresh(result, previous, used);
  });

  it("keeps chapter keys by heading", () => {
    expect(keyOf(result, "第一章", "chapter")).toBe("chp-1");
    expect(keyOf(result, "第三章", "chapter")).toBe("chp-2"); // 法律责任, formerly 第二章
    expect(keyOf(result, "第二章", "chapter")).toBe("chp-2~v2"); // 测试报告, new
  });

  it("keeps everything else of the row as flattened", () => {
    const next = rowsOf(NEW_LAW);
    expect(result.map(({ stableKey: _key, ...rest }) => rest)).toEqual(next.map(({ stableKey: _key, ...rest }) => rest));
  });

  it("stays unique along a chain of versions", () => {
    const all = new Set(used);
    let rows = previous;
    for (const text of [NEW_LAW, OLD_LAW, NEW_LAW]) {
      const next = carryOverKeys(rows, rowsOf(text), all);
      expectUniqueAndFresh(next, rows, all);
      for (const r of next) all.add(r.stableKey);
      rows = next;
    }
  });
});

describe.skipIf(!corpusPresent)("carryOverKeys on the corpus", () => {
  it("立法法 2015 → 2023: renumbered articles keep their 2015 keys", () => {
    const [oldLaw, newLaw] = readPair("立法法");
    const previous = flattenProvisions(oldLaw);
    const used = new Set(previous.map((r) => r.stableKey));
    const result = carryOverKeys(previous, flattenProvisions(newLaw), used);
    expect(keyOf(result, "第十六条")).toBe("art-13");
    expect(keyOf(result, "第一百二十条")).toBe("art-105");
    expect(keyOf(result, "第七十条")).toBe("art-70~v2"); // 基层立法联系点, new; art-70 is the 2015 article 70
    expect(result.find((r) => r.stableKey === "art-105.para-1")?.text).toContain("本法自2000年7月1日起施行");
    expect(result.filter((r) => r.kind === "article" && used.has(r.stableKey))).toHaveLength(105);
    expectUniqueAndFresh(result, previous, used);
  });

  it("刑法 2020 → 2023: nothing renumbered, so every key stays as flattened", () => {
    const [oldLaw, newLaw] = readPair("刑法");
    const previous = flattenProvisions(oldLaw);
    const next = flattenProvisions(newLaw);
    const result = carryOverKeys(previous, next, new Set(previous.map((r) => r.stableKey)));
    expect(result.map((r) => r.stableKey)).toEqual(next.map((r) => r.stableKey));
  });

  it("a version carried over to itself keeps all its keys (every law of the corpus)", () => {
    for (const file of readdirSync(path.join(corpusDir, "laws"))) {
      const rows = flattenProvisions(readCorpusLaw(`laws/${file}`));
      const result = carryOverKeys(rows, rows, new Set(rows.map((r) => r.stableKey)));
      expect(result.map((r) => r.stableKey), file).toEqual(rows.map((r) => r.stableKey));
    }
  });
});
