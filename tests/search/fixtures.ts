/**
 * Search fixtures: real provisions of the 个人信息保护法 (PIPL, 2021 text) and a draft 养老服务条例,
 * and comments on them as officers meet them (symposium notes, letters, online comments; lawyers,
 * deputies, residents; traditional characters, full-width letters, English, numbers).
 * Plain data only: the same fixtures feed every engine through the contract.
 */
import type { Channel, CommenterCategory, ModerationStatus, ProcessingStatus } from "../../db/schema/vocabulary";
import type { CommentDocument, ProvisionDocument } from "../../search/engine";

export const DRAFT_PIPL = "d-pipl";
export const DRAFT_ELDER = "d-elder";
export const V_PIPL_1 = "v-pipl-1";
export const V_PIPL_2 = "v-pipl-2";
export const V_ELDER = "v-elder-1";

const ORG = {
  tonglu: ["org-cn", "org-zj", "org-hz", "org-tonglu"],
  hongqiao: ["org-cn", "org-sh", "org-minhang"],
  xuhui: ["org-cn", "org-sh", "org-xuhui"],
};
const CP = { tonglu: "cp-tonglu", hongqiao: "cp-hongqiao", xuhui: "cp-xuhui" } as const;
const REGION = { tonglu: "330122", hongqiao: "310112", xuhui: "310104" } as const;

/** Article number → [label, chapter key, chapter label] for the PIPL articles used below. */
const PIPL_CHAPTERS: Record<string, string> = { "ch-1": "第一章 总则", "ch-2": "第二章 个人信息处理规则", "ch-4": "第四章 个人在个人信息处理活动中的权利" };

export const PIPL_ARTICLES: { n: number; label: string; chapter: string; text: string }[] = [
  { n: 1, label: "第一条", chapter: "ch-1", text: "为了保护个人信息权益，规范个人信息处理活动，促进个人信息合理利用，根据宪法，制定本法。" },
  { n: 2, label: "第二条", chapter: "ch-1", text: "自然人的个人信息受法律保护，任何组织、个人不得侵害自然人的个人信息权益。" },
  { n: 4, label: "第四条", chapter: "ch-1", text: "个人信息是以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息，不包括匿名化处理后的信息。个人信息的处理包括个人信息的收集、存储、使用、加工、传输、提供、公开、删除等。" },
  { n: 13, label: "第十三条", chapter: "ch-2", text: "符合下列情形之一的，个人信息处理者方可处理个人信息：（一）取得个人的同意；（二）为订立、履行个人作为一方当事人的合同所必需，或者按照依法制定的劳动规章制度和依法签订的集体合同实施人力资源管理所必需；（三）为履行法定职责或者法定义务所必需；（四）为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需；（五）为公共利益实施新闻报道、舆论监督等行为，在合理的范围内处理个人信息；（六）依照本法规定在合理的范围内处理个人自行公开或者其他已经合法公开的个人信息；（七）法律、行政法规规定的其他情形。" },
  { n: 14, label: "第十四条", chapter: "ch-2", text: "基于个人同意处理个人信息的，该同意应当由个人在充分知情的前提下自愿、明确作出。法律、行政法规规定处理个人信息应当取得个人单独同意或者书面同意的，从其规定。" },
  { n: 15, label: "第十五条", chapter: "ch-2", text: "基于个人同意处理个人信息的，个人有权撤回其同意。个人信息处理者应当提供便捷的撤回同意的方式。个人撤回同意，不影响撤回前基于个人同意已进行的个人信息处理活动的效力。" },
  { n: 17, label: "第十七条", chapter: "ch-2", text: "个人信息处理者在处理个人信息前，应当以显著方式、清晰易懂的语言真实、准确、完整地向个人告知下列事项：（一）个人信息处理者的名称或者姓名和联系方式；（二）个人信息的处理目的、处理方式，处理的个人信息种类、保存期限；（三）个人行使本法规定权利的方式和程序；（四）法律、行政法规规定应当告知的其他事项。" },
  { n: 26, label: "第二十六条", chapter: "ch-2", text: "在公共场所安装图像采集、个人身份识别设备，应当为维护公共安全所必需，遵守国家有关规定，并设置显著的提示标识。所收集的个人图像、身份识别信息只能用于维护公共安全的目的，不得用于其他目的；取得个人单独同意的除外。" },
  { n: 28, label: "第二十八条", chapter: "ch-2", text: "敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害或者人身、财产安全受到危害的个人信息，包括生物识别、宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息。" },
  { n: 31, label: "第三十一条", chapter: "ch-2", text: "个人信息处理者处理不满十四周岁未成年人个人信息的，应当取得未成年人的父母或者其他监护人的同意。" },
  { n: 47, label: "第四十七条", chapter: "ch-4", text: "有下列情形之一的，个人信息处理者应当主动删除个人信息；个人信息处理者未删除的，个人有权请求删除：（一）处理目的已实现、无法实现或者为实现处理目的不再必要；（二）个人信息处理者停止提供产品或者服务，或者保存期限已届满；（三）个人撤回同意。" },
];

