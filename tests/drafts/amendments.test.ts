/**
 * Amendment formulas one by one (wording taken from real 修正案 and 修改决定), and their application
 * to a small article. The corpus check (刑法修正案（十二）) is in amendments-corpus.test.ts.
 */
import { describe, expect, it } from "vitest";
import { type AmendmentInstruction, applyAmendment, type ArticleText, parseAmendmentInstruction } from "../../app/drafts/amendments";

const kinds = (text: string) => parseAmendmentInstruction(text).map((i) => i.kind);
const only = (text: string): AmendmentInstruction => {
  const list = parseAmendmentInstruction(text);
  expect(list).toHaveLength(1);
  return list[0]!;
};

/** 第十条: 款1 with three 项, 款2, 款3. */
const article10: ArticleText = {
  label: "第十条",
  paragraphs: [
    { text: "国务院有关部门履行下列职责：", items: [
      { label: "（一）", text: "制定标准；" },
      { label: "（二）", text: "监督检查；" },
      { label: "（三）", text: "法律规定的其他职责。" },
    ] },
    { text: "县级以上地方人民政府负责本行政区域内的管理工作。", items: [] },
    { text: "社会团体应当予以配合。", items: [] },
  ],
};
const BEFORE = "国务院有关部门履行下列职责：\n（一）制定标准；\n（二）监督检查；\n（三）法律规定的其他职责。\n县级以上地方人民政府负责本行政区域内的管理工作。\n社会团体应当予以配合。";
const apply = (text: string, current: ArticleText | null = article10) => applyAmendment(current, parseAmendmentInstruction(text));

