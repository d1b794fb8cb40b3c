import { describe, expect, it } from "vitest";
import { flatten, parseLaw, summarize } from "../../app/drafts/parse";
import { firstDifference, losslessPair } from "./parse-lossless";

const U = "\u3000";
const crlf = (...lines: string[]) => lines.join("\r\n");
const expectLossless = (input: string, law: ReturnType<typeof parseLaw>) => {
  const pair = losslessPair(input, law);
  expect(firstDifference(pair.input, pair.accounted)).toBeNull();
};

describe("texts made of numbered points", () => {
  const amendment = crlf(
    "\ufeff",
    "",
    "中华人民共和国刑法修正案（十二）",
    "",
    "（2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过）",
    "",
    "一、在刑法第一百六十五条中增加一款作为第二款，将该条修改为：“国有公司、企业的董事，获取非法利益的，处三年以下有期徒刑。",
    "“其他公司、企业的董事实施前款行为的，依照前款的规定处罚。”",
    "二、将刑法第三百九十条修改为：“对犯行贿罪的，处三年以下有期徒刑：",
    "“（一）多次行贿的；",
    "“（二）国家工作人员行贿的。”",
    "三、将刑法第三百九十一条第一款修改为：“为谋取不正当利益的，处罚金。”",
    "四、删去第一百零八条之一。",
    "五、本修正案自2024年3月1日起施行。",
  );
  const law = parseLaw(amendment);

  it("makes each 一、二、… a top-level point, counted in the summary", () => {
    expect(law.body.map((p) => [p.kind, p.number, p.label])).toEqual([
      ["point", 1, "一、"],
      ["point", 2, "二、"],
      ["point", 3, "三、"],
      ["point", 4, "四、"],
      ["point", 5, "五、"],
    ]);
    expect(summarize(law)).toMatchObject({ points: 5, articles: 0 });
    expect(law.warnings).toEqual([]);
  });

  it("records which article each point amends", () => {
    expect(law.body.map((p) => p.amends ?? null)).toEqual([
      { law: "刑法", article: "第一百六十五条" },
      { law: "刑法", article: "第三百九十条" },
      { law: "刑法", article: "第三百九十一条" },
      { law: null, article: "第一百零八条之一" },
      null,
    ]);
  });

  it("keeps quoted replacement lines, quoted items included, as paragraphs of their point", () => {
    expect(law.body[1]!.children.map((c) => [c.kind, c.text])).toEqual([
      ["paragraph", "将刑法第三百九十条修改为：“对犯行贿罪的，处三年以下有期徒刑："],
      ["paragraph", "“（一）多次行贿的；"],
      ["paragraph", "“（二）国家工作人员行贿的。”"],
    ]);
    expectLossless(amendment, law);
  });

  it("reads an introduction before the first point as an unlabelled preamble", () => {
    const input = crlf(
      "全国人民代表大会常务委员会关于",
      "若干问题的规定",
      "",
      "（1983年3月5日通过）",
      "",
      "为了便于实施选举法，作如下规定：",
      "一、设立选举委员会。",
      "选举委员会设立办事机构。",
      "二、选举委员会的职权是：",
      "（一）主持选举；",
      "（二）公布名单。",
      "县的选举委员会指导乡的工作。",
    );
    const decision = parseLaw(input);
    expect(decision.title).toBe("全国人民代表大会常务委员会关于若干问题的规定");
    expect(decision.body.map((p) => [p.kind, p.label])).toEqual([["preamble", ""], ["point", "一、"], ["point", "二、"]]);
    expect(decision.body[1]!.children.map((c) => c.text)).toEqual(["设立选举委员会。", "选举委员会设立办事机构。"]);
    const point2 = decision.body[2]!;
    expect(point2.children.map((c) => [c.number, c.children.length])).toEqual([[1, 2], [2, 0]]);
    expect(summarize(decision).points).toBe(2);
    expectLossless(input, decision);
  });
});

