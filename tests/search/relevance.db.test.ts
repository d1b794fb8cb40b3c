/**
 * Relevance on the embedded engine: a few hundred comments an officer might face, and the queries
 * officers type — a law name, an article with words, a compound legal term, traditional
 * characters, Chinese mixed with English. The right comments come first, and a comment that only
 * brushes the subject never outranks one about it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import type { CommentDocument, SearchEngine, SearchRequest } from "../../search/engine";
import { createPostgresEngine } from "../../search/postgres-engine";
import { openTestDb } from "../support/test-db";
import { commentFixtures, DRAFT_ELDER } from "./fixtures";

const template = commentFixtures()[0]!;
let serial = 0;

function c(id: string, body: string, over: Partial<CommentDocument> = {}): CommentDocument {
  serial += 1;
  return {
    ...template, id, body, proposedText: null, reason: null, articleNumber: null, provisionKey: null, articleRefs: [],
    createdAt: new Date(Date.UTC(2026, 4, 1) + serial * 60_000).toISOString(), ...over,
  };
}

/** Everyday comments on many subjects: the haystack (about 300). */
function background(): CommentDocument[] {
  const subjects = [
    "小区停车位", "垃圾分类", "电动自行车充电", "老旧小区加装电梯", "农村公路养护", "学校周边交通", "菜市场卫生",
    "噪声扰民", "物业服务收费", "公园开放时间", "河道保洁", "社区医院挂号", "公交线路调整", "外卖骑手权益",
    "房屋租赁合同", "燃气安全检查", "夜市管理", "宠物饲养", "共享单车停放", "街道照明",
  ];
  const asks = [
    "建议相关部门加强监督检查，定期公布检查结果。", "希望明确责任主体，避免互相推诿。", "应当听取居民意见，充分协商后再实施。",
    "建议增加财政投入，并向社会公开资金使用情况。", "执法尺度应当统一，不能一刀切。", "请考虑老年人和残疾人的实际需要。",
    "应当设置投诉渠道并限期答复。", "建议先行试点，总结经验后再推广。", "希望简化办事流程，实现一网通办。",
    "违法行为的罚款数额应当与情节相适应。", "建议规定过渡期，给经营者留出整改时间。", "请明确街道和居委会的职责分工。",
    "应当保护当事人的合法权益。", "建议引入第三方评估。", "有关信息应当及时公开。",
  ];
  const docs: CommentDocument[] = [];
  subjects.forEach((s, i) => asks.forEach((a, j) => docs.push(c(`bg-${i}-${j}`, `关于${s}的问题，${a}`))));
  return docs;
}

/** The comments each query is about, and near misses that share some of its words. */
const targeted: CommentDocument[] = [
  // Law names.
  c("law-1", "建议本条例与《中华人民共和国个人信息保护法》的规定保持一致，不要另立标准。"),
  c("law-2", "个人信息保护法已经规定了单独同意，本条不必重复。"),
  c("law-near", "保护个人信息很重要，但本法的罚则过轻。"), // 个人信息 + 保护 + 法, not the law's name
  c("law-other", "建议参照数据安全法的分类分级制度。"),
  // 第十二条 养老机构 收费 (a local elderly-care regulation).
  c("elder-1", "养老机构收费项目和收费标准应当公示，收费调整应当提前告知。",
    { draftId: DRAFT_ELDER, articleNumber: 12, provisionKey: "art-12", articleRefs: [12] }),
  c("elder-2", "第十二条规定的养老机构收费应当接受价格主管部门监督。",
    { draftId: DRAFT_ELDER, articleNumber: 20, provisionKey: "art-20", articleRefs: [20, 12] }),
  c("elder-3", "养老机构的床位应当优先保障失能老人，收费可以适当优惠。",
    { draftId: DRAFT_ELDER, articleNumber: 12, provisionKey: "art-12", articleRefs: [12], reason: "现实中养老机构收费普遍偏高" }),
  c("elder-near-article", "第十二条中护理员的配备比例过低。",
    { draftId: DRAFT_ELDER, articleNumber: 12, provisionKey: "art-12", articleRefs: [12] }),
  c("elder-near-words", "养老机构收费太高，农村老人负担不起。",
    { draftId: DRAFT_ELDER, articleNumber: 30, provisionKey: "art-30", articleRefs: [30] }),
  // A compound legal term.
  c("term-1", "敏感个人信息的范围应当包括行踪轨迹和人脸信息，处理敏感个人信息必须取得单独同意。"),
  c("term-2", "医疗健康信息属于敏感个人信息。"),
  c("term-near", "这个问题很敏感，涉及很多人的个人信息。"),
  // Traditional characters (an overseas Chinese resident's letter) for a simplified query, and the reverse.
  c("trad-1", "個人資訊被洩露後，應當及時通知本人並採取補救措施。"),
  c("simp-1", "个人信息泄露后，应当及时通知本人并采取补救措施。"),
  // Chinese mixed with English.
  c("mix-1", "很多App在用户拒绝后仍然读取通讯录，人脸识别更应当单独同意。"),
  c("mix-2", "App的隐私政策太长，用户看不懂。"),
  c("mix-3", "人脸识别设备应当设置提示标识。"),
  c("mix-4", "建议参照GDPR规定数据可携带权。"),
  // Weights: the subject in what was said outranks the subject only in the reason.
  c("weight-body", "人脸识别门禁应当允许居民选择刷卡进出。"),
  c("weight-reason", "建议小区门禁提供多种进出方式。", { reason: "有的小区只支持人脸识别" }),
];

