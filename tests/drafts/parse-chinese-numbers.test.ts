import { describe, expect, it } from "vitest";
import { articleLabel, formatChineseNumber, parseChineseNumber } from "../../app/drafts/parse";

describe("parseChineseNumber", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十一", 11],
    ["二十", 20],
    ["一百", 100],
    ["一百零八", 108],
    ["一百一十", 110],
    ["一百十", 110],
    ["一百二十八", 128],
    ["二百", 200],
    ["两百", 200],
    ["四百五十二", 452],
    ["一千", 1000],
    ["一千零一", 1001],
    ["一千零一十", 1010],
    ["一千一百", 1100],
    ["一千二百六十", 1260],
    ["一万零一", 10001],
    ["十万", 100000],
    ["零", 0],
    ["〇", 0],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it("reads digit-by-digit numbers such as years", () => {
    expect(parseChineseNumber("一九九七")).toBe(1997);
    expect(parseChineseNumber("二〇〇七")).toBe(2007);
  });

  it("accepts ASCII and full-width digits", () => {
    expect(parseChineseNumber("128")).toBe(128);
    expect(parseChineseNumber("１２８")).toBe(128);
    expect(parseChineseNumber(" 7 ")).toBe(7);
  });

  it.each(["", "条", "百", "一二十", "十百", "百千", "一万万", "第一"])("rejects %j", (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe("formatChineseNumber", () => {
  it.each([
    [0, "零"],
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [105, "一百零五"],
    [110, "一百一十"],
    [128, "一百二十八"],
    [1001, "一千零一"],
    [1010, "一千零一十"],
    [1100, "一千一百"],
    [1260, "一千二百六十"],
    [10001, "一万零一"],
    [12000, "一万二千"],
  ])("writes %d as %s", (value, text) => {
    expect(formatChineseNumber(value)).toBe(text);
  });

  it("round-trips every number up to 3000", () => {
    for (let n = 0; n <= 3000; n++) expect(parseChineseNumber(formatChineseNumber(n))).toBe(n);
  });

  it("refuses negative and fractional numbers", () => {
    expect(() => formatChineseNumber(-1)).toThrow(RangeError);
    expect(() => formatChineseNumber(1.5)).toThrow(RangeError);
  });
});

describe("articleLabel", () => {
  it("labels plain articles", () => {
    expect(articleLabel(1)).toBe("第一条");
    expect(articleLabel(128)).toBe("第一百二十八条");
    expect(articleLabel(1260)).toBe("第一千二百六十条");
  });

  it("labels inserted articles with 之X", () => {
    expect(articleLabel(128, 1)).toBe("第一百二十八条之一");
    expect(articleLabel(120, 6)).toBe("第一百二十条之六");
    expect(articleLabel(17, null)).toBe("第十七条");
  });
});
