/** Article references in running text, and Chinese numerals. */
import { describe, expect, it } from "vitest";
import { articleRefsInText, chineseNumeral } from "../../search/article-refs";

describe("chineseNumeral", () => {
  it.each([
    ["一百二十八", 128], ["十三", 13], ["十", 10], ["二十", 20], ["两百", 200], ["一百零三", 103],
    ["一千零三十四", 1034], ["一千二百六十", 1260], ["二〇二四", 2024], ["一二八", 128], ["一万零一", 10001],
    ["三万五千", 35000], ["壹佰贰拾捌", 128], ["128", 128], ["１２８", 128], ["零", 0], ["一百二", 120],
  ])("%s → %d", (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  it.each(["", "abc", "十百", "一二百", "百千", "第一", "12a"])("%j is not a numeral", (text) => {
    expect(chineseNumeral(text)).toBeNull();
  });
});

describe("articleRefsInText", () => {
  it.each([
    ["第一百二十八条", [128]],
    ["第128条", [128]],
    ["第１２８条", [128]],
    ["第 128 条", [128]],
    ["第一百二十八條", [128]],
    ["第一百二十八条之一", [128]],
    ["依照本法第十三条第一款的规定", [13]],
    ["第十条至第十二条", [10, 11, 12]],
    ["第五条、第三条和第五条", [3, 5]],
    ["《民法典》第一千零三十四条", [1034]],
  ])("%s → %j", (text, numbers) => {
    expect(articleRefsInText(text)).toEqual(numbers);
  });

  it("does not take chapters, paragraphs, bare counts or absurd numbers for articles", () => {
    expect(articleRefsInText("第二章 第一节 第三款 第（一）项 提出3条意见 第九九九九九九九条")).toEqual([]);
  });
});
