/**
 * The codes of ParseWarning, with a short description in Chinese and English (for the UI's message
 * catalogues; ParseWarning.message carries the English detail of each occurrence).
 * Warnings with a `text` keep source text the parser could not place.
 */
export const PARSE_WARNING_CODES = {
  "missing-title": { zh: "未找到法律标题", en: "No title found" },
  "unplaced-text": { zh: "无法归入任何条文的文字（原文保留在提示中）", en: "Text outside any provision (kept in the warning)" },
  "unplaced-heading": { zh: "无法确定层级的无编号标题（原文保留在提示中）", en: "Unnumbered heading that fits no level (kept in the warning)" },
  footnote: { zh: "脚注，不属于条文（原文保留在提示中）", en: "Footnote, not part of a provision (kept in the warning)" },
  navigation: { zh: "网站导航文字，不属于条文（原文保留在提示中）", en: "Site navigation, not part of a provision (kept in the warning)" },
  "markup-comment": { zh: "正文中的 HTML 注释（原文保留在提示中）", en: "HTML comment inside the body (kept in the warning)" },
  "label-spacing": { zh: "条文序号中有多余或缺少的空格，已按序号识别", en: "Irregular spacing in an article label; read by its number" },
  "heading-continuation": { zh: "标题在下一行继续，已合并", en: "Heading continued on the next line; joined" },
  numbering: { zh: "编号不连续或重复", en: "Numbering gap or repetition" },
  "orphan-subpart": { zh: "分编不在任何编之下", en: "分编 outside any 编" },
  "orphan-section": { zh: "节不在任何章之下", en: "节 outside any 章" },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ParseWarningCode = keyof typeof PARSE_WARNING_CODES;
