import { describe, expect, it } from "vitest";
import { flatten, parseLaw, summarize, type ParsedLaw } from "../../app/drafts/parse";
import { firstDifference, losslessPair } from "./parse-lossless";

const U = "\u3000";
/** A plain-text law: title, blank line, then the given lines (CRLF). */
const text = (...lines: string[]) => ["示例法", "", ...lines].join("\r\n");
const md = (...lines: string[]) => ["# 示例法", ...lines].join("\n\n");
const articles = (law: ParsedLaw) => flatten(law).filter((p) => p.kind === "article");
const lossless = (input: string, law: ParsedLaw) => {
  const pair = losslessPair(input, law);
  return firstDifference(pair.input, pair.accounted) ?? true;
};

describe("articles", () => {
  it("reads 之一 articles as number and suffix, without numbering warnings", () => {
    const law = parseLaw(md("第一条 起。", "第一百三十三条 甲。", "第一百三十三条之一 乙。", "第一百三十三条之二 丙。", "第一百三十四条 丁。"));
    const list = articles(law).slice(1);
    expect(list.map((a) => [a.number, a.suffix, a.label])).toEqual([
      [133, null, "第一百三十三条"],
      [133, 1, "第一百三十三条之一"],
      [133, 2, "第一百三十三条之二"],
      [134, null, "第一百三十四条"],
    ]);
    // 第一条 -> 第一百三十三条 is a jump: reported once, the 之X articles are not
    expect(law.warnings.map((w) => [w.code, w.line])).toEqual([["numbering", 5]]);
  });

  it("gives a one-paragraph article exactly one paragraph holding its text", () => {
    const law = parseLaw(text(`第一条${U}本法自公布之日起施行。`));
    const [art] = articles(law);
    expect(art).toMatchObject({ text: "", children: [{ kind: "paragraph", number: 1, text: "本法自公布之日起施行。" }] });
  });

  it("gives an article whose label stands alone an empty first paragraph only when no text follows", () => {
    const alone = parseLaw(text("第一条", "本法的内容。", "第二条"));
    const [first, second] = articles(alone);
    expect(first!.children.map((c) => c.text)).toEqual(["本法的内容。"]);
    expect(second!.children).toEqual([expect.objectContaining({ kind: "paragraph", number: 1, text: "" })]);
  });

  it("reads a label with a stray space (第一百二十八 条) and reports it", () => {
    const law = parseLaw(md("第一百二十七条 甲。", "第一百二十八 条侦查人员应当勘验。"));
    const art = articles(law).find((a) => a.number === 128)!;
    expect(art.label).toBe("第一百二十八条");
    expect(art.children[0]!.text).toBe("侦查人员应当勘验。");
    expect(law.warnings.map((w) => w.code)).toContain("label-spacing");
  });

  it("does not mistake a paragraph that starts with an article reference for an article", () => {
    const law = parseLaw(text(`第一条${U}甲。`, "第二条规定的事项，依照本法执行。", `第二条${U}乙。`));
    expect(articles(law).map((a) => a.number)).toEqual([1, 2]);
    expect(articles(law)[0]!.children.map((c) => c.text)).toEqual(["甲。", "第二条规定的事项，依照本法执行。"]);
    expect(law.warnings).toEqual([]);
  });

  it("reports numbering gaps and duplicated article numbers", () => {
    const law = parseLaw(text(`第一条${U}甲。`, `第三条${U}乙。`, `第三条${U}丙。`));
    expect(law.warnings.map((w) => [w.code, w.line])).toEqual([
      ["numbering", 4],
      ["numbering", 5],
    ]);
  });
});

describe("paragraphs, items and sub-items", () => {
  it("hangs items under their paragraph and sub-items under their item; 1. with a thin space", () => {
    const law = parseLaw(
      text(`第一条${U}税率如下：`, "（一）货物，税率为百分之九：", "1.\u2009农产品；", "2.\u2009图书。", "（二）服务，税率为百分之六。", "前款规定的税率可以调整。"),
    );
    const [art] = articles(law);
    const [p1, p2] = art!.children;
    expect(p1!.children.map((c) => [c.kind, c.label, c.children.length])).toEqual([
      ["item", "（一）", 2],
      ["item", "（二）", 0],
    ]);
    expect(p1!.children[0]!.children.map((c) => [c.kind, c.number, c.label, c.text])).toEqual([
      ["subitem", 1, "1.", "农产品；"],
      ["subitem", 2, "2.", "图书。"],
    ]);
    expect(p2).toMatchObject({ kind: "paragraph", number: 2, text: "前款规定的税率可以调整。" });
  });

  it("keeps a second sentence of an item in the item when the numbering continues after it", () => {
    const law = parseLaw(text(`第四条${U}在下列场合，应当奏唱国歌：`, "（一）代表大会的开幕；", "政协会议的开幕；", "（二）宪法宣誓仪式。"));
    const items = flatten(law).filter((p) => p.kind === "item");
    expect(items.map((i) => i.text)).toEqual(["代表大会的开幕；\n政协会议的开幕；", "宪法宣誓仪式。"]);
    expect(law.warnings.filter((w) => w.code !== "numbering")).toEqual([]);
  });

  it("keeps an enumeration after a colon (委员长，副委员长若干人，…) in its paragraph", () => {
    const law = parseLaw(text(`第六十五条${U}常务委员会由下列人员组成：`, "委员长，", "副委员长若干人，", "委员若干人。", "常务委员会组成人员中，应当有少数民族代表。"));
    const [art] = articles(law);
    expect(art!.children.map((c) => c.text)).toEqual([
      "常务委员会由下列人员组成：\n委员长，\n副委员长若干人，\n委员若干人。",
      "常务委员会组成人员中，应当有少数民族代表。",
    ]);
  });

  it("reads 一、 inside an article as an item (国籍法)", () => {
    const law = parseLaw(text(`第七条${U}外国人可以申请加入中国国籍：`, "一、中国人的近亲属；", "二、定居在中国的。"));
    const items = flatten(law).filter((p) => p.kind === "item");
    expect(items.map((i) => [i.label, i.number])).toEqual([["一、", 1], ["二、", 2]]);
    expect(summarize(law).points).toBe(0);
  });

  it("keeps ASCII parentheses as printed in item labels", () => {
    const law = parseLaw(md("第一条 职能是：", "(一)办理事宜；", "(二)维护信息。"));
    expect(flatten(law).filter((p) => p.kind === "item").map((i) => [i.label, i.number])).toEqual([["(一)", 1], ["(二)", 2]]);
  });
});

