/**
 * Akoma Ntoso 3.0 export (app/drafts/akoma-ntoso): unit tests on small inline laws, and every text
 * of the shared corpus exported and validated against the official OASIS schema with xmllint.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  akomaNtosoEIds,
  akomaNtosoFromText,
  datedEvents,
  deriveAkomaNtoso,
  escapeXmlAttr,
  escapeXmlText,
  frbrUris,
  titleSlug,
  toAkomaNtoso,
  type AkomaNtosoMeta,
} from "../../app/drafts/akoma-ntoso";
import { flattenProvisions, type ProvisionRow } from "../../app/drafts/flatten";
import { parseLaw } from "../../app/drafts/parse";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = process.env.CORPUS_DIR ?? path.resolve(here, "../../../shared/corpus");
const contractsDir = process.env.CONTRACTS_DIR ?? path.resolve(here, "../../../shared/contracts");
const schema = path.join(contractsDir, "akoma-ntoso", "akomantoso30.xsd");

// ---------------------------------------------------------------------------------------------
// A minimal XML reader for assertions (the export has elements, attributes, text and entities only;
// anything else, an unescaped "<" or "&", or a mismatched tag makes it throw).

interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

function decode(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`bare & in ${JSON.stringify(s)}`);
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'"
      : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

function parseXml(xml: string): El {
  const root: El = { name: "#document", attrs: {}, children: [] };
  const stack: El[] = [root];
  const token = /<\?[^?]*\?>|<(\/?)([A-Za-z][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1]!;
    if (m[6]) throw new Error(`malformed markup at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) {
      if (stack.length > 1) top.children.push(decode(m[5]));
      else if (m[5].trim() !== "") throw new Error("text outside the root");
      continue;
    }
    if (!m[2]) continue; // <?xml …?>
    if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? "").matchAll(/([\w.:-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    const el: El = { name: m[2], attrs, children: [] };
    top.children.push(el);
    if (!m[4]) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const [doc] = root.children.filter((c): c is El => typeof c !== "string");
  return doc!;
}

const elements = (el: El): El[] => el.children.filter((c): c is El => typeof c !== "string");
const child = (el: El, name: string): El | undefined => elements(el).find((c) => c.name === name);
function descendants(el: El, out: El[] = []): El[] {
  for (const c of elements(el)) {
    out.push(c);
    descendants(c, out);
  }
  return out;
}
const textOf = (el: El): string => el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
function byEId(doc: El, eId: string): El {
  const found = descendants(doc).filter((e) => e.attrs.eId === eId);
  expect(found, `eId ${eId}`).toHaveLength(1);
  return found[0]!;
}
/** The chain of eIds from the root to `eId` (ancestors that have one). */
function eIdPath(doc: El, eId: string): string[] {
  const walk = (el: El, trail: string[]): string[] | null => {
    for (const c of elements(el)) {
      const next = c.attrs.eId ? [...trail, c.attrs.eId] : trail;
      if (c.attrs.eId === eId) return next;
      const found = walk(c, next);
      if (found) return found;
    }
    return null;
  };
  return walk(doc, []) ?? [];
}

// ---------------------------------------------------------------------------------------------

const SMALL_LAW = `中华人民共和国测试法
（征求意见稿）

目　　录
第一章　总　　则
第二章　分　　则

序　　言

这是序言的第一段。

这是序言的第二段。

第一章　总　　则

第一条　为了测试A&B<C>"引号"'单引号'，制定本法。
第二条　本法下列用语的含义：
（一）甲，是指甲；
（二）乙，包括：
1.子项一；
2.子项二。
前款规定不适用于丙。

第二章　分　　则

第一节　一般规定

第三条　第三条的内容。
第三条之一　插入的条文。

第二节　特别规定

第四条　第四条的内容。

附件一　某表
一、第一点。
二、第二点。
`;

const AMENDMENT = `全国人民代表大会常务委员会关于修改《中华人民共和国测试法》的决定
（2024年1月2日第十四届全国人民代表大会常务委员会第八次会议通过）

一、将第一条修改为：“为了测试，制定本法。”
二、增加一条，作为第五条：“第五条　本法自公布之日起施行。”
`;

const PIPL_META: AkomaNtosoMeta = {
  country: "cn",
  docType: "act",
  name: "personal-information-protection",
  date: "2021-08-20",
  versionLabel: "",
  language: "zho",
  author: "#npcsc",
};

