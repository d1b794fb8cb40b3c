/**
 * The parser against the 43 real law texts of /work/shared/corpus (see its README for the three
 * layouts). The expected counts below were established independently of the parser: by grepping
 * the headings and labels of each file's body (目录 excluded), by checking the highest article
 * number and the 之X articles, and by comparing with the official structure of each law.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  flatten,
  parseLaw,
  PARSE_WARNING_CODES,
  summarize,
  type ParsedLaw,
  type ParsedProvision,
} from "../../app/drafts/parse";
import { firstDifference, losslessPair } from "./parse-lossless";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = process.env.CORPUS_DIR ?? path.resolve(here, "../../../shared/corpus");

interface Expected {
  parts: number;
  subparts: number;
  /** numbered chapters (第X章) */
  chapters: number;
  /** 1 when the law has an unnumbered 附则 heading (a chapter-level provision without number) */
  supplementary?: 1;
  sections: number;
  /** all articles, 之X included */
  articles: number;
  /** number of the last article (articles run 1…maxArticle without gaps) */
  maxArticle: number;
  /** articles 第X条之Y */
  inserted?: number;
  items: number;
  subitems?: number;
  /** top-level numbered points (texts made of points) */
  points?: number;
  annexes?: number;
  /** [code, line] of every warning the file is expected to produce */
  warnings?: [string, number][];
}

const 刑法2023: Expected = {
  parts: 2, subparts: 0, chapters: 15, supplementary: 1, sections: 37, articles: 505, maxArticle: 452, inserted: 53,
  items: 286, annexes: 2,
  // "① 刑法、历次刑法修正案…的施行日期…" is an editor's footnote after 第四百五十二条, not law text
  warnings: [["footnote", 2469]],
};
const 上海2024: Expected = { parts: 0, subparts: 0, chapters: 8, sections: 0, articles: 97, maxArticle: 97, items: 5 };
const 公司法2023: Expected = { parts: 0, subparts: 0, chapters: 15, sections: 9, articles: 266, maxArticle: 266, items: 170 };
const 立法法2023: Expected = { parts: 0, subparts: 0, chapters: 6, sections: 7, articles: 120, maxArticle: 120, items: 39 };
const 行政复议法2023: Expected = { parts: 0, subparts: 0, chapters: 7, sections: 9, articles: 90, maxArticle: 90, items: 95 };

