/**
 * Law names for the segmentation dictionary, so that 个人信息保护法 or 民法典 is one query term
 * (and, when indexing, the whole name plus its parts: 个人信息保护法, 个人信息, 个人, 信息, 保护法 …).
 *
 * CORPUS_LAW_TITLES are the titles of the 43 files of the law corpus (`../shared/corpus`, 32 distinct
 * titles: the `versions/` files repeat titles of `laws/`), copied here because the corpus is not
 * available at run time. The dictionary holds each title without the 中华人民共和国 prefix (see
 * lawDictionaryWords): 中华人民共和国 is a word of its own, so a full title is cut into
 * 中华人民共和国 + the short title, and texts that cite the law by its short title still match.
 */
export const CORPUS_LAW_TITLES = [
  "上海市优化营商环境条例",
  "中华人民共和国个人信息保护法",
  "中华人民共和国公司法",
  "中华人民共和国刑事诉讼法",
  "中华人民共和国刑法",
  "中华人民共和国刑法修正案（十二）",
  "中华人民共和国反外国制裁法",
  "中华人民共和国国歌法",
  "中华人民共和国国籍法",
  "中华人民共和国城市维护建设税法",
  "中华人民共和国增值税法",
  "中华人民共和国外国中央银行财产司法强制措施豁免法",
  "中华人民共和国外国国家豁免法",
  "中华人民共和国宪法",
  "中华人民共和国对外关系法",
  "中华人民共和国慈善法",
  "中华人民共和国政府信息公开条例",
  "中华人民共和国数据安全法",
  "中华人民共和国无障碍环境建设法",
  "中华人民共和国民事诉讼法",
  "中华人民共和国民法典",
  "中华人民共和国海商法",
  "中华人民共和国渔业法",
  "中华人民共和国爱国主义教育法",
  "中华人民共和国立法法",
  "中华人民共和国行政处罚法",
  "中华人民共和国行政复议法",
  "中华人民共和国车船税法",
  "中华人民共和国香港特别行政区基本法",
  "全国人民代表大会常务委员会关于县级以下人民代表大会代表直接选举的若干规定",
  "反分裂国家法",
  "道路交通安全违法行为记分管理办法",
] as const;

export const NATIONAL_PREFIX = "中华人民共和国";

/** Common short names of corpus laws, beyond the title minus the prefix. */
export const LAW_SHORT_NAMES = [
  "个保法", "民诉法", "刑诉法", "香港基本法", "澳门基本法", "基本法", "刑法修正案", "优化营商环境条例",
  "政府信息公开条例", "记分管理办法",
] as const;

/** Other laws people cite in consultations (not in the corpus). */
export const OTHER_LAW_NAMES = [
  "行政诉讼法", "行政许可法", "行政强制法", "国家赔偿法", "监察法", "监督法", "选举法", "代表法",
  "全国人民代表大会组织法", "国务院组织法", "地方组织法", "民族区域自治法", "村民委员会组织法",
  "城市居民委员会组织法", "国家安全法", "网络安全法", "反恐怖主义法", "反间谍法", "保守国家秘密法",
  "电子商务法", "消费者权益保护法", "未成年人保护法", "预防未成年人犯罪法", "妇女权益保障法",
  "老年人权益保障法", "残疾人保障法", "反家庭暴力法", "家庭教育促进法", "劳动法", "劳动合同法",
  "社会保险法", "就业促进法", "环境保护法", "大气污染防治法", "水污染防治法", "土地管理法",
  "城乡规划法", "物权法", "合同法", "婚姻法", "继承法", "侵权责任法", "民法总则", "民法通则",
  "著作权法", "专利法", "商标法", "反垄断法", "反不正当竞争法", "广告法", "产品质量法", "食品安全法",
  "药品管理法", "疫苗管理法", "基本医疗卫生与健康促进法", "安全生产法", "道路交通安全法", "治安管理处罚法",
  "教育法", "义务教育法", "高等教育法", "职业教育法", "教师法", "预算法", "审计法", "统计法", "档案法",
  "税收征收管理法", "个人所得税法", "企业所得税法", "公务员法", "法官法", "检察官法", "律师法",
  "人民调解法", "仲裁法", "法律援助法", "证券法", "银行业监督管理法", "保险法", "票据法", "破产法",
  "企业破产法", "合伙企业法", "外商投资法", "海关法", "出入境管理法", "突发事件应对法", "传染病防治法",
  "民法典", "宪法修正案",
] as const;

/** The words the segmentation dictionary gets for law names. */
export function lawDictionaryWords(): string[] {
  const words = new Set<string>();
  for (const title of CORPUS_LAW_TITLES) {
    // （十二） is punctuation plus a numeral: the name part is what precedes it.
    const name = title.replace(/（.*$/, "");
    words.add(name.startsWith(NATIONAL_PREFIX) ? name.slice(NATIONAL_PREFIX.length) : name);
  }
  for (const name of [...LAW_SHORT_NAMES, ...OTHER_LAW_NAMES]) words.add(name);
  return [...words];
}