describe("parseAmendmentInstruction: one formula per kind", () => {
  it("replace_article, with a quote over several 款 and 项 closed only on its last line", () => {
    const i = only("五、将刑法第三百九十条修改为：“对犯行贿罪的，处罚金：\n“（一）多次行贿的；\n“（二）国家工作人员行贿的。\n“行贿人主动交待的，可以从轻处罚。”");
    expect(i).toEqual({
      kind: "replace_article",
      article: { law: "刑法", number: 390, suffix: null, label: "第三百九十条" },
      newText: "对犯行贿罪的，处罚金：\n（一）多次行贿的；\n（二）国家工作人员行贿的。\n行贿人主动交待的，可以从轻处罚。",
    });
  });

  it("replace_paragraph and replace_item", () => {
    expect(only("三、将第十六条第一款修改为：“经营者应当依法履行义务。”")).toMatchObject({
      kind: "replace_paragraph", target: { article: { number: 16 }, paragraph: 1 }, newText: "经营者应当依法履行义务。",
    });
    expect(only("将第十条第一款第二项修改为：“（二）监督检查和指导；”")).toMatchObject({
      kind: "replace_item", target: { article: { number: 10 }, paragraph: 1, item: 2 }, newText: "（二）监督检查和指导；",
    });
  });

  it("insert_article: after a named article, from the 之N label, or unplaced; several articles labelled in the quote", () => {
    expect(only("二、在刑法第一百三十三条之一后增加一条，作为第一百三十三条之二：“对行驶中的公共交通工具的驾驶人员使用暴力的，处一年以下有期徒刑。\n“前款规定的驾驶人员擅离职守的，依照前款的规定处罚。”")).toEqual({
      kind: "insert_article",
      after: { law: "刑法", number: 133, suffix: 1, label: "第一百三十三条之一" },
      newArticles: [{ label: "第一百三十三条之二", text: "对行驶中的公共交通工具的驾驶人员使用暴力的，处一年以下有期徒刑。\n前款规定的驾驶人员擅离职守的，依照前款的规定处罚。" }],
    });
    expect(only("一、第一百六十二条后增加一条，作为第一百六十二条之一：“隐匿会计凭证的，处五年以下有期徒刑。”")).toMatchObject({ after: { number: 162, suffix: null } });
    expect(only("增加一条，作为第三十七条之二：“……”")).toMatchObject({ after: { law: null, number: 37, suffix: 1 } });
    expect(only("九、增加一条，作为第二十五条：“经营者采用网络方式销售商品的，消费者有权退货。”")).toMatchObject({ after: null, newArticles: [{ label: "第二十五条" }] });
    expect(only("增加两条，作为第十一条、第十二条：“第十一条　甲。\n“第十二条　乙。\n“丙。”")).toMatchObject({
      newArticles: [{ label: "第十一条", text: "甲。" }, { label: "第十二条", text: "乙。\n丙。" }],
    });
  });

  it("insert_paragraph and insert_item, with or without a stated position", () => {
    expect(only("一、第五条增加一款，作为第三款：“国家倡导文明、健康的消费方式。”")).toEqual({
      kind: "insert_paragraph", article: { law: null, number: 5, suffix: null, label: "第五条" }, position: 3, text: "国家倡导文明、健康的消费方式。",
    });
    expect(only("在第十条中增加一款：“新款。”")).toMatchObject({ kind: "insert_paragraph", position: null });
    expect(only("在第十条第一款后增加一款：“新款。”")).toMatchObject({ kind: "insert_paragraph", position: 2 });
    expect(only("在第八条中增加一项，作为第十项：“（十）其他职责。”")).toMatchObject({ kind: "insert_item", article: { number: 8 }, paragraph: null, position: 10, text: "（十）其他职责。" });
    expect(only("第十条第一款增加一项，作为第二项：“（二）参与制定标准”")).toMatchObject({ kind: "insert_item", paragraph: 1, position: 2 });
  });

  it("delete: an article, 款, 项, or several of them", () => {
    expect(only("删去第一百零八条之一。")).toEqual({ kind: "delete", target: { article: { law: null, number: 108, suffix: 1, label: "第一百零八条之一" } } });
    expect(only("删去第十条第二款")).toMatchObject({ kind: "delete", target: { article: { number: 10 }, paragraph: 2 } });
    expect(only("将第十条第一款第三项删去")).toMatchObject({ kind: "delete", target: { paragraph: 1, item: 3 } });
    expect(parseAmendmentInstruction("删去第十条第二款、第三款").map((i) => i.kind === "delete" && i.target.paragraph)).toEqual([2, 3]);
  });

  it("replace_words, insert_words (后 and 前), delete_words", () => {
    expect(only("相应地将第二十八条第二款中的“及其社会团体”修改为“和消费者协会等组织”。")).toEqual({
      kind: "replace_words", target: { article: { law: null, number: 28, suffix: null, label: "第二十八条" }, paragraph: 2 },
      from: "及其社会团体", to: "和消费者协会等组织",
    });
    expect(only("在第十条第二款中的“管理工作”后增加“和监督工作”")).toMatchObject({ kind: "insert_words", target: { paragraph: 2 }, after: "管理工作", words: "和监督工作" });
    expect(only("在第十条中的“社会团体”前增加“有关”")).toMatchObject({ kind: "insert_words_before", before: "社会团体", words: "有关" });
    expect(only("删去第十条第二款中的“地方”")).toMatchObject({ kind: "delete_words", target: { paragraph: 2 }, words: "地方" });
    expect(only("将第十条中的“社会”删去")).toMatchObject({ kind: "delete_words", target: { article: { number: 10 } }, words: "社会" });
  });

  it("renumber: 改为 between labels of the same level, and 条文顺序作相应调整", () => {
    expect(kinds("十三、将第二十六条改为第三十条，修改为：“国家制定标准，应当听取消费者的意见。”")).toEqual(["renumber", "replace_article"]);
    expect(parseAmendmentInstruction("将第二十六条改为第三十条，修改为：“甲。”")[1]).toMatchObject({ article: { number: 26 } });
    expect(only("第一款第三项改为第四项")).toEqual({ kind: "unrecognised", text: "第一款第三项改为第四项" }); // no article to attach to
    expect(kinds("将第十条改为第十一条，第一款、第二款改为第二款、第三款")).toEqual(["renumber", "renumber"]);
    // what follows a renumbering of several 款 would name them together: not read
    expect(kinds("将第十条改为第十一条，第一款、第二款改为第二款、第三款，修改为：“甲。\n“乙。”")).toEqual(["renumber", "renumber", "unrecognised"]);
    expect(only("此外，对条文顺序作相应调整。")).toMatchObject({ kind: "renumber" });
  });

  it("several instructions in one point, each clause completing the context of the one before", () => {
    const list = parseAmendmentInstruction("五、将第十九条改为第二十条，第一款修改为：“经营者应当真实宣传。”\n第三款修改为：“经营者提供商品应当明码标价。”");
    expect(list.map((i) => i.kind)).toEqual(["renumber", "replace_paragraph", "replace_paragraph"]);
    expect(list.map((i) => "target" in i && [i.target.article.number, i.target.paragraph])).toEqual([false, [19, 1], [19, 3]]);
    const words = parseAmendmentInstruction("将第十一条中的“县级”修改为“省级”，“五日”修改为“十日”；删去第二款中的“书面”");
    expect(words).toMatchObject([
      { kind: "replace_words", target: { article: { number: 11 } }, from: "县级", to: "省级" },
      { kind: "replace_words", target: { article: { number: 11 } }, from: "五日", to: "十日" },
      { kind: "delete_words", target: { article: { number: 11 }, paragraph: 2 }, words: "书面" },
    ]);
    expect(kinds("六、将第二十一条改为第二十二条，其中的“购货凭证”修改为“发票等购货凭证”。")).toEqual(["renumber", "replace_words"]);
    expect(kinds("将第三十二条改为第三十七条，第一款中的“职能”修改为“公益性职责”。\n第一款增加一项，作为第二项：“（二）参与制定标准”。\n增加二款，作为第三款、第四款：“甲。\n“乙。”")).toEqual(
      ["renumber", "replace_words", "insert_item", "insert_paragraph"],
    );
  });

  it("accepts 「」 and ASCII quotes, 《》 law names, and keeps nested quotes inside a replacement", () => {
    expect(only('一、将刑法第十七条修改为："已满十六周岁的人犯罪，应当负刑事责任。\n"已满十四周岁的人，犯故意杀人罪的，应当负刑事责任。"')).toMatchObject({
      kind: "replace_article", newText: "已满十六周岁的人犯罪，应当负刑事责任。\n已满十四周岁的人，犯故意杀人罪的，应当负刑事责任。",
    });
    expect(only("将《中华人民共和国刑法》第十条修改为：“甲。”")).toMatchObject({ article: { law: "中华人民共和国刑法", number: 10 } });
    expect(only("将第十条第三款修改为：「社会组织应当予以配合。」")).toMatchObject({ kind: "replace_paragraph", newText: "社会组织应当予以配合。" });
    expect(only("将第二条修改为：“本法所称“网络”，是指计算机网络。”")).toMatchObject({ newText: "本法所称“网络”，是指计算机网络。" });
  });

  it("leaves what it cannot read as unrecognised, with its text, and what depends on it too", () => {
    // nothing read in the point: one instruction with the whole text
    expect(parseAmendmentInstruction("八、将第二十三条、第四十五条合并，作为第二十四条，修改为：“甲。”")).toEqual([
      { kind: "unrecognised", text: "将第二十三条、第四十五条合并，作为第二十四条，修改为：“甲。”" },
    ]);
    // something read: one per clause not read
    expect(parseAmendmentInstruction("将第二十三条、第四十五条合并，作为第二十四条，修改为：“甲。”；删去第五十条")).toEqual([
      { kind: "unrecognised", text: "将第二十三条、第四十五条合并，作为第二十四条" },
      { kind: "unrecognised", text: "修改为：“甲。”" },
      { kind: "delete", target: { article: { law: null, number: 50, suffix: null, label: "第五十条" } } },
    ]);
    expect(kinds("四、第十八条增加一款，作为第二款：“甲。”\n将第二款改为第十九条，修改为：“乙。”")).toEqual(["insert_paragraph", "unrecognised", "unrecognised"]);
    expect(only("将第三章的章名修改为“法律责任”")).toMatchObject({ kind: "unrecognised" });
    expect(only("将第五条第二款并入第一款。")).toMatchObject({ kind: "unrecognised" });
    expect(only("本法中的“行政主管部门”修改为“主管部门”。")).toMatchObject({ kind: "unrecognised" }); // the whole law: not one article
    expect(only("在第十条中增加一款作为第二款。")).toEqual({ kind: "unrecognised", text: "在第十条中增加一款作为第二款。" }); // no text anywhere
    expect(only("本决定自公布之日起施行。")).toEqual({ kind: "not_an_amendment", text: "本决定自公布之日起施行。" });
    for (const junk of ["", "“", "”", "将", "修改为：“", "删去", "第十条", "增加一条", "、、，；。\n“”「」"]) {
      expect(() => parseAmendmentInstruction(junk)).not.toThrow();
      expect(() => applyAmendment(article10, parseAmendmentInstruction(junk))).not.toThrow();
    }
  });
});