describe("search relevance on the embedded engine", () => {
  let h: DbHandle;
  let engine: SearchEngine;
  const top = async (query: string, extra: Partial<SearchRequest> = {}) =>
    (await engine.search({ kind: "comment", query, limit: 50, ...extra })).hits.map((x) => x.document.id);

  beforeAll(async () => {
    h = await openTestDb();
    engine = createPostgresEngine(h.db);
    const docs = [...background(), ...targeted];
    expect(docs.length).toBeGreaterThan(300);
    await engine.index(docs);
  });
  afterAll(() => h?.close());

  it("finds a law by its name, with or without 中华人民共和国, and not by its words scattered", async () => {
    for (const q of ["个人信息保护法", "中华人民共和国个人信息保护法", "《个人信息保护法》"]) {
      expect((await top(q)).sort(), q).toEqual(["law-1", "law-2"]);
    }
  });

  it("puts comments on the article that talk about the words first (第十二条 养老机构 收费)", async () => {
    const hits = await top("第十二条 养老机构 收费");
    expect(hits[0]).toBe("elder-1"); // filed on art 12, and about exactly that
    // elder-2 names 第十二条 in its text and is about the fees; elder-3 is about beds, fees in passing.
    expect(hits.slice(1, 3).sort()).toEqual(["elder-2", "elder-3"]);
    expect(hits).not.toContain("elder-near-article"); // the article, but not about fees
    expect(hits).not.toContain("elder-near-words"); // fees, but another article
  });

  it("matches a compound legal term as a whole, not its characters anywhere", async () => {
    const hits = await top("敏感个人信息");
    expect(hits[0]).toBe("term-1"); // says it twice
    expect(hits.sort()).toEqual(["term-1", "term-2"]);
  });

  it("finds the same comments for traditional and simplified queries", async () => {
    const simplified = (await top("个人信息 泄露")).sort();
    expect(simplified).toEqual(["simp-1", "trad-1"]);
    expect((await top("個人資訊 洩露")).sort()).toEqual(simplified);
  });

  it("ranks comments with both the English and the Chinese word above those with one", async () => {
    const hits = await top("App 人脸识别");
    expect(hits).toEqual(["mix-1"]);
    expect(await top("gdpr")).toEqual(["mix-4"]);
    const either = await top("人脸识别");
    expect(either).toEqual(expect.arrayContaining(["mix-1", "mix-3", "weight-body", "weight-reason"]));
  });

  it("ranks a comment that says the words above one whose reason merely mentions them", async () => {
    const hits = await top("人脸识别 门禁");
    expect(hits).toEqual(expect.arrayContaining(["weight-body", "weight-reason"]));
    expect(hits.indexOf("weight-body")).toBeLessThan(hits.indexOf("weight-reason"));
  });

  it("does not rank a passing mention above a comment about the subject", async () => {
    const hits = await top("收费");
    const about = hits.indexOf("elder-1"); // 收费 three times, in a short comment
    const passing = hits.indexOf("elder-3"); // once in the body
    expect(about).toBeGreaterThanOrEqual(0);
    expect(about).toBeLessThan(passing);
    // Background comments about 物业服务收费 are found too, but not the ones without the word.
    expect(hits.filter((id) => id.startsWith("bg-")).sort()).toEqual(Array.from({ length: 15 }, (_, j) => `bg-8-${j}`).sort());
  });
});
