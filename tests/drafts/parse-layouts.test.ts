import { describe, expect, it } from "vitest";
import { bodyText, detectFormat, flatten, parseLaw, removeWhitespace, summarize } from "../../app/drafts/parse";

const U = "\u3000";

describe("flk.npc plain text layout", () => {
  const input =
    "\ufeff\r\n\r\n中华人民共和国示例法\r\n\r\n" +
    `（2020年1月1日第十三届全国人民代表大会常务委员会第一次会议通过${U}根据2021年1月1日修正）\r\n\r\n` +
    `目${U}${U}录\r\n第一章${U}总${U}${U}则\r\n第二章${U}管${U}${U}理\r\n${U}${U}第一节${U}一般规定\r\n第三章${U}附${U}${U}则\r\n\r\n` +
    `第一章${U}总${U}${U}则\r\n\r\n` +
    `第一条${U}为了示例，制定本法。\r\n` +
    `第二条${U}本法适用于示例。\n` + // a bare LF among CRLF
    "示例包括下列事项：\r\n" +
    "（一）第一项；\r\n" +
    "（二）第二项。\r\n\r\n" +
    `第二章${U}管${U}${U}理\r\n\r\n第一节${U}一般规定\r\n\r\n` +
    `第三条${U}国家管理示例。\r\n\r\n` +
    `第三章${U}附${U}${U}则\r\n\r\n` +
    `第四条${U}本法自公布之日起施行。\r\n`;
  const law = parseLaw(input);

  it("detects plain text and strips the byte-order mark", () => {
    expect(law.format).toBe("text");
    expect(law.title).toBe("中华人民共和国示例法");
    expect(law.subtitle).toMatch(/^（2020年1月1日.*修正）$/);
  });

  it("does not create provisions from the 目录 that repeats every heading", () => {
    const s = summarize(law);
    expect(s).toMatchObject({ chapters: 3, sections: 1, articles: 4, items: 2 });
    expect(law.frontMatter).toContain(`目${U}${U}录`);
    expect(law.frontMatter).toContain(`${U}${U}第一节${U}一般规定`);
    expect(law.warnings).toEqual([]);
  });

  it("normalises headings and keeps the label as printed", () => {
    const [first, second, third] = law.body;
    expect(first).toMatchObject({ kind: "chapter", number: 1, label: "第一章", heading: "总则", line: 13 });
    expect(second?.children[0]).toMatchObject({ kind: "section", number: 1, label: "第一节", heading: "一般规定" });
    expect(third).toMatchObject({ kind: "chapter", number: 3, heading: "附则" });
  });

  it("puts one 款 per line and items under their paragraph, with source line numbers across CRLF and LF", () => {
    const art2 = law.body[0]!.children[1]!;
    expect(art2).toMatchObject({ kind: "article", number: 2, label: "第二条", text: "", line: 16 });
    expect(art2.children.map((c) => [c.kind, c.number, c.text, c.line])).toEqual([
      ["paragraph", 1, "本法适用于示例。", 16],
      ["paragraph", 2, "示例包括下列事项：", 17],
    ]);
    expect(art2.children[1]!.children.map((c) => [c.kind, c.label, c.number, c.text])).toEqual([
      ["item", "（一）", 1, "第一项；"],
      ["item", "（二）", 2, "第二项。"],
    ]);
  });

  it("accounts for every non-whitespace character", () => {
    const all = removeWhitespace(input);
    expect(removeWhitespace(law.frontMatter.join("")) + bodyText(law, { includeWarnings: true })).toBe(all);
  });
});

describe("LawRefBook Markdown layout", () => {
  const input = [
    "# 中华人民共和国示例法",
    "",
    "2020年1月1日 第十三届全国人民代表大会第一次会议通过",
    "",
    "2021年1月1日 第十三届全国人民代表大会常务委员会第二次会议《关于修改〈中华人民共和国示例法〉的决定》修正",
    "",
    "<!-- INFO END -->",
    "",
    "\u200b",
    "",
    "## 第一编 总 则",
    "",
    "### 第一章 一般规定",
    "",
    "\u200b\u200b",
    "",
    "第一条 为了示例，制定本法。",
    "",
    "第二条 示例包括：",
    "",
    "（一）甲；",
    "",
    "（二）乙。",
    "",
    "## 第二编 分则",
    "",
    "## 第二章 具体规定",
    "",
    "#### 第一节 通则",
    "",
    "第三条 国家管理示例。",
    "",
    "本条第一款另有规定的除外。",
    "",
  ].join("\n");
  const law = parseLaw(input);

  it("detects Markdown, the title and the dated history lines", () => {
    expect(law.format).toBe("markdown");
    expect(law.title).toBe("中华人民共和国示例法");
    expect(law.subtitle?.split("\n")).toHaveLength(2);
    expect(law.frontMatter).toContain("<!-- INFO END -->");
  });

  it("takes the level from the label, not from the heading depth, and ignores zero-width lines", () => {
    expect(law.body.map((p) => [p.kind, p.label])).toEqual([
      ["part", "第一编"],
      ["part", "第二编"],
    ]);
    const part2 = law.body[1]!;
    expect(part2.children[0]).toMatchObject({ kind: "chapter", number: 2, heading: "具体规定" });
    expect(part2.children[0]!.children[0]).toMatchObject({ kind: "section", number: 1 });
    expect(law.body[0]!.heading).toBe("总则");
    expect(law.warnings).toEqual([]);
  });

  it("separates 款 by blank lines", () => {
    const art3 = flatten(law).find((p) => p.kind === "article" && p.number === 3)!;
    expect(art3.children.map((c) => c.text)).toEqual(["国家管理示例。", "本条第一款另有规定的除外。"]);
  });
});

