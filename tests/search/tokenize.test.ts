/**
 * indexTerms / queryTerms with the real jieba and our dictionary: folding, law names, legal terms,
 * mixed Chinese and English, punctuation.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexTerms, queryTerms, segmentWords } from "../../search/tokenize";
import { CORPUS_LAW_TITLES, NATIONAL_PREFIX } from "../../search/dictionary/law-names";
import { LEGAL_TERMS } from "../../search/dictionary/legal-terms";

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");

describe("traditional and simplified", () => {
  it("indexes 個人資訊 and 個人信息 like 个人信息", () => {
    expect(indexTerms("個人資訊")).toEqual(indexTerms("个人信息"));
    expect(indexTerms("個人信息")).toEqual(indexTerms("个人信息"));
    expect(queryTerms("個人資訊")).toEqual(["个人信息"]);
  });

  it("folds Taiwan phrases that keep their meaning, and not those that would change it", () => {
    expect(queryTerms("網路安全")).toEqual(queryTerms("网络安全"));
    expect(queryTerms("個人資料")).toEqual(["个人信息"]);
    // 资料 alone means "materials" in mainland law: not folded to 数据.
    expect(queryTerms("申请资料")).toEqual(["申请", "资料"]);
  });
});

describe("mixed Chinese and English, numbers, punctuation", () => {
  it("keeps Latin words, lower-cased", () => {
    expect(queryTerms("GDPR 与个人信息保护法")).toEqual(["gdpr", "个人信息保护法"]);
    expect(indexTerms("GDPR 与个人信息保护法")).toEqual(expect.arrayContaining(["gdpr", "与", "个人信息保护法"]));
    expect(indexTerms("App 收集 cookie")).toEqual(["app", "收集", "cookie"]);
    expect(indexTerms("ＡＰＰ收集Ｃｏｏｋｉｅ")).toEqual(["app", "收集", "cookie"]);
  });

  it("keeps numbers (full-width ones folded) and drops spaces and punctuation", () => {
    expect(queryTerms("罚款５０００元！！")).toEqual(["罚款", "5000", "元"]);
    expect(indexTerms("。，、；：？！“”‘’（）《》【】—…  \n\t")).toEqual([]);
  });
});

describe("law names", () => {
  it("are one query term and the whole plus its parts in the index", () => {
    expect(queryTerms("个人信息保护法")).toEqual(["个人信息保护法"]);
    expect(queryTerms("民法典")).toEqual(["民法典"]);
    const terms = indexTerms("个人信息保护法");
    for (const part of ["个人信息保护法", "个人信息", "个人", "信息", "保护法"]) expect(terms).toContain(part);
  });

  it("drops 中华人民共和国 before a law name in a query, so texts citing the short title match", () => {
    expect(queryTerms("中华人民共和国个人信息保护法")).toEqual(["个人信息保护法"]);
    expect(queryTerms("中华人民共和国成立")).toEqual(["中华人民共和国", "成立"]);
    expect(indexTerms("《中华人民共和国个人信息保护法》")).toEqual(expect.arrayContaining(["中华人民共和国", "个人信息保护法"]));
  });

  it.each(CORPUS_LAW_TITLES.map((title) => [title]))("%s is one query term", (title) => {
    const name = title.replace(/（.*$/, "");
    const short = name.startsWith(NATIONAL_PREFIX) ? name.slice(NATIONAL_PREFIX.length) : name;
    expect(queryTerms(name)).toEqual([short]);
  });

  it.skipIf(!existsSync(corpusDir))("covers every title of the law corpus", () => {
    const titles = new Set(
      ["laws", "versions"].flatMap((dir) => readdirSync(path.join(corpusDir, dir)))
        .map((file) => file.replace(/\.(txt|md)$/, "").replace(/\(\d{4}-\d{2}-\d{2}\)$/, "")),
    );
    expect([...titles].sort()).toEqual([...CORPUS_LAW_TITLES].sort());
  });
});

describe("legal terms", () => {
  it("fixes the cuts the default dictionary gets wrong", () => {
    expect(queryTerms("个人信息处理者")).toEqual(["个人信息处理者"]);
    expect(queryTerms("基层立法联系点")).toEqual(["基层立法联系点"]);
    expect(queryTerms("全过程人民民主")).toEqual(["全过程人民民主"]);
  });

  it.each(LEGAL_TERMS.map((term) => [term]))("%s is one query term", (term) => {
    expect(queryTerms(term)).toEqual([term]);
  });

  it("indexes the parts of a compound term, so 个人信息 finds 敏感个人信息", () => {
    expect(indexTerms("敏感个人信息")).toEqual(expect.arrayContaining(["敏感个人信息", "敏感", "个人信息"]));
    expect(indexTerms("个人信息处理者")).toEqual(expect.arrayContaining(["个人信息", "信息处理", "个人信息处理者"]));
  });
});

describe("query function words", () => {
  it("drops 的, 和, 在 … from a query that has other terms, and keeps negations", () => {
    expect(queryTerms("关于监护人的意见")).toEqual(["关于", "监护人", "意见"]);
    expect(queryTerms("我不同意")).toEqual(["我", "不", "同意"]);
    expect(queryTerms("和平与发展")).toEqual(["和平", "发展"]);
  });

  it("keeps them when they are the whole query", () => {
    expect(queryTerms("的")).toEqual(["的"]);
  });
});

describe("dictionary weights", () => {
  it("do not pull characters away from their neighbours", () => {
    expect(queryTerms("第三人民医院")).toEqual(["第三", "人民", "医院"]);
    expect(queryTerms("善意第三人")).toEqual(["善意", "第三人"]);
  });
});

describe("any input", () => {
  const blns: string[] = JSON.parse(readFileSync(new URL("../fixtures/blns.json", import.meta.url), "utf8"));

  it("gives terms with no spaces or punctuation-only entries for every naughty string", () => {
    for (const s of blns) {
      for (const term of [...indexTerms(s), ...queryTerms(s)]) {
        expect(term, JSON.stringify(s)).toMatch(/^\S+$/u);
        expect(term, JSON.stringify(s)).toMatch(/[\p{L}\p{N}]/u);
      }
    }
  });
});

describe("segmentWords", () => {
  it("returns the text cut into words with nothing dropped", () => {
    const text = "个人信息，App 第128条";
    expect(segmentWords(text).join("")).toBe(text);
  });
});
