/** parseQuery: article references in every form, folding, control characters, the length cap. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseQuery } from "../../search/query";
import { segmentWords } from "../../search/tokenize";

const blns: string[] = JSON.parse(readFileSync(new URL("../fixtures/blns.json", import.meta.url), "utf8"));

describe("article references", () => {
  it.each(["第一百二十八条", "第128条", "128条", "128 条", "第 128 条", "第１２８条", "１２８条", "第一百二十八條", "第一百二十八条之一", "一百二十八条", "article 128", "Art. 128"])(
    "%s → article 128, removed from the text",
    (raw) => {
      const parsed = parseQuery(raw);
      expect(parsed.articleNumbers).toEqual([128]);
      expect(parsed.text).toBe("");
      expect(parsed.terms).toEqual([]);
    },
  );

  it("keeps the rest of the query as text and terms", () => {
    const parsed = parseQuery("第十三条第一款 关于监护人的意见");
    expect(parsed.articleNumbers).toEqual([13]);
    expect(parsed.text).toBe("关于监护人的意见");
    expect(parsed.terms).toEqual(["关于", "监护人", "意见"]); // 的 dropped: a function word
  });

  it("finds several references and ranges", () => {
    expect(parseQuery("第十条至第十二条 第128条").articleNumbers).toEqual([10, 11, 12, 128]);
  });

  it("does not take a count of items for an article", () => {
    const parsed = parseQuery("两条建议");
    expect(parsed.articleNumbers).toEqual([]);
    expect(parsed.terms).toContain("建议");
  });
});

describe("folding and cleaning", () => {
  it("folds width, case, traditional characters and Taiwan phrases", () => {
    const parsed = parseQuery("個人資訊　ＧＤＰＲ");
    expect(parsed.text).toBe("个人信息 gdpr");
    expect(parsed.terms).toEqual(["个人信息", "gdpr"]);
    expect(parsed.raw).toBe("個人資訊　ＧＤＰＲ");
  });

  it("turns control characters into spaces and removes invisible ones", () => {
    const parsed = parseQuery("个人信息\u0000保护\u200b法\n\tcookie\uD800");
    expect(parsed.text).toBe("个人信息 保护法 cookie");
  });

  it("caps a long query at a word boundary within the limit", () => {
    const raw = "个人信息处理者应当采取必要措施".repeat(30);
    const parsed = parseQuery(raw);
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(parsed.text.length).toBeGreaterThan(MAX_QUERY_LENGTH - 10);
    // The cut text ends where a word of the full text ends.
    let end = 0;
    const ends = new Set<number>();
    for (const word of segmentWords(raw)) ends.add((end += word.length));
    expect(ends.has(parsed.text.length)).toBe(true);
  });

  it("never cuts a surrogate pair when capping", () => {
    const parsed = parseQuery("a" + "😀".repeat(150));
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(parsed.text).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it("never throws on the Big List of Naughty Strings", () => {
    for (const raw of blns) {
      const parsed = parseQuery(raw);
      expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      expect(parsed.text).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(Array.isArray(parsed.terms)).toBe(true);
    }
  });

  it("gives nothing to search for on an empty or blank query", () => {
    expect(parseQuery("")).toEqual({ raw: "", text: "", terms: [], articleNumbers: [] });
    expect(parseQuery(" \u3000\n ").terms).toEqual([]);
  });
});