const EXPECTED: Record<string, Expected> = {
  "laws/上海市优化营商环境条例.md": 上海2024,
  "laws/中华人民共和国个人信息保护法.txt": { parts: 0, subparts: 0, chapters: 8, sections: 3, articles: 74, maxArticle: 74, items: 62 },
  "laws/中华人民共和国公司法.txt": 公司法2023,
  "laws/中华人民共和国刑事诉讼法.md": {
    // 第四编 执行 has no chapters; the closing 附则 is a plain line without number
    parts: 5, subparts: 0, chapters: 22, supplementary: 1, sections: 15, articles: 308, maxArticle: 308, items: 177,
    warnings: [
      ["label-spacing", 639], // "第一百二十八 条侦查人员…": stray space inside the label
      ["heading-continuation", 1455], // 第四章's title "…死亡案件" continues on the next line "违法所得的没收程序"
    ],
  },
  "laws/中华人民共和国刑法.md": 刑法2023,
  "laws/中华人民共和国刑法修正案（十二）.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 0, maxArticle: 0, items: 0, points: 8 },
  "laws/中华人民共和国反外国制裁法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 16, maxArticle: 16, items: 8 },
  "laws/中华人民共和国国歌法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 16, maxArticle: 16, items: 9, annexes: 1 },
  // items 一、二、三、 inside 第七条 and 第八条
  "laws/中华人民共和国国籍法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 18, maxArticle: 18, items: 6 },
  "laws/中华人民共和国城市维护建设税法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 11, maxArticle: 11, items: 3 },
  "laws/中华人民共和国增值税法.txt": { parts: 0, subparts: 0, chapters: 6, sections: 0, articles: 38, maxArticle: 38, items: 39, subitems: 4 },
  "laws/中华人民共和国外国中央银行财产司法强制措施豁免法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 4, maxArticle: 4, items: 0 },
  "laws/中华人民共和国外国国家豁免法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 23, maxArticle: 23, items: 42 },
  "laws/中华人民共和国宪法.txt": { parts: 0, subparts: 0, chapters: 4, sections: 8, articles: 143, maxArticle: 143, items: 65 },
  "laws/中华人民共和国对外关系法.txt": { parts: 0, subparts: 0, chapters: 6, sections: 0, articles: 45, maxArticle: 45, items: 0 },
  "laws/中华人民共和国慈善法.txt": { parts: 0, subparts: 0, chapters: 13, sections: 0, articles: 125, maxArticle: 125, items: 84 },
  "laws/中华人民共和国政府信息公开条例.md": { parts: 0, subparts: 0, chapters: 6, sections: 0, articles: 56, maxArticle: 56, items: 41 },
  "laws/中华人民共和国数据安全法.md": { parts: 0, subparts: 0, chapters: 7, sections: 0, articles: 55, maxArticle: 55, items: 0 },
  "laws/中华人民共和国无障碍环境建设法.txt": { parts: 0, subparts: 0, chapters: 8, sections: 0, articles: 72, maxArticle: 72, items: 7 },
  "laws/中华人民共和国民事诉讼法.md": { parts: 4, subparts: 0, chapters: 27, sections: 20, articles: 306, maxArticle: 306, items: 194 },
  "laws/中华人民共和国民法典.md": {
    // 总则 10 + 物权 20 + 合同 29 + 人格权 6 + 婚姻家庭 5 + 继承 4 + 侵权责任 10 chapters, then 附则
    parts: 7, subparts: 8, chapters: 84, supplementary: 1, sections: 37, articles: 1260, maxArticle: 1260, items: 374,
    // the site's navigation link "[大萌法律读本](../duben) >>" printed at the end of a 款 of 第三百四十八条
    warnings: [["navigation", 1251]],
  },
  "laws/中华人民共和国海商法.txt": { parts: 0, subparts: 0, chapters: 15, sections: 22, articles: 278, maxArticle: 278, items: 130, subitems: 6 },
  "laws/中华人民共和国爱国主义教育法.txt": { parts: 0, subparts: 0, chapters: 5, sections: 0, articles: 40, maxArticle: 40, items: 14 },
  "laws/中华人民共和国立法法.txt": 立法法2023,
  "laws/中华人民共和国行政处罚法.txt": { parts: 0, subparts: 0, chapters: 8, sections: 4, articles: 86, maxArticle: 86, items: 61 },
  "laws/中华人民共和国行政复议法.txt": 行政复议法2023,
  "laws/中华人民共和国车船税法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 13, maxArticle: 13, items: 5, annexes: 1 },
  "laws/中华人民共和国香港特别行政区基本法.txt": {
    // annexes: 附件一…三, the 区旗/区徽 captions, and nine decisions and amendments appended after them;
    // their 63 （一） items and 5 "1." entries count as items
    parts: 0, subparts: 0, chapters: 9, sections: 10, articles: 160, maxArticle: 160, items: 68, annexes: 14,
  },
  "laws/全国人民代表大会常务委员会关于县级以下人民代表大会代表直接选举的若干规定.txt": {
    parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 0, maxArticle: 0, items: 11, points: 10,
  },
  "laws/反分裂国家法.txt": { parts: 0, subparts: 0, chapters: 0, sections: 0, articles: 10, maxArticle: 10, items: 11 },
  "laws/道路交通安全违法行为记分管理办法.md": { parts: 0, subparts: 0, chapters: 7, sections: 0, articles: 37, maxArticle: 37, items: 63 },
  "versions/上海市优化营商环境条例(2020-04-10).md": { parts: 0, subparts: 0, chapters: 8, sections: 0, articles: 80, maxArticle: 80, items: 5 },
  "versions/上海市优化营商环境条例(2024-09-27).md": 上海2024,
  "versions/中华人民共和国公司法(2018-10-26).md": { parts: 0, subparts: 0, chapters: 13, sections: 11, articles: 218, maxArticle: 218, items: 169 },
  "versions/中华人民共和国公司法(2023-12-29).md": 公司法2023,
  "versions/中华人民共和国刑法(2020-12-26).md": {
    parts: 2, subparts: 0, chapters: 15, supplementary: 1, sections: 37, articles: 505, maxArticle: 452, inserted: 53, items: 279, annexes: 2,
  },
  "versions/中华人民共和国刑法(2023-12-29).md": 刑法2023,
  "versions/中华人民共和国渔业法(2013-12-28).txt": { parts: 0, subparts: 0, chapters: 6, sections: 0, articles: 50, maxArticle: 50, items: 3 },
  "versions/中华人民共和国渔业法(2025-12-27).txt": { parts: 0, subparts: 0, chapters: 7, sections: 0, articles: 90, maxArticle: 90, items: 39 },
  "versions/中华人民共和国立法法(2015-03-15).md": { parts: 0, subparts: 0, chapters: 6, sections: 7, articles: 105, maxArticle: 105, items: 39 },
  "versions/中华人民共和国立法法(2023-03-13).md": 立法法2023,
  "versions/中华人民共和国行政复议法(2017-09-01).md": { parts: 0, subparts: 0, chapters: 7, sections: 0, articles: 43, maxArticle: 43, items: 36, subitems: 5 },
  "versions/中华人民共和国行政复议法(2023-09-01).md": 行政复议法2023,
};