/** Provisions of the PIPL draft: version 1 (published) and version 2 (in preparation, art 13 reworded). */
export function provisionFixtures(): ProvisionDocument[] {
  const docs: ProvisionDocument[] = [];
  for (const [versionId, published] of [[V_PIPL_1, true], [V_PIPL_2, false]] as const) {
    PIPL_ARTICLES.forEach((a, i) => {
      const text = versionId === V_PIPL_2 && a.n === 13
        ? a.text.replaceAll("合理的范围", "必要的范围")
        : a.text;
      docs.push({
        kind: "provision", id: `${versionId}-art-${a.n}`, draftId: DRAFT_PIPL, versionId,
        provisionKey: `art-${a.n}`, articleNumber: a.n, chapterKey: a.chapter,
        provisionPath: [PIPL_CHAPTERS[a.chapter]!, a.label], articleRefs: [a.n],
        label: a.label, heading: a.n === 15 ? "撤回同意" : null, text, published, ordinal: i + 1,
      });
    });
  }
  return docs;
}

interface CommentSpec {
  id: string;
  draft?: "pipl" | "elder";
  art: number | null;
  refs?: number[];
  cp?: keyof typeof CP | null;
  channel: Channel;
  category: CommenterCategory;
  status?: ProcessingStatus;
  moderation?: ModerationStatus;
  date: string;
  /** Minutes after the date's 09:00 (Asia/Shanghai), so entry times are distinct and ordered. */
  minute?: number;
  body: string;
  proposed?: string;
  reason?: string;
  version?: string;
}

function comment(s: CommentSpec): CommentDocument {
  const draft = s.draft ?? "pipl";
  const cp = s.cp ?? null;
  const chapter = draft === "elder"
    ? (s.art === null ? null : s.art <= 10 ? "ch-e1" : "ch-e2")
    : (s.art === null ? null : PIPL_ARTICLES.find((a) => a.n === s.art)?.chapter ?? "ch-2");
  const own = s.art === null ? [] : [s.art];
  const createdAt = new Date(Date.parse(`${s.date}T09:00:00+08:00`) + (s.minute ?? 0) * 60_000).toISOString();
  return {
    kind: "comment", id: s.id, receiptCode: `MY-${s.id.toUpperCase().padStart(3, "0")}-TST`,
    draftId: draft === "pipl" ? DRAFT_PIPL : DRAFT_ELDER,
    versionId: s.version ?? (draft === "pipl" ? V_PIPL_1 : V_ELDER),
    provisionKey: s.art === null ? null : `art-${s.art}`, articleNumber: s.art, chapterKey: chapter,
    provisionPath: s.art === null ? [] : [`第${s.art}条`],
    articleRefs: [...own, ...(s.refs ?? []).filter((r) => r !== s.art)],
    contactPointId: cp ? CP[cp] : null, organizationIds: cp ? ORG[cp] : [], region: cp ? REGION[cp] : "110105",
    channel: s.channel, category: s.category, status: s.status ?? "received", moderation: s.moderation ?? "approved",
    date: s.date, createdAt, body: s.body, proposedText: s.proposed ?? null, reason: s.reason ?? null, duplicateGroupId: null,
  };
}

/**
 * `refs` lists the articles the text itself names (what search/documents.ts derives with
 * articleRefsInText); the own article is added by comment().
 */
