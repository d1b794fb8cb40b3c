/** The article picker's matches: a number first exactly, then what it may still become; text by first line. */
import { describe, expect, it } from "vitest";
import type { ClauseOption } from "~/intake/article-reference";
import { matchClauses } from "~/ui/entry/clause-matches";

const clause = (number: number, label: string, firstLine: string, suffix: number | null = null): ClauseOption => ({ key: `art-${number}${suffix ? `-${suffix}` : ""}`, kind: "article", number, suffix, label, firstLine });
const OPTIONS: ClauseOption[] = [
  clause(1, "第一条", "为了保护个人信息权益，制定本法。"),
  clause(13, "第十三条", "符合下列情形之一的，个人信息处理者方可处理个人信息："),
  clause(13, "第十三条之一", "新增的条文。", 1),
  clause(128, "第一百二十八条", "国家机关处理个人信息的活动，适用本法。"),
  ...Array.from({ length: 10 }, (_, i) => clause(130 + i, `第一百三十${["", "一", "二", "三", "四", "五", "六", "七", "八", "九"][i]}条`, `第${130 + i}条的第一行`)),
];

describe("matching clauses for the picker", () => {
  it("puts the exact article first, then its 之一, then the numbers it may still become", () => {
    expect(matchClauses(OPTIONS, "13").map((m) => m.label).slice(0, 4)).toEqual(["第十三条", "第十三条之一", "第一百三十条", "第一百三十一条"]);
    expect(matchClauses(OPTIONS, "13")).toHaveLength(8);
    expect(matchClauses(OPTIONS, "13", 20)).toHaveLength(12);
  });

  it("reads Chinese numerals, full-width digits and 条", () => {
    expect(matchClauses(OPTIONS, "第一百二十八条")).toEqual([{ key: "art-128", label: "第一百二十八条", firstLine: "国家机关处理个人信息的活动，适用本法。" }]);
    expect(matchClauses(OPTIONS, "１２８")[0]!.label).toBe("第一百二十八条");
    expect(matchClauses(OPTIONS, "128条").map((m) => m.label)).toEqual(["第一百二十八条"]);
    expect(matchClauses(OPTIONS, "13-1").map((m) => m.label)).toEqual(["第十三条之一"]);
  });

  it("finds clauses by words of their first line, and nothing for empty input or a number the draft lacks", () => {
    expect(matchClauses(OPTIONS, "国家机关").map((m) => m.label)).toEqual(["第一百二十八条"]);
    expect(matchClauses(OPTIONS, "")).toEqual([]);
    expect(matchClauses(OPTIONS, "  ")).toEqual([]);
    expect(matchClauses(OPTIONS, "9000")).toEqual([]);
    expect(matchClauses(OPTIONS, "全文")).toEqual([]);
  });
});
