/**
 * 身份 and 渠道 as staff write them in a sheet ("人大代表", "村民", "座谈会", "来信"), read as the
 * platform's categories and channels. English names and the codes themselves are accepted too.
 * Pure.
 */
import { CHANNELS, COMMENTER_CATEGORIES, type Channel, type CommenterCategory } from "../../../db/schema/vocabulary";

/** The names the template's drop-downs offer, one per category and channel, in the vocabulary's order. */
export const CATEGORY_CHOICES: Record<CommenterCategory, string> = {
  deputy: "人大代表", cppcc_member: "政协委员", lawyer: "律师", expert: "专家学者", enterprise: "企业",
  official: "公职人员", resident: "居民", student: "学生", other: "其他",
};
export const CHANNEL_CHOICES: Record<Channel, string> = {
  online: "网上", symposium: "座谈会", visit: "走访", letter: "来信", phone: "电话", email: "电子邮件", questionnaire: "问卷",
};

/** English names, as an English-speaking colleague might type them. */
const CATEGORY_EN: Record<CommenterCategory, readonly string[]> = {
  deputy: ["deputy", "people's congress deputy", "npc deputy"], cppcc_member: ["cppcc member", "cppcc"], lawyer: ["lawyer"],
  expert: ["expert", "scholar", "expert or scholar"], enterprise: ["enterprise", "business", "company"],
  official: ["official", "public official", "civil servant"], resident: ["resident", "citizen", "villager"], student: ["student"], other: ["other"],
};
const CHANNEL_EN: Record<Channel, readonly string[]> = {
  online: ["online", "web", "internet"], symposium: ["symposium", "meeting"], visit: ["visit"], letter: ["letter", "mail"],
  phone: ["phone", "telephone", "call"], email: ["email", "e-mail"], questionnaire: ["questionnaire", "survey"],
};

const CATEGORY_NAMES: Record<CommenterCategory, readonly string[]> = {
  deputy: ["人大代表"],
  cppcc_member: ["政协委员"],
  lawyer: ["律师", "执业律师"],
  expert: ["专家", "学者", "专家学者", "教授", "研究人员"],
  enterprise: ["企业", "企业代表", "企业家", "企业负责人", "企业主", "个体工商户"],
  official: ["公职人员", "机关干部", "干部", "公务员", "机关工作人员", "事业单位人员"],
  resident: ["居民", "群众", "村民", "社区居民", "市民", "公众", "人民群众"],
  student: ["学生", "大学生", "中学生", "研究生"],
  other: ["其他", "其它"],
};

const CHANNEL_NAMES: Record<Channel, readonly string[]> = {
  online: ["网上", "在线", "网络", "网站", "网上征集", "微信", "小程序"],
  symposium: ["座谈会", "座谈"],
  visit: ["走访", "上门走访", "入户走访"],
  letter: ["来信", "信函", "信件", "书信"],
  phone: ["电话", "来电", "热线"],
  email: ["邮件", "电子邮件", "邮箱", "电邮", "email", "e-mail"],
  questionnaire: ["问卷", "问卷调查", "调查问卷"],
};

const key = (text: string) => text.replace(/[\s\u3000]/g, "").toLowerCase();

function index<T extends string>(codes: readonly T[], ...names: Record<T, readonly string[] | string>[]) {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(key(code), code);
    for (const list of names) for (const name of [list[code]].flat()) map.set(key(name), code);
  }
  return map;
}

const categories = index(COMMENTER_CATEGORIES, CATEGORY_CHOICES, CATEGORY_NAMES, CATEGORY_EN);
const channels = index(CHANNELS, CHANNEL_CHOICES, CHANNEL_NAMES, CHANNEL_EN);

/** A category from its name; deputies of any level ("区人大代表") and CPPCC members of any level too. Null when unknown. */
export function categoryFromName(text: string): CommenterCategory | null {
  const k = key(text);
  const found = categories.get(k);
  if (found) return found;
  if (/人大代表$/.test(k)) return "deputy";
  if (/政协委员$/.test(k)) return "cppcc_member";
  return null;
}

export function channelFromName(text: string): Channel | null {
  return channels.get(key(text)) ?? null;
}
