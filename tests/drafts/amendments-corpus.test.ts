/**
 * 刑法修正案（十二） applied to the 刑法 as amended up to 2020-12-26 must give the 刑法 of
 * 2023-12-29, article by article; the points of the 1983 NPCSC decision are not amendments.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AmendmentInstruction,
  applyAmendment,
  articleTextFromRows,
  formatArticleText,
  parseAmendmentInstruction,
  pointTextFromRows,
} from "../../app/drafts/amendments";
import { flattenProvisions, type ProvisionRow } from "../../app/drafts/flatten";
import { parseLaw } from "../../app/drafts/parse";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = process.env.CORPUS_DIR ?? path.resolve(here, "../../../shared/corpus");
const AMENDMENT = "laws/中华人民共和国刑法修正案（十二）.txt";
const DECISION = "laws/全国人民代表大会常务委员会关于县级以下人民代表大会代表直接选举的若干规定.txt";
const OLD = "versions/中华人民共和国刑法(2020-12-26).md";
const NEW = "versions/中华人民共和国刑法(2023-12-29).md";
const present = [AMENDMENT, DECISION, OLD, NEW].every((f) => existsSync(path.join(corpusDir, f)));

function rowsOf(relative: string): ProvisionRow[] {
  const text = readFileSync(path.join(corpusDir, relative), "utf8");
  return flattenProvisions(parseLaw(text, { fileName: path.basename(relative) }));
}

function points(rows: ProvisionRow[]): { key: string; text: string; amends: string | null }[] {
  return rows
    .filter((r) => r.kind === "point")
    .map((r) => ({ key: r.stableKey, text: pointTextFromRows(rows, r.stableKey)!, amends: r.amendsArticle }));
}

const articleOf = (i: AmendmentInstruction) =>
  "article" in i ? i.article : "target" in i ? i.target.article : null;
const keyOf = (i: AmendmentInstruction) => {
  const a = articleOf(i)!;
  return `art-${a.number}${a.suffix ? `-${a.suffix}` : ""}`;
};
const compact = (s: string | null) => (s === null ? null : s.replace(/\s/g, ""));

describe.skipIf(!present)("刑法修正案（十二） applied to the 刑法 of 2020-12-26", () => {
  let amendment: ReturnType<typeof points>;
  let oldRows: ProvisionRow[];
  let newRows: ProvisionRow[];
  beforeAll(() => {
    amendment = points(rowsOf(AMENDMENT));
    oldRows = rowsOf(OLD);
    newRows = rowsOf(NEW);
  });

  it("reads every point into the formulas it is written in", () => {
    expect(amendment.map((p) => parseAmendmentInstruction(p.text).map((i) => i.kind))).toEqual([
      ["insert_paragraph", "replace_article"], // 一、在刑法第一百六十五条中增加一款作为第二款，将该条修改为：…
      ["insert_paragraph", "replace_article"], // 二、…第一百六十六条…
      ["insert_paragraph", "replace_article"], // 三、…第一百六十九条…
      ["replace_paragraph"], // 四、将刑法第三百八十七条第一款修改为：…
      ["replace_article"], // 五、将刑法第三百九十条修改为：…
      ["replace_paragraph"], // 六、将刑法第三百九十一条第一款修改为：…
      ["replace_article"], // 七、将刑法第三百九十三条修改为：…
      ["not_an_amendment"], // 八、本修正案自2024年3月1日起施行。
    ]);
  });

  it("names the article each point amends, as the parser's `amends` does", () => {
    for (const p of amendment) {
      const first = parseAmendmentInstruction(p.text)[0]!;
      const article = articleOf(first);
      expect(article?.label ?? null).toBe(p.amends);
      if (article) expect(article.law).toBe("刑法");
    }
  });

  it("takes the text of an added 款 from the replacement that follows it in the same point", () => {
    const [insert, replace] = parseAmendmentInstruction(amendment[1]!.text);
    expect(insert).toMatchObject({ kind: "insert_paragraph", position: 2, article: { number: 166, suffix: null } });
    expect(replace?.kind).toBe("replace_article");
    const newText = replace?.kind === "replace_article" ? replace.newText : "";
    expect(newText.split("\n")).toHaveLength(5); // 款, three 项, 款: quote marks of each line removed
    expect(newText.split("\n")[1]).toBe("（一）将本单位的盈利业务交由自己的亲友进行经营的；");
    expect(insert?.kind === "insert_paragraph" && insert.text).toBe(newText.split("\n")[4]);
  });

  it("gives, for every amending point, exactly the article of the 刑法 of 2023-12-29", () => {
    let exact = 0;
    for (const p of amendment) {
      const instructions = parseAmendmentInstruction(p.text);
      if (instructions[0]!.kind === "not_an_amendment") continue;
      const key = keyOf(instructions[0]!);
      const current = articleTextFromRows(oldRows, key);
      const expected = articleTextFromRows(newRows, key);
      expect(current, key).not.toBeNull();
      const result = applyAmendment(current, instructions);
      expect(result.applied, `${key}: ${result.notes.join("; ")}`).toBe(true);
      expect(result.before).toBe(formatArticleText(current!));
      expect(compact(result.after), key).toBe(compact(formatArticleText(expected!)));
      expect(result.after).not.toBe(result.before);
      exact++;
    }
    expect(exact).toBe(7);
  });

  it("gives the new text alone when the amended law is not on the platform", () => {
    const replaceWhole = parseAmendmentInstruction(amendment[4]!.text);
    const result = applyAmendment(null, replaceWhole);
    expect(result.before).toBeNull();
    expect(compact(result.after)).toBe(compact(formatArticleText(articleTextFromRows(newRows, "art-390")!)));
    const replacePart = applyAmendment(null, parseAmendmentInstruction(amendment[3]!.text));
    expect(replacePart).toMatchObject({ before: null, after: null, applied: false });
    expect(replacePart.notes.join()).toContain("not available");
  });
});

describe.skipIf(!present)("the 1983 decision on direct elections", () => {
  it("is made of points that are not amendments", () => {
    const decision = points(rowsOf(DECISION));
    expect(decision).toHaveLength(10);
    for (const p of decision) {
      const instructions = parseAmendmentInstruction(p.text);
      expect(instructions.map((i) => i.kind), p.text).toEqual(["not_an_amendment"]);
      expect(instructions[0]).toMatchObject({ text: p.text.replace(/^[一二三四五六七八九十]+、/, "") });
    }
  });
});

describe.skipIf(!present)("articleTextFromRows", () => {
  it("collects an article's 款 with their 项, and knows no other keys", () => {
    const rows = rowsOf(OLD);
    const article = articleTextFromRows(rows, "art-133-1")!;
    expect(article.label).toBe("第一百三十三条之一");
    expect(article.paragraphs.map((p) => p.items.length)).toEqual([4, 0, 0]);
    expect(formatArticleText(article).split("\n")[1]).toBe("（一）追逐竞驶，情节恶劣的；");
    expect(articleTextFromRows(rows, "art-9999")).toBeNull();
    expect(articleTextFromRows(rows, "art-133-1.para-1")).toBeNull();
  });
});