function exportSmall(meta: Partial<AkomaNtosoMeta> = {}): { xml: string; doc: El; rows: ProvisionRow[] } {
  const law = parseLaw(SMALL_LAW, { fileName: "测试法.txt" });
  const rows = flattenProvisions(law);
  const xml = toAkomaNtoso({ title: law.title, rows, preface: "（2021年8月20日通过）", meta: { ...PIPL_META, ...meta } });
  return { xml, doc: parseXml(xml), rows };
}

describe("toAkomaNtoso on a small law", () => {
  it("writes one root akomaNtoso in the AKN 3.0 namespace with act (or bill) inside", () => {
    const { doc } = exportSmall();
    expect(doc.name).toBe("akomaNtoso");
    expect(doc.attrs.xmlns).toBe("http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
    expect(elements(doc).map((e) => e.name)).toEqual(["act"]);
    const act = child(doc, "act")!;
    expect(elements(act).map((e) => e.name)).toEqual(["meta", "preface", "preamble", "body", "attachments"]);
    expect(elements(exportSmall({ docType: "bill" }).doc).map((e) => e.name)).toEqual(["bill"]);
  });

  it("gives every row an eId that exists once in the XML, and every eId in the XML is unique", () => {
    const { doc, rows } = exportSmall();
    const all = descendants(doc).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []));
    expect(new Set(all).size).toBe(all.length);
    const eIds = akomaNtosoEIds(rows, PIPL_META);
    expect(eIds).toHaveLength(rows.length);
    for (const eId of new Set(eIds)) byEId(doc, eId);
    // hierarchical elements all carry an eId
    const structural = ["book", "part", "chapter", "section", "article", "paragraph", "list", "point", "content", "intro", "attachment"];
    for (const el of descendants(doc)) if (structural.includes(el.name)) expect(el.attrs.eId, el.name).toBeTruthy();
  });

  it("nests 章 节 条 款 项 目 and follows the naming convention", () => {
    const { doc, rows } = exportSmall();
    const eIds = akomaNtosoEIds(rows);
    const eIdOf = (label: string, text?: string) => eIds[rows.findIndex((r) => r.label === label && (text === undefined || r.text === text))];
    expect(eIdOf("第一章")).toBe("chp_1");
    expect(eIdOf("第一节")).toBe("chp_2__sec_1");
    expect(eIdOf("第三条之一")).toBe("art_3-1");
    expect(eIdOf("（二）")).toBe("art_2__para_1__list_1__point_2");
    expect(eIdOf("2.")).toBe("art_2__para_1__list_1__point_2__list_1__point_2");

    expect(eIdPath(doc, "art_3-1")).toEqual(["chp_2", "chp_2__sec_1", "art_3-1"]);
    expect(eIdPath(doc, "art_2__para_1__list_1__point_2__list_1__point_1")).toEqual([
      "chp_1", "art_2", "art_2__para_1", "art_2__para_1__list_1", "art_2__para_1__list_1__point_2",
      "art_2__para_1__list_1__point_2__list_1", "art_2__para_1__list_1__point_2__list_1__point_1",
    ]);
    const chapter = byEId(doc, "chp_2");
    expect(chapter.name).toBe("chapter");
    expect(elements(chapter).map((e) => e.name)).toEqual(["num", "heading", "section", "section"]);
    expect(textOf(child(chapter, "num")!)).toBe("第二章");
    expect(textOf(child(chapter, "heading")!)).toBe("分则");
    expect(textOf(child(byEId(doc, "art_3-1"), "num")!)).toBe("第三条之一");

    // a 款 with 项: <intro> then <list>; a 项 with 目: <intro> then a nested <list>; leaves: <content><p>
    const para = byEId(doc, "art_2__para_1");
    expect(elements(para).map((e) => e.name)).toEqual(["intro", "list"]);
    expect(textOf(child(para, "intro")!).trim()).toBe("本法下列用语的含义：");
    const item = byEId(doc, "art_2__para_1__list_1__point_2");
    expect(elements(item).map((e) => e.name)).toEqual(["num", "intro", "list"]);
    expect(textOf(child(item, "num")!)).toBe("（二）");
    const leaf = byEId(doc, "art_2__para_2");
    expect(elements(leaf).map((e) => e.name)).toEqual(["content"]);
    expect(elements(child(leaf, "content")!).map((e) => [e.name, textOf(e)])).toEqual([["p", "前款规定不适用于丙。"]]);
  });

  it("keeps the 序言 in <preamble> and the annex as an attachment with its own doc", () => {
    const { doc } = exportSmall();
    const preamble = byEId(doc, "preamble");
    expect(elements(preamble).map((e) => [e.name, e.attrs.eId, textOf(e)])).toEqual([
      ["p", "preamble__p_1", "这是序言的第一段。"],
      ["p", "preamble__p_2", "这是序言的第二段。"],
    ]);
    const att = byEId(doc, "att_1");
    expect(att.name).toBe("attachment");
    expect(textOf(child(att, "num")!)).toBe("附件一");
    expect(textOf(child(att, "heading")!)).toBe("某表");
    const annex = child(att, "doc")!;
    expect(annex.attrs.name).toBe("annex");
    const frbrThis = descendants(child(annex, "meta")!).find((e) => e.name === "FRBRthis")!;
    expect(frbrThis.attrs.value).toBe("/akn/cn/act/2021-08-20/personal-information-protection/!annex_1");
    expect(eIdPath(doc, "att_1__art_2__para_1")).toEqual(["att_1", "att_1__art_2", "att_1__art_2__para_1"]);
    expect(textOf(child(byEId(doc, "att_1__art_2"), "num")!)).toBe("二、");
  });

  it("escapes & < > and quotes, and keeps the Chinese text unchanged", () => {
    const { xml, doc } = exportSmall();
    expect(xml).toContain("为了测试A&amp;B&lt;C&gt;\"引号\"'单引号'，制定本法。");
    expect(textOf(byEId(doc, "art_1__para_1__content")).trim()).toBe("为了测试A&B<C>\"引号\"'单引号'，制定本法。");
    const law = parseLaw(SMALL_LAW, {});
    const rows = flattenProvisions(law);
    const tricky = toAkomaNtoso({ title: "A&B <法> \"x\"", rows, preface: "（<修改> & 通过）", meta: PIPL_META });
    const trickyDoc = parseXml(tricky);
    expect(textOf(descendants(trickyDoc).find((e) => e.name === "docTitle")!)).toBe("A&B <法> \"x\"");
    expect(descendants(trickyDoc).find((e) => e.name === "FRBRname")!.attrs.value).toBe("A&B <法> \"x\"");
    expect(tricky).toContain("（&lt;修改&gt; &amp; 通过）");
    expect(escapeXmlText("a&b<c>d")).toBe("a&amp;b&lt;c&gt;d");
    expect(escapeXmlAttr('x"y&\t\n')).toBe("x&quot;y&amp;&#9;&#10;");
    expect(escapeXmlText("控制\u0001字符\uFFFF")).toBe("控制\uFFFD字符\uFFFD");
    expect(escapeXmlText("中华人民共和国　第一条\u200B")).toBe("中华人民共和国　第一条\u200B");
  });

  it("writes complete FRBR identification and the references its ids point to", () => {
    const { doc } = exportSmall();
    const meta = child(child(doc, "act")!, "meta")!;
    const identification = child(meta, "identification")!;
    expect(identification.attrs.source).toBe("#minyi");
    const frbr = (level: string, name: string) => child(child(identification, level)!, name)!.attrs;
    const work = "/akn/cn/act/2021-08-20/personal-information-protection";
    const expression = `${work}/zho@2021-08-20`;
    expect(frbr("FRBRWork", "FRBRthis").value).toBe(`${work}/!main`);
    expect(frbr("FRBRWork", "FRBRuri").value).toBe(work);
    expect(frbr("FRBRWork", "FRBRdate").date).toBe("2021-08-20");
    expect(frbr("FRBRWork", "FRBRauthor").href).toBe("#npcsc");
    expect(frbr("FRBRWork", "FRBRcountry").value).toBe("cn");
    expect(frbr("FRBRExpression", "FRBRthis").value).toBe(`${expression}/!main`);
    expect(frbr("FRBRExpression", "FRBRuri").value).toBe(expression);
    expect(frbr("FRBRExpression", "FRBRlanguage").language).toBe("zho");
    expect(frbr("FRBRExpression", "FRBRauthor").href).toBe("#npcsc");
    expect(frbr("FRBRManifestation", "FRBRthis").value).toBe(`${expression}/!main.xml`);
    expect(frbr("FRBRManifestation", "FRBRuri").value).toBe(`${expression}.akn`);
    expect(frbrUris(PIPL_META)).toEqual({ work, expression, manifestation: `${expression}.akn` });

    const references = child(meta, "references")!;
    expect(references.attrs.source).toBe("#minyi");
    const declared = new Set(elements(references).map((e) => e.attrs.eId));
    expect(declared).toEqual(new Set(["minyi", "npcsc"]));
    expect(elements(references).find((e) => e.attrs.eId === "npcsc")!.attrs.showAs).toBe("全国人民代表大会常务委员会");
    // every local reference (#id) in source/href points to an element of the document
    const ids = new Set(descendants(doc).map((e) => e.attrs.eId));
    for (const el of descendants(doc)) {
      for (const value of [el.attrs.source, el.attrs.href]) if (value?.startsWith("#")) expect(ids.has(value.slice(1)), value).toBe(true);
    }
  });

  it("marks a draft as a bill with its version label", () => {
    const { doc } = exportSmall({ docType: "bill", versionLabel: "征求意见稿", date: "2024-05-06", workDate: "2024-05-06" });
    const bill = child(doc, "bill")!;
    expect(bill.attrs.name).toBe("bill");
    const expression = child(child(child(bill, "meta")!, "identification")!, "FRBRExpression")!;
    expect(child(expression, "FRBRuri")!.attrs.value).toBe("/akn/cn/bill/2024-05-06/personal-information-protection/zho@2024-05-06");
    expect(child(expression, "FRBRversionNumber")!.attrs.value).toBe("征求意见稿");
    expect(textOf(descendants(bill).find((e) => e.name === "docStage")!)).toBe("征求意见稿");
  });

  it("rejects metadata that would make invalid IRIs", () => {
    const rows = flattenProvisions(parseLaw(SMALL_LAW, {}));
    expect(() => toAkomaNtoso({ title: "t", rows, meta: { ...PIPL_META, date: "2021-8-20" } })).toThrow(/date/);
    expect(() => toAkomaNtoso({ title: "t", rows, meta: { ...PIPL_META, name: "个人信息保护" } })).toThrow(/name/);
    expect(() => toAkomaNtoso({ title: "t", rows, meta: { ...PIPL_META, author: "#全国人大" } })).toThrow(/author/);
  });

  it("keeps eIds unique where a source numbers two articles alike (flatten's eid collides there)", () => {
    const art = (number: number, suffix: number | null) => ({
      kind: "article" as const, number, suffix, label: "", heading: null, text: "", line: 1,
      children: [{ kind: "paragraph" as const, number: 1, suffix: null, label: "", heading: null, text: "x", line: 1, children: [] }],
    });
    const rows = flattenProvisions({ body: [art(17, null), art(17, null), art(17, 2)] });
    const eIds = akomaNtosoEIds(rows).filter((_, i) => rows[i]!.kind === "article");
    expect(eIds).toEqual(["art_17", "art_17-dup2", "art_17-2"]);
    const doc = parseXml(toAkomaNtoso({ title: "t", rows, meta: PIPL_META }));
    const all = descendants(doc).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []));
    expect(new Set(all).size).toBe(all.length);
  });

  it("exports an empty text with a valid (non-empty) body", () => {
    const doc = parseXml(toAkomaNtoso({ title: "空", rows: [], meta: PIPL_META }));
    expect(elements(child(child(doc, "act")!, "body")!).map((e) => e.name)).toEqual(["hcontainer"]);
  });
});