describe("大萌 Markdown layout with setext headings and bullets", () => {
  const crlf = (lines: string[]) => lines.join("\r\n");
  const input = crlf([
    " [大萌法律读本](../duben) >> 2020-示例典",
    "",
    "中华人民共和国示例典",
    "--------------------",
    "",
    "来源： 新华网",
    "",
    `${U}${U}（2020年5月28日第十三届全国人民代表大会第三次会议通过）`,
    "",
    "目录",
    "----",
    "",
    `\t第一编${U}总则`,
    `\t\t第一章${U}基本规定  （第一节${U}一般\t第二节${U}特别）`,
    "\t附则",
    "",
    "",
    `# 第一编${U}总则`,
    "",
    `第一章${U}基本规定`,
    "================",
    "",
    `第一节${U}一般`,
    "--------",
    "",
    `${U}${U}第一条${U}民事主体享有下列权利：  `,
    `*\t（一）人身权；`,
    `*\t（二）财产权。`,
    "",
    `${U}${U}其他权利依法保护。`,
    "",
    `第二节${U}特别`,
    "--------",
    "",
    `${U}${U}第二条${U}特别规定。`,
    "",
    "附则",
    "====",
    "",
    `${U}${U}第三条${U}本法自2021年1月1日起施行。`,
  ]);
  const law = parseLaw(input, { fileName: "2020-minfadian.txt.md" });

  it("skips the navigation line, the setext title, the source line and the 目录", () => {
    expect(law.format).toBe("markdown");
    expect(law.title).toBe("中华人民共和国示例典");
    expect(law.subtitle).toBe("（2020年5月28日第十三届全国人民代表大会第三次会议通过）");
    expect(law.frontMatter[0]).toContain("[大萌法律读本]");
    expect(law.frontMatter).toContain("来源： 新华网");
  });

  it("reads ATX 编 and setext 章/节 by their labels, and the unnumbered 附则 as a top-level chapter", () => {
    expect(law.body.map((p) => [p.kind, p.number, p.label, p.heading])).toEqual([
      ["part", 1, "第一编", "总则"],
      ["chapter", null, "", "附则"],
    ]);
    const chapter = law.body[0]!.children[0]!;
    expect(chapter.children.map((c) => c.heading)).toEqual(["一般", "特别"]);
    expect(law.body[1]!.children[0]).toMatchObject({ kind: "article", number: 3 });
    expect(summarize(law)).toMatchObject({ parts: 1, chapters: 2, sections: 2, articles: 3 });
  });

  it("reads bullets as items and a later indented line as a new paragraph", () => {
    const art1 = flatten(law).find((p) => p.kind === "article" && p.number === 1)!;
    expect(art1.children.map((c) => c.text)).toEqual(["民事主体享有下列权利：", "其他权利依法保护。"]);
    expect(art1.children[0]!.children.map((c) => `${c.label}${c.text}`)).toEqual(["（一）人身权；", "（二）财产权。"]);
    expect(law.warnings).toEqual([]);
  });
});

describe("format detection", () => {
  it("trusts the file extension", () => {
    expect(detectFormat("第一条 示例。", "a.md")).toBe("markdown");
    expect(detectFormat("# 标题", "a.txt")).toBe("text");
  });

  it("recognises Markdown markup without a file name", () => {
    expect(detectFormat("# 示例法\n\n## 第一章 总则\n")).toBe("markdown");
    expect(detectFormat("示例法\n=====\n")).toBe("markdown");
    expect(detectFormat("示例法\n\n<!-- INFO END -->\n")).toBe("markdown");
    expect(detectFormat(`示例法\r\n\r\n第一条${U}示例。\r\n`)).toBe("text");
  });

  it("honours an explicit format", () => {
    expect(parseLaw("# 示例法\n\n第一条 示例。", { format: "text" }).format).toBe("text");
  });
});

