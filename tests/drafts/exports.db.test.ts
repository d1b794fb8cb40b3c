/**
 * What is derived from stored published versions: the comparison table between two versions of
 * 立法法 (the same as comparing the two texts directly) and the Akoma Ntoso export, valid against
 * the OASIS schema.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareLawTexts } from "~/drafts/compare/comparison";
import { compareVersions, parseRange, versionAkomaNtoso } from "~/drafts/version-exports.server";
import { importVersion, publishVersion } from "~/drafts/versions.server";
import { contractsDir, corpusPresent, corpusText, LIFA_2015, LIFA_2023, nationalDraft, openDraftsDb, type DraftsDb } from "./drafts-db-fixtures";

const schema = path.join(contractsDir, "akoma-ntoso", "akomantoso30.xsd");
const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
const tmp = mkdtempSync(path.join(os.tmpdir(), "minyi-akn-"));

describe("parseRange", () => {
  it("reads from..to in either direction and nothing else", () => {
    expect(parseRange("1..2")).toEqual([1, 2]);
    expect(parseRange("2..1")).toEqual([2, 1]);
    expect(parseRange("12..9999")).toEqual([12, 9999]);
    for (const bad of ["1..1", "a..b", "1..", "..2", "1...2", "1.2", "1-2", " 1..2", "1..2 ", "-1..2", "1..2..3", "10000..1", ""]) {
      expect(parseRange(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe.skipIf(!corpusPresent)("exports of stored versions", () => {
  let t: DraftsDb;
  let unpublished: number;
  beforeAll(async () => {
    t = await openDraftsDb();
    const draftId = await nationalDraft(t, "lifa-exports");
    for (const [label, file, at] of [["2015年修正", LIFA_2015, "2026-12-01T02:00:00Z"], ["2023年修正", LIFA_2023, "2026-12-31T17:00:00Z"]] as const) {
      const v = await importVersion(t.db, t.actors.officer, { draftId, label, sourceText: corpusText(file) });
      if (!v.ok) throw new Error(v.error);
      expect((await publishVersion(t.db, t.actors.officer, v.value.id, new Date(at))).ok).toBe(true);
    }
    const v3 = await importVersion(t.db, t.actors.officer, { draftId, label: "未发布", sourceText: corpusText(LIFA_2023) });
    unpublished = v3.ok ? v3.value.seq : -1;
  });
  afterAll(async () => {
    await t?.h.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("compares two stored versions as comparing their texts directly does", async () => {
    const stored = await compareVersions(t.db, "lifa-exports", 1, 2);
    const direct = compareLawTexts(corpusText(LIFA_2015), corpusText(LIFA_2023), { old: "2015.md", new: "2023.md" });
    expect(stored).not.toBeNull();
    expect(stored!.from).toEqual({ seq: 1, label: "2015年修正" });
    expect(stored!.to).toEqual({ seq: 2, label: "2023年修正" });
    expect(stored!.comparison.titles).toEqual({ old: "中华人民共和国立法法（修正草案）（2015年修正）", new: "中华人民共和国立法法（修正草案）（2023年修正）" });
    expect(stored!.comparison.summary).toEqual(direct.summary);
    expect(stored!.comparison.summary).toEqual({ unchanged: 2, modified: 1, added: 15, deleted: 0, moved: 102 });
    const shape = (rows: typeof direct.rows) => rows.map((r) => [r.status, r.old?.label, r.new?.label, r.note]);
    expect(shape(stored!.comparison.rows)).toEqual(shape(direct.rows));
    // The stored comparison names clauses by their stable keys: 2023's 第十六条 is 2015's 第十三条.
    const moved = stored!.comparison.rows.find((r) => r.new?.label === "第十六条")!;
    expect(moved).toMatchObject({ status: "moved", old: { key: "art-13", label: "第十三条" }, new: { key: "art-13" } });
  });

  it("compares backwards, and has no comparison with an unpublished or unknown version", async () => {
    const back = await compareVersions(t.db, "lifa-exports", 2, 1);
    expect(back!.comparison.summary).toMatchObject({ added: 0, deleted: 15 });
    expect(await compareVersions(t.db, "lifa-exports", 1, unpublished)).toBeNull();
    expect(await compareVersions(t.db, "lifa-exports", 1, 9)).toBeNull();
    expect(await compareVersions(t.db, "no-such-draft", 1, 2)).toBeNull();
  });

  it.skipIf(!xmllint && process.env.CI !== "true")("exports a stored version as Akoma Ntoso that validates against the OASIS schema", async () => {
    expect(xmllint, "xmllint is required on CI").toBe(true);
    expect(existsSync(schema), schema).toBe(true);
    for (const seq of [1, 2]) {
      const exported = await versionAkomaNtoso(t.db, "lifa-exports", seq);
      expect(exported!.fileName).toBe(`lifa-exports-v${seq}.akn.xml`);
      const file = path.join(tmp, exported!.fileName);
      writeFileSync(file, exported!.xml);
      expect(() => execFileSync("xmllint", ["--noout", "--schema", schema, file], { stdio: "pipe" })).not.toThrow();
    }
    const { xml } = (await versionAkomaNtoso(t.db, "lifa-exports", 2))!;
    expect(xml).toContain('<bill name="law"');
    expect(xml).toContain("<docStage>2023年修正</docStage>");
    expect(xml).toContain("<docTitle>中华人民共和国立法法（修正草案）</docTitle>");
    // Published at 01:00 CST on 1 January 2027: the work's date is the Chinese date.
    expect(xml).toContain('date="2027-01-01"');
    expect(xml.match(/<article /g)).toHaveLength(120);
  });

  it("has no export for an unpublished version or an unknown draft", async () => {
    expect(await versionAkomaNtoso(t.db, "lifa-exports", unpublished)).toBeNull();
    expect(await versionAkomaNtoso(t.db, "no-such-draft", 1)).toBeNull();
  });
});