export function commentFixtures(): CommentDocument[] {
  return [
    comment({ id: "c01", art: 13, refs: [13], cp: "tonglu", channel: "symposium", category: "lawyer", date: "2026-03-02", minute: 1,
      body: "第十三条第一款第（五）项的“合理的范围”应当写清楚，避免个人信息处理者以新闻报道为名过度收集个人信息。",
      proposed: "在必要的范围内处理个人信息", reason: "“合理”一词过于宽泛，实践中难以把握。" }),
    comment({ id: "c02", art: 13, cp: "hongqiao", channel: "online", category: "resident", date: "2026-03-03", minute: 2,
      body: "建议增加为维护国家安全所必需的情形，并明确由谁来认定。" }),
    comment({ id: "c03", art: 14, refs: [13], cp: "xuhui", channel: "letter", category: "expert", status: "consolidated", date: "2026-03-04", minute: 3,
      body: "单独同意和书面同意的区别不清楚，建议参照第十三条的规定予以细化。" }),
    comment({ id: "c04", art: 17, cp: "hongqiao", channel: "online", category: "resident", date: "2026-03-05", minute: 4,
      body: "手机App在收集个人信息前应当用清晰易懂的语言告知用户，不能把告知内容藏在冗长的隐私政策里。" }),
    comment({ id: "c05", art: 15, cp: "xuhui", channel: "email", category: "student", date: "2026-03-06", minute: 5,
      body: "個人資訊處理者應當提供便捷的撤回同意的方式，撤回同意應當與給予同意一樣方便。" }),
    comment({ id: "c06", art: 15, cp: "tonglu", channel: "symposium", category: "deputy", status: "submitted", date: "2026-03-07", minute: 6,
      body: "撤回同意以后，已经收集的个人信息应当及时删除，不能继续保存。", proposed: "个人撤回同意的，个人信息处理者应当及时删除其个人信息。" }),
    comment({ id: "c07", art: 28, cp: "tonglu", channel: "visit", category: "resident", date: "2026-03-08", minute: 7,
      body: "人脸识别等生物识别信息属于敏感个人信息，小区门禁不应强制刷脸。" }),
    comment({ id: "c08", art: 31, cp: "hongqiao", channel: "phone", category: "resident", status: "answered", date: "2026-03-09", minute: 8,
      body: "不满14周岁的孩子使用网络游戏时，监护人的同意应当单独取得。" }),
    comment({ id: "c09", art: 28, refs: [28], cp: "xuhui", channel: "online", category: "enterprise", date: "2026-03-10", minute: 9,
      body: "建议参照欧盟GDPR对敏感个人信息的界定，第28条列举的行踪轨迹范围过宽，影响网约车企业的正常经营。",
      reason: "企业合规成本过高" }),
    comment({ id: "c10", art: 26, cp: "hongqiao", channel: "questionnaire", category: "resident", date: "2026-03-11", minute: 10,
      body: "公共场所安装的摄像头应当设置显著的提示标识，图像不得用于商业营销。" }),
    comment({ id: "c11", art: 47, cp: null, channel: "online", category: "other", date: "2026-03-12", minute: 11,
      body: "APP停止运营后用户数据应当主动删除，建议规定72小时内完成删除。" }),
    comment({ id: "c12", art: null, cp: "tonglu", channel: "symposium", category: "official", status: "consolidated", date: "2026-03-13", minute: 12,
      body: "建议本法与网络安全法、数据安全法做好衔接，避免重复监管。" }),
    comment({ id: "c13", art: 4, cp: "xuhui", channel: "letter", category: "expert", date: "2026-03-14", minute: 13,
      body: "匿名化处理后的信息不属于个人信息，但去标识化的信息仍然属于，建议在定义中加以区分。" }),
    comment({ id: "c14", art: 13, refs: [13, 14], cp: "tonglu", channel: "online", category: "lawyer", moderation: "pending", date: "2026-03-15", minute: 14,
      body: "第13条与第14条的关系需要理顺：取得个人同意只是合法性基础之一。" }),
    comment({ id: "c15", art: 2, cp: "hongqiao", channel: "online", category: "cppcc_member", moderation: "rejected", date: "2026-03-16", minute: 15,
      body: "垃圾广告：低价代办各类证件，请加微信。" }),
    comment({ id: "c16", art: 17, version: V_PIPL_2, cp: "xuhui", channel: "online", category: "resident", date: "2026-03-17", minute: 16,
      body: "隐私政策的告知事项应当包括个人信息的保存期限，并用醒目的方式提示。" }),
    // 养老服务条例 (a local regulation draft): fees, beds, nursing staff.
    comment({ id: "e01", draft: "elder", art: 12, cp: "tonglu", channel: "symposium", category: "deputy", date: "2026-04-01", minute: 1,
      body: "第十二条关于养老机构收费的规定过于原则，应当明确收费项目和标准，并向社会公示。",
      proposed: "养老机构应当公示收费项目、收费标准和收费依据。" }),
    comment({ id: "e02", draft: "elder", art: 12, cp: "hongqiao", channel: "online", category: "resident", date: "2026-04-02", minute: 2,
      body: "养老机构随意涨价，收费应当提前三个月告知老人及其家属。" }),
    comment({ id: "e03", draft: "elder", art: 8, cp: "xuhui", channel: "letter", category: "resident", date: "2026-04-03", minute: 3,
      body: "社区居家养老服务中心的助餐服务应当覆盖到农村地区。" }),
    comment({ id: "e04", draft: "elder", art: 15, cp: "tonglu", channel: "visit", category: "enterprise", date: "2026-04-04", minute: 4,
      body: "护理员的培训和持证上岗要求应当与收费等级挂钩。" }),
  ];
}

/** Ids of the comments an officer may see in search results by default: everything indexed. */
export const allIds = (docs: { id: string }[]) => docs.map((d) => d.id).sort();