describe("annexes", () => {
  it("takes an annex title printed on the line after 附件一, and makes its points", () => {
    const input = crlf(
      "示例法", "", `第一条${U}本法附件一是办法。`, "", "附件一", "", "行政长官的产生办法", "",
      "一、行政长官由选举委员会选出。", "二、选举委员会委员共800人，由下列各界人士组成：",
      "工商、金融界\t200人", "专业界\t200人", "立法会议员、区域性组织代", "表、人大代表的代表\t", "", "", "200人",
      "选举委员会每届任期五年。",
    );
    const law = parseLaw(input);
    const annex = law.body[1]!;
    expect(annex).toMatchObject({ kind: "annex", number: 1, label: "附件一", heading: "行政长官的产生办法" });
    expect(annex.children.map((c) => [c.kind, c.label])).toEqual([["point", "一、"], ["point", "二、"]]);
    const [p1, p2] = annex.children[1]!.children;
    expect(p1!.text).toBe(
      "选举委员会委员共800人，由下列各界人士组成：\n工商、金融界\t200人\n专业界\t200人\n立法会议员、区域性组织代\n表、人大代表的代表\t\n200人",
    );
    expect(p2!.text).toBe("选举委员会每届任期五年。");
    expect(summarize(law).points).toBe(0); // points inside annexes are not points of the text
    expect(law.warnings).toEqual([]);
    expectLossless(input, law);
  });

  it("keeps a tab-separated table as text, tab-led rows and label rows included, none read as sub-items", () => {
    const input = crlf(
      "示例税法", "", `第一条${U}税额依照本法所附《税目税额表》执行。`, "", "附：", "", "税目税额表",
      "税目\t计税单位\t年基准税额", "乘用车\t1.\u20090升（含）以下的\t每辆\t60元至360元", "\t1.\u20090升以上的\t每辆\t300元至540元",
      "其他", "车辆\t专用作业车\t每吨\t16元至120元",
    );
    const law = parseLaw(input);
    const annex = law.body[1]!;
    expect(annex).toMatchObject({ kind: "annex", label: "附：", number: null, heading: "税目税额表" });
    expect(annex.children).toHaveLength(1);
    expect(annex.children[0]!.text.split("\n")).toHaveLength(5);
    expect(flatten(law).filter((p) => p.kind === "subitem" || p.kind === "item")).toEqual([]);
    expectLossless(input, law);
  });

  it("reads 附件：title on one line, and Markdown 附件 with 1． lists", () => {
    const text = parseLaw(crlf("示例法", "", `第一条${U}甲。`, "", "", "附件：中华人民共和国国歌（五线谱版、简谱版）"));
    expect(text.body[1]).toMatchObject({ kind: "annex", label: "附件：", heading: "中华人民共和国国歌（五线谱版、简谱版）" });
    const md = parseLaw(["# 示例法", "## 附则", "第一条 甲。", "## 附件一", "下列决定予以废止：", "1．关于甲的决定", "2．关于乙的决定"].join("\n\n"));
    expect(md.body.map((p) => [p.kind, p.label, p.heading])).toEqual([["chapter", "", "附则"], ["annex", "附件一", null]]);
    expect(md.body[1]!.children[0]!.children.map((c) => [c.kind, c.label, c.number])).toEqual([
      ["item", "1．", 1],
      ["item", "2．", 2],
    ]);
  });

  it("makes a document appended after the law (title lines, blank, 题注) an unlabelled annex", () => {
    const input = crlf(
      "示例基本法", "", `第一条${U}甲。`, "", "附件三", "", "全国性法律", "", "一、《国籍法》", "", "", "区旗图案", "", "", "区徽图案", "", "",
      "全国人民代表大会常务委员会关于", "增加《示例基本法》", "附件三所列全国性法律的决定", "", "（1998年11月4日通过）", "",
      "第九届全国人民代表大会常务委员会第五次会议决定：增加全国性法律。",
    );
    const law = parseLaw(input);
    expect(law.body.slice(1).map((p) => [p.kind, p.label, p.heading, p.text])).toEqual([
      ["annex", "附件三", "全国性法律", ""],
      ["annex", "", "区旗图案", ""],
      ["annex", "", "区徽图案", ""],
      ["annex", "", "全国人民代表大会常务委员会关于增加《示例基本法》附件三所列全国性法律的决定", "（1998年11月4日通过）"],
    ]);
    expect(law.body[4]!.children.map((c) => [c.kind, c.text])).toEqual([
      ["paragraph", "第九届全国人民代表大会常务委员会第五次会议决定：增加全国性法律。"],
    ]);
    expect(law.warnings).toEqual([]);
    expectLossless(input, law);
  });
});