describe("applyAmendment", () => {
  it("replaces the whole article, a 款 or a 项", () => {
    expect(apply("将第十条修改为：“甲：\n“（一）乙；\n“丙。”")).toEqual({ before: BEFORE, after: "甲：\n（一）乙；\n丙。", applied: true, notes: [] });
    expect(apply("将第十条第二款修改为：“县级以上人民政府负责。”").after).toBe(BEFORE.replace("县级以上地方人民政府负责本行政区域内的管理工作。", "县级以上人民政府负责。"));
    expect(apply("将第十条第一款第二项修改为：“（二）监督检查和指导；”").after).toContain("\n（二）监督检查和指导；\n（三）");
    expect(apply("将第十条第二项修改为：“监督指导；”").after).toContain("\n（二）监督指导；\n"); // the only 款 with 项; label kept
  });

  it("inserts a 款 or a 项 where it says, relabelling the 项 after it", () => {
    expect(apply("第十条增加一款，作为第二款：“新的第二款。”").after!.split("\n").slice(4)).toEqual(["新的第二款。", "县级以上地方人民政府负责本行政区域内的管理工作。", "社会团体应当予以配合。"]);
    expect(apply("第十条增加一款：“末款。”").after!.endsWith("\n末款。")).toBe(true);
    const item = apply("在第十条第一款中增加一项，作为第二项：“（二）组织宣传；”");
    expect(item.after!.split("\n").slice(1, 5)).toEqual(["（一）制定标准；", "（二）组织宣传；", "（三）监督检查；", "（四）法律规定的其他职责。"]);
    expect(item.applied).toBe(true);
    expect(item.notes).toEqual(["项 relabelled in order after the change"]);
  });

  it("deletes an article, a 款, a 项", () => {
    expect(apply("删去第十条")).toMatchObject({ before: BEFORE, after: null, applied: true });
    expect(apply("删去第十条第三款").after).toBe(BEFORE.replace("\n社会团体应当予以配合。", ""));
    expect(apply("删去第十条第一款第一项").after!.split("\n").slice(1, 3)).toEqual(["（一）监督检查；", "（二）法律规定的其他职责。"]);
  });

  it("changes words in the article, a 款 or a 项", () => {
    expect(apply("将第十条中的“社会团体”修改为“社会组织”").after).toBe(BEFORE.replace("社会团体", "社会组织"));
    expect(apply("在第十条第二款中的“管理工作”后增加“和监督工作”").after).toContain("管理工作和监督工作。");
    expect(apply("在第十条第三款中的“配合”前增加“积极”").after).toContain("予以积极配合。");
    expect(apply("删去第十条第一款第一项中的“制定”").after).toContain("（一）标准；");
    const twice = apply("将第十条中的“职责”修改为“责任”");
    expect(twice.after).toContain("履行下列责任：\n");
    expect(twice.after).toContain("其他责任。");
    expect(twice.notes).toEqual(["第十条: “职责” occurs 2 times; changed at each"]);
  });

  it("applies several instructions of one point in order", () => {
    const r = apply("将第十条第一款中的“国务院有关部门”修改为“国务院”；删去第二款中的“地方”；第三款修改为：“社会组织应当配合。”");
    expect(r.applied).toBe(true);
    expect(r.after).toBe("国务院履行下列职责：\n（一）制定标准；\n（二）监督检查；\n（三）法律规定的其他职责。\n县级以上人民政府负责本行政区域内的管理工作。\n社会组织应当配合。");
  });

  it("does not guess: words not found, 款 or 项 out of range, unreadable formula", () => {
    const missing = apply("将第十条第二款中的“国务院”修改为“省人民政府”");
    expect(missing).toMatchObject({ before: BEFORE, after: BEFORE, applied: false });
    expect(missing.notes).toEqual(["第十条第二款: “国务院” not found"]);
    expect(apply("删去第十条第五款")).toMatchObject({ applied: false, notes: ["第十条第五款: the article has 3 款"] });
    expect(apply("将第十条第二款第一项修改为：“（一）甲；”")).toMatchObject({ applied: false, notes: ["第十条第二款第一项: the 款 has 0 项"] });
    expect(apply("第十条增加一款，作为第七款：“甲。”").applied).toBe(false);
    const partly = apply("将第十条中的“社会团体”修改为“社会组织”，“乡镇”修改为“街道”");
    expect(partly.applied).toBe(false);
    expect(partly.after).toContain("社会组织应当予以配合。");
    const unread = apply("将第十条、第十一条合并，修改为：“甲。”");
    expect(unread.applied).toBe(false);
    expect(unread.after).toBe(BEFORE);
  });

  it("names existing 款/项 by their number in the text amended, new ones by their new position", () => {
    // as in the 2013 消费者权益保护法 decision: 增加一项，作为第二项 … 第一款第三项改为第四项，修改为：…
    const r = apply("将第十条第一款增加一项，作为第二项：“（二）组织宣传；”\n第一款第三项改为第四项，修改为：“（四）其他职责。”\n第一款第二项修改为：“（三）监督和检查；”");
    expect(r.applied).toBe(true);
    expect(r.after!.split("\n").slice(0, 5)).toEqual(["国务院有关部门履行下列职责：", "（一）制定标准；", "（二）组织宣传；", "（三）监督和检查；", "（四）其他职责。"]);
    const gone = apply("删去第十条第二款；将第二款中的“管理”修改为“监督”");
    expect(gone).toMatchObject({ applied: false, notes: ["第十条第二款: removed by an earlier instruction"] });
    const shifted = apply("第十条增加一款，作为第一款：“首款。”；第二款修改为：“甲。”"); // the old 第二款, now the third
    expect(shifted.after).toBe(`首款。\n${BEFORE.replace("县级以上地方人民政府负责本行政区域内的管理工作。", "甲。")}`);
  });

  it("skips, with a note, instructions about other articles and reports renumbering", () => {
    const r = apply("将第十条改为第十一条，第三款修改为：“甲。”；删去第十二条第一款");
    expect(r.applied).toBe(true);
    expect(r.after!.endsWith("\n甲。")).toBe(true);
    expect(r.notes).toEqual(["renumbering, not applied to the text: 将第十条改为第十一条", "skipped, concerns 第十二条第一款"]);
  });

  it("works without the current text when the point gives the new text in full", () => {
    expect(applyAmendment(null, parseAmendmentInstruction("增加一条，作为第十条之一：“甲。\n“乙。”"))).toEqual({ before: null, after: "甲。\n乙。", applied: true, notes: [] });
    expect(applyAmendment(null, parseAmendmentInstruction("在刑法第十条中增加一款作为第二款，将该条修改为：“甲。\n“乙。”"))).toMatchObject({ before: null, after: "甲。\n乙。", applied: true });
    const words = applyAmendment(null, parseAmendmentInstruction("将第十条中的“甲”修改为“乙”"));
    expect(words).toMatchObject({ before: null, after: null, applied: false, notes: ["第十条: current text not available"] });
    expect(applyAmendment(null, parseAmendmentInstruction("本修正案自2024年3月1日起施行。"))).toMatchObject({ after: null, applied: false });
  });
});
