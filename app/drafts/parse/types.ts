/**
 * Output types of the law-text parser. Other code depends on exactly these names.
 */

export type ProvisionKind =
  | "preamble"
  | "part"
  | "subpart"
  | "chapter"
  | "section"
  | "article"
  | "paragraph"
  | "item"
  | "subitem"
  | "point"
  | "annex";

export interface ParsedProvision {
  kind: ProvisionKind;
  /** 128 for 第一百二十八条, 1 for （一）, position for 款; null when unnumbered (附则 without number, preamble). */
  number: number | null;
  /** 1 for 之一, else null. */
  suffix: number | null;
  /** As printed, with normalised spacing: "第一百二十八条", "第一章", "（一）", "1.", "一、", "附件一". */
  label: string;
  /** Title of part…section and annexes, inner spaces removed ("总　　则" -> "总则"); null for articles etc. */
  heading: string | null;
  /** The provision's own text (article: "" when all its text is in paragraphs). */
  text: string;
  /** For points of amendment texts: "将刑法第三百九十条修改为" -> { law: "刑法", article: "第三百九十条" }. */
  amends?: { law: string | null; article: string };
  /** 1-based source line where the provision starts. */
  line: number;
  children: ParsedProvision[];
}

export interface ParseWarning {
  line: number;
  code: string;
  message: string;
  /** Text of the source line(s) the parser could not place; kept here so that nothing vanishes. */
  text?: string;
}

export interface ParsedLaw {
  /** e.g. "中华人民共和国民法典" */
  title: string;
  /** The 题注 / history text, joined with "\n". */
  subtitle: string | null;
  format: "text" | "markdown";
  /** Top-level provisions. */
  body: ParsedProvision[];
  warnings: ParseWarning[];
  /**
   * Source lines classified as not belonging to the body, as printed (title, 题注, history lines,
   * 目录 and its entries, navigation and source lines, INFO END marker, …). Blank lines are omitted.
   */
  frontMatter: string[];
}

export interface ParseSummary {
  title: string;
  parts: number;
  subparts: number;
  chapters: number;
  sections: number;
  articles: number;
  paragraphs: number;
  items: number;
  subitems: number;
  /** Top-level numbered points of texts made of points (修正案, 决定). */
  points: number;
  warnings: ParseWarning[];
}

export interface ParseOptions {
  format?: "text" | "markdown";
  fileName?: string;
}