describe("headings", () => {
  it("continues a heading that the source broke over two lines, and reports it", () => {
    const law = parseLaw(md("## 第一章 犯罪嫌疑人、被告人逃匿、死亡案件", "违法所得的没收程序", "第一条 甲。"));
    expect(law.body[0]).toMatchObject({ kind: "chapter", heading: "犯罪嫌疑人、被告人逃匿、死亡案件违法所得的没收程序" });
    expect(law.warnings.map((w) => w.code)).toEqual(["heading-continuation"]);
  });

  it("takes a title printed on the line after a bare 第一章", () => {
    const law = parseLaw(text("第一章", "总则", "", `第一条${U}甲。`));
    expect(law.body[0]).toMatchObject({ kind: "chapter", label: "第一章", heading: "总则" });
    expect(law.warnings).toEqual([]);
  });

  it("reads 序言 as a preamble made of paragraphs", () => {
    const law = parseLaw(text(`序${U}${U}言`, "", "中国是世界上历史最悠久的国家之一。", "本宪法是国家的根本法。", "", `第一章${U}总${U}${U}纲`, "", `第一条${U}甲。`));
    expect(law.body[0]).toMatchObject({ kind: "preamble", number: null, label: "序言", heading: null });
    expect(law.body[0]!.children.map((c) => c.number)).toEqual([1, 2]);
    expect(law.body[1]).toMatchObject({ kind: "chapter", heading: "总纲" });
  });

  it("places an unnumbered 附　　则 after the last 编 at the top level", () => {
    const law = parseLaw(text(`第一编${U}总${U}${U}则`, "", `第一条${U}甲。`, "", `附${U}${U}则`, "", `第二条${U}乙。`));
    expect(law.body.map((p) => [p.kind, p.number, p.label, p.heading])).toEqual([
      ["part", 1, "第一编", "总则"],
      ["chapter", null, "", "附则"],
    ]);
    expect(law.body[1]!.children[0]).toMatchObject({ kind: "article", number: 2 });
  });

  it("restarts chapter numbers in each 编 and continues them across 编, both without warnings", () => {
    const restart = parseLaw(md("## 第一编 甲", "### 第一章 子", "第一条 a。", "## 第二编 乙", "### 第一章 丑", "第二条 b。"));
    const carry = parseLaw(md("## 第一编 甲", "### 第一章 子", "第一条 a。", "## 第二编 乙", "### 第二章 丑", "第二条 b。"));
    expect(restart.warnings).toEqual([]);
    expect(carry.warnings).toEqual([]);
    const skip = parseLaw(md("## 第一章 子", "第一条 a。", "## 第三章 丑", "第二条 b。"));
    expect(skip.warnings.map((w) => w.code)).toEqual(["numbering"]);
  });
});

describe("text that cannot be placed", () => {
  it("reports a footnote and keeps its text in the warning", () => {
    const input = md("## 附则", "第一条 本法自1997年10月1日起施行。", "① 施行日期分别依据各法律所规定的施行日期确定。");
    const law = parseLaw(input);
    expect(law.warnings).toEqual([
      expect.objectContaining({ code: "footnote", text: "① 施行日期分别依据各法律所规定的施行日期确定。" }),
    ]);
    expect(lossless(input, law)).toBe(true);
  });

  it("reports text between a heading and the first article instead of dropping it", () => {
    const input = text(`第一章${U}总则`, "本章说明：以下各条适用于全部示例，并且应当遵守。", `第一条${U}甲。`);
    const law = parseLaw(input);
    expect(law.warnings).toEqual([expect.objectContaining({ code: "unplaced-text", line: 4 })]);
    expect(law.warnings[0]!.text).toBe("本章说明：以下各条适用于全部示例，并且应当遵守。");
    expect(lossless(input, law)).toBe(true);
  });

  it("reports a site navigation link at the end of a line and keeps the rest of the line", () => {
    const input = md("第一条 合同一般包括下列条款： [大萌法律读本](../duben) >>", "（一）当事人的名称；");
    const law = parseLaw(input);
    expect(articles(law)[0]!.children[0]!.text).toBe("合同一般包括下列条款：");
    expect(law.warnings).toEqual([expect.objectContaining({ code: "navigation", text: "[大萌法律读本](../duben) >>" })]);
  });
});
