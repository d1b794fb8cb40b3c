/**
 * Matching clauses between two versions and the comparison table, on small inline texts.
 */
import { describe, expect, it } from "vitest";
import { charDiff, sideText } from "../../app/drafts/compare/char-diff";
import { clauseDiff } from "../../app/drafts/compare/clause-diff";
import { compareLawTexts } from "../../app/drafts/compare/comparison";
import { matchArticles, type ArticleInput } from "../../app/drafts/compare/match-articles";
import { NEW_LAW, OLD_LAW } from "./compare-fixtures";
import { expectComparisonInvariants, expectMatchInvariants } from "./compare-invariants";

function article(number: number, text: string, key = `art-${number}`): ArticleInput {
  return { key, number, suffix: null, label: `第${number}条`, text, context: "" };
}

describe("compareLawTexts on a small invented law", () => {
  const comparison = compareLawTexts(OLD_LAW, NEW_LAW, { old: "测试法-旧.txt", new: "测试法-新.txt" });
  const row = (status: string, oldLabel?: string, newLabel?: string) =>
    comparison.rows.find((r) => r.status === status && r.old?.label === oldLabel && r.new?.label === newLabel);

  it("finds each kind of change", () => {
    expect(comparison.summary).toEqual({ unchanged: 1, modified: 1, added: 3, deleted: 2, moved: 4 });
    expectComparisonInvariants(comparison, 8, 9);
    expect(row("unchanged", "第一条", "第一条")).toBeDefined();
    expect(row("modified", "第二条", "第二条")).toBeDefined();
    expect(row("deleted", "第三条", undefined)?.note).toBe("删除");
    expect(row("added", undefined, "第三条")?.note).toBe("新增");
    expect(row("added", undefined, "第四条")).toBeDefined();
    expect(row("moved", "第四条", "第五条")?.note).toBe("原第四条，序号调整，内容未修改");
    expect(row("moved", "第八条", "第九条")?.note).toBe("原第八条，序号调整，内容有修改");
  });

  it("records the split and the merge, and says so in the remarks", () => {
    expect(comparison.relations).toEqual([
      { kind: "split", old: ["art-5"], new: ["art-6", "art-7"] },
      { kind: "merged", old: ["art-6", "art-7"], new: ["art-8"] },
    ]);
    expect(row("moved", "第五条", "第六条")?.note).toContain("原第五条拆分为第六条、第七条");
    expect(row("added", undefined, "第七条")?.note).toBe("新增；原第五条拆分为第六条、第七条");
    expect(row("moved", "第六条", "第八条")?.note).toContain("由原第六条、第七条合并");
    expect(row("deleted", "第七条", undefined)?.note).toBe("删除；内容并入第八条");
    expect(row("deleted", "第七条", undefined)?.noteEn).toBe("deleted; merged into Art. 8");
  });

  it("reads in the new order, each deleted clause after the clause that preceded it", () => {
    expect(comparison.rows.map((r) => `${r.old?.label ?? "—"}→${r.new?.label ?? "—"}`)).toEqual([
      "第一条→第一条", "第二条→第二条", "第三条→—", "—→第三条", "—→第四条", "第四条→第五条",
      "第五条→第六条", "—→第七条", "第六条→第八条", "第七条→—", "第八条→第九条",
    ]);
  });

  it("marks the changed words only", () => {
    expect(row("modified", "第二条", "第二条")?.segments).toEqual([
      { op: "equal", text: "本法所称测试，是指对软件" },
      { op: "insert", text: "和硬件" },
      { op: "equal", text: "进行的检验活动。" },
    ]);
    expect(row("moved", "第八条", "第九条")?.segments).toEqual([
      { op: "equal", text: "本法自" },
      { op: "delete", text: "2020" },
      { op: "insert", text: "2025" },
      { op: "equal", text: "年1月1日起施行。" },
    ]);
  });

  it("compares a text with itself as all unchanged", () => {
    const same = compareLawTexts(NEW_LAW, NEW_LAW);
    expect(same.summary).toEqual({ unchanged: 9, modified: 0, added: 0, deleted: 0, moved: 0 });
  });
});