const EXPECTED_TITLES: Record<string, string> = {
  "laws/全国人民代表大会常务委员会关于县级以下人民代表大会代表直接选举的若干规定.txt":
    "全国人民代表大会常务委员会关于县级以下人民代表大会代表直接选举的若干规定",
  "laws/中华人民共和国外国中央银行财产司法强制措施豁免法.txt": "中华人民共和国外国中央银行财产司法强制措施豁免法",
  "laws/反分裂国家法.txt": "反分裂国家法",
  "laws/中华人民共和国民法典.md": "中华人民共和国民法典",
};

function listCorpus(): string[] {
  return ["laws", "versions"].flatMap((dir) =>
    readdirSync(path.join(corpusDir, dir))
      .filter((f) => /\.(txt|md)$/.test(f))
      .map((f) => `${dir}/${f}`),
  );
}

/** Articles of the law itself (not of annexes), in order. */
function lawArticles(law: ParsedLaw): ParsedProvision[] {
  const out: ParsedProvision[] = [];
  const walk = (list: ParsedProvision[]) => {
    for (const p of list) {
      if (p.kind === "annex") continue;
      if (p.kind === "article") out.push(p);
      walk(p.children);
    }
  };
  walk(law.body);
  return out;
}

const corpusPresent = existsSync(corpusDir);
if (!corpusPresent) console.warn(`corpus not found at ${corpusDir}: set CORPUS_DIR to run the corpus tests`);