describe("titles", () => {
  it("joins a title printed over several lines", () => {
    const law = parseLaw("\ufeff\r\n\r\n全国人民代表大会常务委员会关于\n示例问题\n的决定\r\n\r\n（1983年3月5日通过）\r\n\r\n一、示例。\r\n");
    expect(law.title).toBe("全国人民代表大会常务委员会关于示例问题的决定");
  });

  it("falls back to the file name and warns when there is none", () => {
    expect(parseLaw("第一条 示例。", { fileName: "中华人民共和国刑法(2020-12-26).md" }).title).toBe("中华人民共和国刑法");
    expect(parseLaw("第一条 示例。", { fileName: "-中华人民共和国海商法_19921107.txt" }).title).toBe("中华人民共和国海商法");
    const untitled = parseLaw("第一条 示例。");
    expect(untitled.title).toBe("");
    expect(untitled.warnings.map((w) => w.code)).toEqual(["missing-title"]);
  });
});

describe("drafts as they are published for consultation", () => {
  const input = [
    "中华人民共和国示例法（草案）",
    "（征求意见稿）",
    "",
    `目${U}${U}录`,
    `第一章${U}总${U}${U}则`,
    `第二章${U}附${U}${U}则`,
    "",
    `第一章${U}总${U}${U}则`,
    "",
    `第一条${U}为了示例，制定本法。`,
    "",
    `第二章${U}附${U}${U}则`,
    "",
    `第二条${U}本法自${U}${U}年${U}${U}月${U}${U}日起施行。`,
    "",
    "关于《中华人民共和国示例法（草案）》的说明",
    "",
    "现就草案作如下说明。",
    "一、起草的必要性",
  ].join("\n");
  const law = parseLaw(input);

  it("keeps the draft note under the title as subtitle and skips the 目录", () => {
    expect(law.title).toBe("中华人民共和国示例法（草案）");
    expect(law.subtitle).toBe("（征求意见稿）");
    expect(summarize(law)).toMatchObject({ chapters: 2, articles: 2 });
  });

  it("makes an explanation appended after the last article an unlabelled annex, not part of the article", () => {
    const annex = law.body[2]!;
    expect(annex).toMatchObject({ kind: "annex", label: "", heading: "关于《中华人民共和国示例法（草案）》的说明" });
    expect(annex.children.map((c) => c.kind)).toEqual(["paragraph", "point"]);
    expect(law.body[1]!.children[0]!.children).toHaveLength(1);
    expect(law.warnings).toEqual([]);
  });

  it("reads Markdown conversions with bold labels and block quotes", () => {
    const md = parseLaw("# 示例法\n\n## **第一章** 总则\n\n**第一条** 为了示例，制定本法。\n\n> **第二条** 本法自公布之日起施行。\n");
    expect(flatten(md).map((p) => [p.kind, p.label])).toEqual([
      ["chapter", "第一章"],
      ["article", "第一条"],
      ["paragraph", ""],
      ["article", "第二条"],
      ["paragraph", ""],
    ]);
    expect(md.warnings).toEqual([]);
  });
});

describe("promulgation lines", () => {
  it("puts the 主席令 block before the title into the front matter", () => {
    const input = [
      "中华人民共和国主席令",
      "第十六号",
      "《中华人民共和国示例法》已由中华人民共和国第十四届全国人民代表大会常务委员会第七次会议于2023年12月29日通过，现予公布，自2024年7月1日起施行。",
      `中华人民共和国主席${U}习近平`,
      "2023年12月29日",
      "",
      "中华人民共和国示例法",
      "（2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过）",
      "",
      `第一条${U}为了示例，制定本法。`,
    ].join("\r\n");
    const law = parseLaw(input);
    expect(law.title).toBe("中华人民共和国示例法");
    expect(law.frontMatter.slice(0, 5)).toEqual(input.split("\r\n").slice(0, 5));
    expect(law.body.map((p) => p.label)).toEqual(["第一条"]);
    expect(law.warnings).toEqual([]);
  });
});

describe("tables of contents", () => {
  it("skips a 目录 with dot leaders and page numbers, and one whose body headings are spaced differently", () => {
    const input = ["示例法", "", "目录", "第一章 总则……………1", "第二章 附则……………3", "", `第一章${U}总${U}${U}则`, `第一条${U}甲。`, "第二章 附 则", `第二条${U}乙。`].join("\n");
    const law = parseLaw(input);
    expect(law.body.map((p) => [p.kind, p.label, p.heading])).toEqual([
      ["chapter", "第一章", "总则"],
      ["chapter", "第二章", "附则"],
    ]);
    expect(law.frontMatter).toEqual(["示例法", "目录", "第一章 总则……………1", "第二章 附则……………3"]);
  });

  it("ends a 目录 at the first heading followed by an article even without a blank line", () => {
    const law = parseLaw(["示例法", "目　　录", "第一章　总则", "第二章　附则", "第一章　总则", "第一条　甲。"].join("\n"));
    expect(summarize(law)).toMatchObject({ chapters: 1, articles: 1 });
    expect(law.frontMatter).toHaveLength(4);
  });
});