describe("matchArticles", () => {
  it("handles empty sides", () => {
    expect(matchArticles([], []).matches).toEqual([]);
    const onlyOld = matchArticles([article(1, "甲乙丙丁")], []);
    expect(onlyOld.matches.map((m) => m.status)).toEqual(["deleted"]);
    expect(matchArticles([], [article(1, "甲乙丙丁")]).matches.map((m) => m.status)).toEqual(["added"]);
  });

  it("prefers the same number when two candidates are equally similar", () => {
    const old = [article(2, "国家保护测试人员的合法权益")];
    const fresh = [article(1, "国家保护测试人员的合法权益不受侵犯"), article(2, "国家保护测试人员的合法权益不得侵犯")];
    const result = matchArticles(old, fresh);
    expectMatchInvariants(result, 1, 2);
    expect(result.matches.find((m) => m.oldIndex === 0)).toMatchObject({ status: "modified", newIndex: 1 });
  });

  it("follows renumbered articles by content, whatever the shift", () => {
    const texts = ["为了规范测试活动，制定本法。", "测试机构应当依法设立。", "测试人员应当具备专业能力。", "测试报告应当真实准确。"];
    const old = texts.map((t, k) => article(k + 1, t));
    const fresh = [article(1, texts[0]!), article(2, "国家支持测试行业发展。"), ...texts.slice(1).map((t, k) => article(k + 3, t))];
    const result = matchArticles(old, fresh);
    expectMatchInvariants(result, 4, 5);
    expect(result.matches.map((m) => [m.status, m.old?.number ?? null, m.new?.number ?? null])).toEqual([
      ["unchanged", 1, 1], ["added", null, 2], ["moved", 2, 3], ["moved", 3, 4], ["moved", 4, 5],
    ]);
  });

  it("counts a punctuation change as a change", () => {
    const result = matchArticles([article(1, "甲、乙和丙应当遵守本法。")], [article(1, "甲，乙和丙应当遵守本法。")]);
    expect(result.matches[0]).toMatchObject({ status: "modified", textChanged: true });
  });

  it("pairs a rewritten article in its old place with weaker similarity", () => {
    const old = [article(1, "第一条的内容保持不变。"), article(2, "县级以上人民政府应当加强对测试工作的领导。"), article(3, "第三条的内容也不变。")];
    const fresh = [article(1, old[0]!.text), article(2, "县级以上地方人民政府统筹协调本行政区域内的测试工作。"), article(3, old[2]!.text)];
    const result = matchArticles(old, fresh);
    expect(result.matches.map((m) => m.status)).toEqual(["unchanged", "modified", "unchanged"]);
    expect(matchArticles(old, fresh, { gapThreshold: 0.9 }).matches.map((m) => m.status)).toEqual(["unchanged", "deleted", "added", "unchanged"]);
  });

  it("matches an unnumbered preamble with the preamble", () => {
    const preamble = (text: string): ArticleInput => ({ key: "preamble", number: null, suffix: null, label: "序言", text, context: "", kind: "preamble" });
    const result = matchArticles([preamble("中国是世界上历史最悠久的国家之一。")], [preamble("中国是世界上历史最悠久的国家之一，各族人民共同创造了光辉灿烂的文化。")]);
    expect(result.matches.map((m) => m.status)).toEqual(["modified"]);
  });

  it("keeps clauses of different kinds apart", () => {
    const annex = { ...article(1, "为了规范测试活动，制定本法。", "annex-1"), kind: "annex" };
    const result = matchArticles([article(1, "为了规范测试活动，制定本法。")], [annex]);
    expect(result.matches.map((m) => m.status)).toEqual(["deleted", "added"]);
  });
});

describe("character-level marking", () => {
  it("marks a replaced character", () => {
    expect(charDiff("处五年以下有期徒刑", "处三年以下有期徒刑")).toEqual([
      { op: "equal", text: "处" }, { op: "delete", text: "五" }, { op: "insert", text: "三" }, { op: "equal", text: "年以下有期徒刑" },
    ]);
  });

  it("folds one-character islands between changes into the change", () => {
    expect(charDiff("甲乙丙", "丁乙戊")).toEqual([{ op: "delete", text: "甲乙丙" }, { op: "insert", text: "丁乙戊" }]);
    expect(charDiff("甲乙丙", "丁乙戊", { islandMax: 0 })).toHaveLength(5);
  });

  it("marks a changed number as a whole", () => {
    expect(charDiff("自2020年起", "自2025年起")).toEqual([
      { op: "equal", text: "自" }, { op: "delete", text: "2020" }, { op: "insert", text: "2025" }, { op: "equal", text: "年起" },
    ]);
  });

  it("never folds a line break", () => {
    const segments = charDiff("甲\n丙", "丁\n戊");
    expect(segments).toContainEqual({ op: "equal", text: "\n" });
  });

  it("shows an inserted paragraph whole, and the edits of the paragraphs around it", () => {
    const before = "处五年以下有期徒刑。\n行贿人在被追诉前主动交待行贿行为的，可以从轻处罚。";
    const after = "处三年以下有期徒刑。\n有下列情形之一的，从重处罚：\n（一）多次行贿的；\n行贿人在被追诉前主动交待行贿行为的，可以从轻处罚。";
    const segments = clauseDiff(before, after);
    expect(segments).toEqual([
      { op: "equal", text: "处" }, { op: "delete", text: "五" }, { op: "insert", text: "三" }, { op: "equal", text: "年以下有期徒刑。" },
      { op: "insert", text: "\n有下列情形之一的，从重处罚：\n（一）多次行贿的；" },
      { op: "equal", text: "\n行贿人在被追诉前主动交待行贿行为的，可以从轻处罚。" },
    ]);
    expect(sideText(segments, "old")).toBe(before);
    expect(sideText(segments, "new")).toBe(after);
  });

  it("shows a deleted first paragraph and keeps both texts recoverable", () => {
    const before = "第一款被删去了。\n第二款保留。";
    const after = "第二款保留。\n新增第二款。";
    const segments = clauseDiff(before, after);
    expect(sideText(segments, "old")).toBe(before);
    expect(sideText(segments, "new")).toBe(after);
    expect(segments[0]).toEqual({ op: "delete", text: "第一款被删去了。\n" });
  });
});