describe.skipIf(!corpusPresent)("corpus of real law texts", () => {
  const files = corpusPresent ? listCorpus() : [];

  it("has an expected-count row for each of the 43 files, and a file for each row", () => {
    expect(files).toHaveLength(43);
    expect([...files].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(files)("%s", (file) => {
    const input = readFileSync(path.join(corpusDir, file), "utf8");
    const law = parseLaw(input, { fileName: path.basename(file) });
    const expected = EXPECTED[file]!;

    it("has the expected structure", () => {
      const s = summarize(law);
      expect({
        parts: s.parts,
        subparts: s.subparts,
        chapters: s.chapters,
        sections: s.sections,
        articles: s.articles,
        items: s.items,
        subitems: s.subitems,
        points: s.points,
        annexes: flatten(law).filter((p) => p.kind === "annex").length,
      }).toEqual({
        parts: expected.parts,
        subparts: expected.subparts,
        chapters: expected.chapters + (expected.supplementary ?? 0),
        sections: expected.sections,
        articles: expected.articles,
        items: expected.items,
        subitems: expected.subitems ?? 0,
        points: expected.points ?? 0,
        annexes: expected.annexes ?? 0,
      });
    });

    it("finds its title in the text, and has the format of its file extension", () => {
      expect(parseLaw(input).title).toBe(EXPECTED_TITLES[file] ?? path.basename(file).replace(/(\(\d{4}-\d{2}-\d{2}\))?\.(txt|md)$/, ""));
      expect(law.format).toBe(file.endsWith(".md") ? "markdown" : "text");
    });

    it("numbers its articles 1…N without gaps, 之X articles apart", () => {
      const list = lawArticles(law);
      let previous: { number: number; suffix: number | null } | null = null;
      const breaks: string[] = [];
      for (const a of list) {
        const ok =
          previous === null
            ? a.number === 1 && a.suffix === null
            : (a.number === previous.number + 1 && a.suffix === null) ||
              (a.number === previous.number && a.suffix === (previous.suffix ?? 0) + 1);
        if (!ok) breaks.push(`${a.label} (line ${a.line})`);
        previous = { number: a.number!, suffix: a.suffix };
      }
      expect(breaks).toEqual([]);
      expect(list.at(-1)?.number ?? 0).toBe(expected.maxArticle);
      expect(list.filter((a) => a.suffix !== null)).toHaveLength(expected.inserted ?? 0);
    });

    it("gives every article at least one paragraph, items under paragraphs, sub-items under items", () => {
      for (const p of flatten(law)) {
        if (p.kind === "article" || p.kind === "point") expect(p.children.some((c) => c.kind === "paragraph")).toBe(true);
        for (const c of p.children) {
          if (c.kind === "item") expect(p.kind).toBe("paragraph");
          if (c.kind === "subitem") expect(p.kind).toBe("item");
        }
      }
    });

    it("produces only the expected warnings", () => {
      expect(law.warnings.map((w) => [w.code, w.line])).toEqual(expected.warnings ?? []);
    });

    it("accounts for every non-whitespace character (front matter + provisions + warnings)", () => {
      const pair = losslessPair(input, law);
      expect(firstDifference(pair.input, pair.accounted)).toBeNull();
      expect(pair.accounted.length).toBe(pair.input.length);
    });
  });
});

/** A small deterministic pseudo-random generator, so that failures can be replayed. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe.skipIf(!corpusPresent)("damaged corpus texts", () => {
  const JUNK = ["", "\u3000", "\u200b", "---", "====", "# 标题", "*\t（一）甲；", "附件", "附\u3000\u3000则", "序\u3000\u3000言",
    "目\u3000\u3000录", "① 注", "<!-- x -->", "[a](b) >> c", "\t\t表\t格", "一、点", "1．目", "（1999年1月1日通过）", "第一章", "总则"];

  it("never throws and never loses a character, whatever lines are deleted, repeated or inserted", () => {
    const rnd = lcg(20240229);
    const failures: string[] = [];
    const codes = new Set<string>();
    for (const file of listCorpus()) {
      const base = readFileSync(path.join(corpusDir, file), "utf8").split(/\r\n|\n/);
      for (let round = 0; round < 3; round++) {
        const lines = base.slice(0, 300 + Math.floor(rnd() * 300));
        for (let k = 0; k < 15; k++) {
          const at = Math.floor(rnd() * lines.length);
          const r = rnd();
          if (r < 0.3) lines.splice(at, 1);
          else if (r < 0.6) lines.splice(at, 0, lines[Math.floor(rnd() * lines.length)] ?? "");
          else lines.splice(at, 0, JUNK[Math.floor(rnd() * JUNK.length)]!);
        }
        const input = lines.join(rnd() < 0.5 ? "\n" : "\r\n");
        for (const format of [undefined, "text", "markdown"] as const) {
          const law = parseLaw(input, { format });
          const pair = losslessPair(input, law);
          const difference = firstDifference(pair.input, pair.accounted);
          if (difference) failures.push(`${file} round ${round} (${format ?? "auto"}): ${difference}`);
          for (const w of law.warnings) codes.add(w.code);
        }
      }
    }
    expect(failures).toEqual([]);
    // every code that occurs has a description in both languages
    expect([...codes].filter((c) => !(c in PARSE_WARNING_CODES))).toEqual([]);
    expect(codes.size).toBeGreaterThan(3);
  });
});

describe.skipIf(!corpusPresent)("provisions checked against the official texts", () => {
  const parse = (file: string) => parseLaw(readFileSync(path.join(corpusDir, file), "utf8"), { fileName: path.basename(file) });
  const article = (law: ParsedLaw, number: number, suffix: number | null = null) =>
    lawArticles(law).find((a) => a.number === number && a.suffix === suffix)!;

  it("宪法: 序言 of 13 paragraphs; 第六十五条 has four 款, the list of members staying in the first (第四款 is the ban on office)", () => {
    const law = parse("laws/中华人民共和国宪法.txt");
    expect(law.body[0]).toMatchObject({ kind: "preamble", label: "序言" });
    expect(law.body[0]!.children).toHaveLength(13);
    const art65 = article(law, 65);
    expect(art65.children).toHaveLength(4);
    expect(art65.children[0]!.text).toContain("委员长，\n副委员长若干人，\n秘书长，\n委员若干人。");
    expect(art65.children[3]!.text).toMatch(/^全国人民代表大会常务委员会的组成人员不得担任/);
  });

  it("民法典: 物权编 has five 分编, 第一千二百六十条 sits in the unnumbered 附则", () => {
    const law = parse("laws/中华人民共和国民法典.md");
    expect(law.body[1]!.children.map((c) => c.heading)).toEqual(["通则", "所有权", "用益物权", "担保物权", "占有"]);
    const supplementary = law.body.at(-1)!;
    expect(supplementary).toMatchObject({ kind: "chapter", number: null, heading: "附则" });
    expect(supplementary.children.map((a) => a.label)).toEqual(["第一千二百五十九条", "第一千二百六十条"]);
    // a 款 that follows a list of items is a new 款, not part of the last item
    expect(article(law, 414).children.map((c) => c.children.length)).toEqual([3, 0]);
  });

  it("刑法: 第一百三十三条之一 is article 133 with suffix 1; the 附件 list the repealed and kept decisions", () => {
    const law = parse("laws/中华人民共和国刑法.md");
    expect(article(law, 133, 1)).toMatchObject({ label: "第一百三十三条之一", number: 133, suffix: 1 });
    const annexes = law.body.filter((p) => p.kind === "annex");
    expect(annexes.map((a) => [a.label, a.children[0]!.children.length])).toEqual([["附件一", 15], ["附件二", 8]]);
  });

  it("刑法修正案（十二）: eight points, seven of which amend an article of 刑法", () => {
    const law = parse("laws/中华人民共和国刑法修正案（十二）.txt");
    expect(law.body.map((p) => p.amends?.article ?? null)).toEqual([
      "第一百六十五条", "第一百六十六条", "第一百六十九条", "第三百八十七条", "第三百九十条", "第三百九十一条", "第三百九十三条", null,
    ]);
    expect(law.body.every((p) => p.amends === undefined || p.amends.law === "刑法")).toBe(true);
  });

  it("香港特别行政区基本法: three annexes with their titles, then the captions and the appended decisions", () => {
    const law = parse("laws/中华人民共和国香港特别行政区基本法.txt");
    const annexes = law.body.filter((p) => p.kind === "annex");
    expect(annexes.slice(0, 3).map((a) => [a.label, a.heading])).toEqual([
      ["附件一", "香港特别行政区行政长官的产生办法"],
      ["附件二", "香港特别行政区立法会的产生办法和表决程序"],
      ["附件三", "在香港特别行政区实施的全国性法律"],
    ]);
    expect(annexes.slice(3, 5).map((a) => a.heading)).toEqual(["香港特别行政区区旗图案", "香港特别行政区区徽图案"]);
    expect(annexes.slice(5).every((a) => a.label === "" && /^（.*）$/.test(a.text))).toBe(true);
    // 第四十八条（三）has a second sentence that belongs to the item
    expect(article(law, 48).children[0]!.children[2]!.text).toBe(
      "签署立法会通过的法案，公布法律；\n签署立法会通过的财政预算案，将财政预算、决算报中央人民政府备案；",
    );
  });

  it("刑事诉讼法: 第四编 执行 holds its articles directly; the broken chapter title is joined", () => {
    const law = parse("laws/中华人民共和国刑事诉讼法.md");
    const part4 = law.body[3]!;
    expect(part4).toMatchObject({ kind: "part", heading: "执行" });
    expect(part4.children.every((c) => c.kind === "article")).toBe(true);
    expect(flatten(law).find((p) => p.kind === "chapter" && p.line === 1453)!.heading).toBe(
      "犯罪嫌疑人、被告人逃匿、死亡案件违法所得的没收程序",
    );
  });

  it("海商法: 第二百一十条 has items with sub-items whose tonnage lists stay in the sub-item", () => {
    const law = parse("laws/中华人民共和国海商法.txt");
    const [item1] = article(law, 210).children[0]!.children;
    expect(item1!.children.map((c) => c.label)).toEqual(["1.", "2."]);
    expect(item1!.children[1]!.text.split("\n")).toHaveLength(5);
  });
});