describe("akomaNtosoFromText", () => {
  it("derives a bill from a draft note, and keeps the note out of the 题注", () => {
    const doc = parseXml(akomaNtosoFromText(SMALL_LAW, "测试法.txt", { date: "2024-05-06", workDate: "2024-05-06" }));
    const bill = child(doc, "bill")!;
    expect(bill.attrs.name).toBe("law");
    expect(textOf(descendants(bill).find((e) => e.name === "docStage")!)).toBe("征求意见稿");
    expect(descendants(bill).filter((e) => e.attrs.class === "titleNote")).toHaveLength(0);
    const uri = descendants(bill).find((e) => e.name === "FRBRuri")!.attrs.value!;
    expect(uri).toBe(`/akn/cn/bill/2024-05-06/${titleSlug("中华人民共和国测试法")}`);
  });

  it("turns the points of an amendment decision into articles and takes date and author from the 题注", () => {
    const doc = parseXml(akomaNtosoFromText(AMENDMENT));
    const act = child(doc, "act")!;
    expect(act.attrs.name).toBe("decision");
    const body = child(act, "body")!;
    expect(elements(body).map((e) => [e.name, e.attrs.eId, textOf(child(e, "num")!)])).toEqual([
      ["article", "art_1", "一、"],
      ["article", "art_2", "二、"],
    ]);
    const work = descendants(act).find((e) => e.name === "FRBRWork")!;
    expect(child(work, "FRBRdate")!.attrs.date).toBe("2024-01-02");
    expect(child(work, "FRBRauthor")!.attrs.href).toBe("#npcsc");
  });

  it("dates the Work by the first event of the 题注 and the version by the latest (施行 alone is no event)", () => {
    const derived = deriveAkomaNtoso({
      title: "中华人民共和国政府信息公开条例",
      subtitle: "2007年4月5日 中华人民共和国国务院令第492号公布\n2019年4月3日 中华人民共和国国务院令第711号修订\n2019年5月15日 施行",
    });
    expect(derived.meta).toMatchObject({ workDate: "2007-04-05", date: "2019-04-03", author: "#statecouncil", docType: "act", subtype: "regulation" });
    expect(datedEvents("二〇一〇年八月二十八日批准").map((e) => e.date)).toEqual(["2010-08-28"]);
    const local = deriveAkomaNtoso({ title: "上海市优化营商环境条例", subtitle: "2020年4月10日 上海市第十五届人民代表大会常务委员会第二十次会议通过" });
    expect(local.meta.authorName).toBe("上海市人民代表大会常务委员会");
    expect(local.meta.author).toMatch(/^#org-[0-9a-z]{8}$/);
    expect(deriveAkomaNtoso({ title: "某某办法", subtitle: null }, "x(2021-12-17).md").meta.date).toBe("2021-12-17");
  });

  it("names the Work by a stable ASCII hash of the title", () => {
    expect(titleSlug("中华人民共和国立法法")).toMatch(/^law-[0-9a-z]{13}$/);
    expect(titleSlug("中华人民共和国 立法法")).toBe(titleSlug("中华人民共和国立法法"));
    expect(titleSlug("中华人民共和国立法法（修正草案）")).toBe(titleSlug("中华人民共和国立法法"));
    expect(titleSlug("中华人民共和国刑法")).not.toBe(titleSlug("中华人民共和国立法法"));
  });
});

// ---------------------------------------------------------------------------------------------
// Every corpus text, validated against the official schema.

function findXmllint(): string | null {
  const bin = process.env.XMLLINT ?? "xmllint";
  const probe = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? null : bin;
}

const xmllint = findXmllint();
const corpusFiles = existsSync(corpusDir)
  ? ["laws", "versions"].flatMap((sub) =>
      existsSync(path.join(corpusDir, sub)) ? readdirSync(path.join(corpusDir, sub)).sort().map((f) => `${sub}/${f}`) : [],
    )
  : [];

if (!xmllint) {
  const message = "xmllint not found (Debian: apt-get install libxml2-utils, or set XMLLINT)";
  if (process.env.CI === "true") {
    it("has xmllint to validate the Akoma Ntoso exports", () => {
      throw new Error(message);
    });
  } else {
    console.warn(`akoma-ntoso.test.ts: schema validation skipped: ${message}`);
  }
}

describe.skipIf(!xmllint || corpusFiles.length === 0)(
  `corpus exported and validated against akomantoso30.xsd${xmllint ? "" : " (skipped: xmllint not found)"}`,
  () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "minyi-akn-"));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it("finds the 43 corpus files and the schema", () => {
      expect(corpusFiles).toHaveLength(43);
      expect(existsSync(schema)).toBe(true);
    });

    it("exports every file with unique eIds for all its provisions, and every export validates", () => {
      const written: string[] = [];
      corpusFiles.forEach((file, i) => {
        const text = readFileSync(path.join(corpusDir, file), "utf8");
        const fileName = path.basename(file);
        const xml = akomaNtosoFromText(text, fileName);
        const law = parseLaw(text, { fileName });
        const rows = flattenProvisions(law);
        const doc = parseXml(xml);
        const all = descendants(doc).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []));
        expect(new Set(all).size, file).toBe(all.length);
        const ids = new Set(all);
        for (const eId of akomaNtosoEIds(rows, deriveAkomaNtoso(law, fileName).meta)) expect(ids.has(eId), `${file} ${eId}`).toBe(true);
        // every provision's text is in the export (table cells aside, whose tabs become <td>s)
        const plain = textOf(doc);
        for (const row of rows) for (const line of row.text.split(/[\n\t]/)) expect(plain.includes(line), `${file} ${row.eid}`).toBe(true);
        const out = path.join(tmp, `${String(i + 1).padStart(2, "0")}.xml`);
        writeFileSync(out, xml);
        written.push(out);
      });

      const run = spawnSync(xmllint!, ["--noout", "--schema", schema, ...written], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      const report = `${run.stdout}${run.stderr}`;
      const failures = written.filter((f) => !report.includes(`${f} validates`));
      expect(
        failures.map((f) => `${corpusFiles[written.indexOf(f)]}: ${report.split("\n").filter((l) => l.startsWith(f)).slice(0, 5).join(" | ")}`),
      ).toEqual([]);
      expect(run.status).toBe(0);
    });
  },
);
