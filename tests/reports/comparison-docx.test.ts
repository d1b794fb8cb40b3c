/**
 * The .docx comparison table (条文对照表).
 */
import { describe, expect, it } from "vitest";
import { compareLaws, compareLawTexts } from "../../app/drafts/compare/comparison";
import { comparisonDocx, comparisonTableRows } from "../../app/reports/comparison-docx.server";
import { NEW_LAW, OLD_LAW } from "../drafts/compare-fixtures";
import { corpusPresent, readPair } from "../drafts/compare-corpus-files";
import { zipEntry } from "./zip-entry";

const meta = { title: "测试法修改前后对照表", oldLabel: "2020年文本", newLabel: "2025年文本" };

/** Runs of document.xml as { props, text }. */
function runs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?(?:<w:t[^>]*>(.*?)<\/w:t>)?<\/w:r>/g)].map((m) => ({ props: m[1] ?? "", text: m[2] ?? "" }));
}

async function documentXml(buffer: Buffer): Promise<string> {
  const xml = zipEntry(buffer, "word/document.xml");
  expect(xml).not.toBeNull();
  return xml!.toString("utf8");
}

describe("comparisonDocx on the invented law", () => {
  const comparison = compareLawTexts(OLD_LAW, NEW_LAW);

  it("has a header row and one row per clause", () => {
    expect(comparisonTableRows(comparison)).toHaveLength(1 + 11);
    expect(comparisonTableRows(comparison, { includeUnchanged: false })).toHaveLength(1 + 10);
  });

  it("strikes deleted text, underlines and bolds inserted text, and writes the remarks", async () => {
    const buffer = await comparisonDocx(comparison, meta);
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    const xml = await documentXml(buffer);
    expect(xml.match(/<w:tr>/g)).toHaveLength(12);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    const all = runs(xml);
    const run = (text: string) => all.find((r) => r.text === text);
    expect(run("测试人员应当遵守职业道德，诚实守信。")?.props).toContain("<w:strike/>"); // deleted 第三条
    expect(run("和硬件")?.props).toMatch(/<w:b\/>.*<w:u w:val="single"\/>/); // inserted in 第二条
    expect(run("2020")?.props).toContain("<w:strike/>");
    expect(run("2025")?.props).toContain("<w:u w:val=\"single\"/>");
    expect(run("本法所称测试，是指对软件")?.props).not.toMatch(/strike|<w:u /);
    expect(all.some((r) => r.text === "（删除；内容并入第八条）")).toBe(true);
    expect(all.some((r) => r.text === "（原第四条，序号调整，内容未修改）")).toBe(true);
    expect(run("原条文")?.props).toContain('w:eastAsia="黑体"');
    expect(run("第二条　")?.props).toContain('w:eastAsia="黑体"');
    expect(run("和硬件")?.props).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });
});

describe.skipIf(!corpusPresent)("comparisonDocx on 刑法 2020 → 2023", () => {
  const comparison = compareLaws(...readPair("刑法"));
  const criminalMeta = { title: "中华人民共和国刑法修改前后对照表", oldLabel: "2020年12月26日文本", newLabel: "2023年12月29日文本" };

  it("builds one table row per clause, or per changed clause", () => {
    expect(comparisonTableRows(comparison)).toHaveLength(1 + 507);
    expect(comparisonTableRows(comparison, { includeUnchanged: false })).toHaveLength(1 + 7);
  });

  it("packs to a .docx whose table has the expected rows and marks", async () => {
    const buffer = await comparisonDocx(comparison, criminalMeta, { includeUnchanged: false });
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(buffer.length).toBeGreaterThan(5 * 1024);
    const xml = await documentXml(buffer);
    expect(xml.match(/<w:tr>/g)).toHaveLength(8);
    const inserted = runs(xml).find((r) => r.text === "调查突破、");
    expect(inserted?.props).toMatch(/<w:b\/>.*<w:u w:val="single"\/>/);
    expect(runs(xml).find((r) => r.text === "经理")?.props).toContain("<w:strike/>");
    expect(xml).toContain("修改7条，新增0条，删除0条，调整位置或序号0条，未修改500条。");
  });

  it("packs the full table", async () => {
    const buffer = await comparisonDocx(comparison, criminalMeta);
    const xml = await documentXml(buffer);
    expect(xml.match(/<w:tr>/g)).toHaveLength(508);
    expect(buffer.length).toBeGreaterThan(50 * 1024);
  });
});
