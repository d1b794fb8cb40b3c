/**
 * Recognises the label that starts a line: 编/分编/章/节 headings, 第X条 articles, list labels
 * （一） 1. 一、, 序言, 附则, 附件, footnotes. Pure classification, no context.
 */
import { NUMBER_CHARS, parseChineseNumber } from "./chinese-numbers";
import { removeWhitespace } from "./normalise-lines";

export type StructureKind = "part" | "subpart" | "chapter" | "section";
/** paren: （一）; comma: 一、; arabic: 1. 1． 1、; paren-arabic: （1） */
export type ListStyle = "paren" | "comma" | "arabic" | "paren-arabic";

export type LineToken =
  | { type: "structure"; kind: StructureKind; number: number; label: string; heading: string | null }
  | {
      type: "article";
      number: number;
      suffix: number | null;
      label: string;
      rest: string;
      /** "inner-space": 第一百二十八 条; "no-space": 第五条本法… (only trusted when the number is expected) */
      irregular: null | "inner-space" | "no-space";
    }
  | { type: "list"; style: ListStyle; number: number; label: string; rest: string }
  | { type: "preamble"; label: string }
  | { type: "supplementary"; heading: string }
  | { type: "annex"; number: number | null; label: string; heading: string | null }
  | { type: "footnote" }
  | { type: "text" };

const N = `[${NUMBER_CHARS}]+`;
const CN = "[零〇一二两三四五六七八九十百千]+";
const S = "[\\s\\u200b]";

const STRUCTURE = new RegExp(`^第${S}*(${N})${S}*(分编|编|章|节)(?:(${S}+)(.*)|(.*))$`);
const ARTICLE = new RegExp(`^第(${N})条(?:之(${N}))?(?:${S}+([\\s\\S]*)|$)`);
const ARTICLE_INNER_SPACE = new RegExp(`^第${S}*(${N})${S}+条(?:${S}*之${S}*(${N}))?${S}*([\\s\\S]*)$`);
const ARTICLE_NO_SPACE = new RegExp(`^第(${N})条(?:之(${CN}))?([^${S.slice(1, -1)}][\\s\\S]*)$`);
const REFERENCE_CONTINUATION = /^(规定|所|的|中|至|到|、|和|与|及|或|第|之|关于|有关|项下|列举|[，,。；;：:])/;
const LIST_PAREN = new RegExp(`^([（(])${S}*(${CN})${S}*([）)])${S}*([\\s\\S]*)$`);
const LIST_PAREN_ARABIC = /^([（(])\s*([0-9０-９]{1,3})\s*([）)])\s*([\s\S]*)$/;
const LIST_ARABIC = /^([0-9０-９]{1,3})([.．、])(?![0-9０-９])[\s\u200b]*([\s\S]*)$/;
const LIST_COMMA = new RegExp(`^(${CN})、${S}*([\\s\\S]*)$`);
const PREAMBLE = new RegExp(`^序${S}*言$`);
const SUPPLEMENTARY = new RegExp(`^附${S}*则$`);
const ANNEX = new RegExp(`^(附件|附录|附表|附)${S}*(${N})?${S}*([：:])?${S}*([\\s\\S]*)$`);
const FOOTNOTE = /^[\u2460-\u2473\u2474-\u2487]/;
/** Sentence punctuation that ends paragraphs but never headings. */
const SENTENCE_END = /[。；;，,：:！？!?、]$/;

/** A short line without sentence punctuation at its end: a title, a heading, a caption. */
export function isHeadingLike(text: string, maxLength = 40): boolean {
  return text.length > 0 && text.length <= maxLength && !SENTENCE_END.test(text);
}

/** Normalised heading text: all whitespace removed ("总　　则" -> "总则"). */
export function normaliseHeading(text: string): string {
  return removeWhitespace(text);
}

function structure(text: string): LineToken | null {
  const m = STRUCTURE.exec(text);
  if (!m) return null;
  const number = parseChineseNumber(m[1] ?? "");
  if (number === null) return null;
  const kindWord = m[2] ?? "";
  const spaced = m[3] !== undefined;
  const rest = (spaced ? m[4] : m[5]) ?? "";
  // "第二章 规定的…：" would be a sentence; a title is short and ends without punctuation
  if (rest !== "" && !isHeadingLike(rest, spaced ? 60 : 30)) return null;
  const kind: StructureKind =
    kindWord === "编" ? "part" : kindWord === "分编" ? "subpart" : kindWord === "章" ? "chapter" : "section";
  const heading = rest === "" ? null : normaliseHeading(rest);
  return { type: "structure", kind, number, label: `第${removeWhitespace(m[1] ?? "")}${kindWord}`, heading };
}

function article(text: string): LineToken | null {
  let m = ARTICLE.exec(text);
  let irregular: null | "inner-space" | "no-space" = null;
  if (!m) {
    m = ARTICLE_INNER_SPACE.exec(text);
    if (m) irregular = "inner-space";
  }
  if (!m) {
    m = ARTICLE_NO_SPACE.exec(text);
    // "第六条规定的…" is a reference at the start of a paragraph, not a label
    if (m && REFERENCE_CONTINUATION.test(m[3] ?? "")) m = null;
    if (m) irregular = "no-space";
  }
  if (!m) return null;
  const number = parseChineseNumber(m[1] ?? "");
  if (number === null) return null;
  const suffixText = m[2];
  const suffix = suffixText ? parseChineseNumber(suffixText) : null;
  if (suffixText && suffix === null) return null;
  const label = `第${m[1]}条${suffixText ? `之${suffixText}` : ""}`;
  return { type: "article", number, suffix, label, rest: m[3] ?? "", irregular };
}

function list(text: string): LineToken | null {
  let m = LIST_PAREN.exec(text);
  if (m) {
    const number = parseChineseNumber(m[2] ?? "");
    if (number === null) return null;
    return { type: "list", style: "paren", number, label: `${m[1]}${m[2]}${m[3]}`, rest: m[4] ?? "" };
  }
  m = LIST_PAREN_ARABIC.exec(text);
  if (m) {
    const number = parseChineseNumber(m[2] ?? "");
    if (number === null) return null;
    return { type: "list", style: "paren-arabic", number, label: `${m[1]}${m[2]}${m[3]}`, rest: m[4] ?? "" };
  }
  m = LIST_ARABIC.exec(text);
  if (m) {
    const number = parseChineseNumber(m[1] ?? "");
    if (number === null || number === 0) return null;
    return { type: "list", style: "arabic", number, label: `${m[1]}${m[2]}`, rest: m[3] ?? "" };
  }
  m = LIST_COMMA.exec(text);
  if (m) {
    const number = parseChineseNumber(m[1] ?? "");
    if (number === null || number === 0 || number > 99) return null;
    return { type: "list", style: "comma", number, label: `${m[1]}、`, rest: m[2] ?? "" };
  }
  return null;
}

function annex(text: string): LineToken | null {
  const m = ANNEX.exec(text);
  if (!m) return null;
  const word = m[1] ?? "";
  const numText = m[2];
  const colon = m[3];
  const rest = m[4] ?? "";
  if (word === "附" && !colon && !numText) return null; // 附则 etc.
  if (rest !== "") {
    // "附件三所列全国性法律…" is a sentence, not a heading: a title needs a separator.
    const before = text[text.length - rest.length - 1] ?? "";
    if (!colon && !/[\s\u200b]/.test(before)) return null;
    if (!isHeadingLike(rest, 60)) return null;
  }
  const number = numText ? parseChineseNumber(numText) : null;
  const label = `${word}${numText ?? ""}${colon ?? ""}`;
  return { type: "annex", number, label, heading: rest === "" ? null : normaliseHeading(rest) };
}

/** Classifies one line of body text (already stripped of markup and edge whitespace). */
export function classifyLine(text: string): LineToken {
  if (text === "") return { type: "text" };
  const first = text[0];
  if (first === "第") return structure(text) ?? article(text) ?? { type: "text" };
  if (first === "序" && PREAMBLE.test(text)) return { type: "preamble", label: normaliseHeading(text) };
  if (first === "附") {
    if (SUPPLEMENTARY.test(text)) return { type: "supplementary", heading: normaliseHeading(text) };
    return annex(text) ?? { type: "text" };
  }
  if (FOOTNOTE.test(text)) return { type: "footnote" };
  return list(text) ?? { type: "text" };
}

/** 题注 of an appended document: "（1997年7月1日第八届…会议通过）". */
export function isTitleNote(text: string): boolean {
  return (
    /^[（(][\s\S]*[）)]$/.test(text) &&
    /\d{4}年|[〇零一二三四五六七八九]{4}年/.test(text) &&
    /通过|批准|备案|修订|修正|公布|发布|施行/.test(text)
  );
}

/** Site navigation: Markdown links, breadcrumbs. */
export function isNavigationLine(text: string): boolean {
  if (/^\[[^\]]*\]\([^)]*\)/.test(text)) return true;
  const looksLikeNavigation =
    (/\s>>\s|^>>|>>$|\s>\s/.test(text) && text.length <= 60) ||
    /^(首页|当前位置|您的位置|返回首页|返回顶部|上一篇|下一篇|打印本页|关闭窗口)/.test(text);
  return looksLikeNavigation && !/[。；;：:]/.test(text) && classifyLine(text).type === "text";
}

const TRAILING_NAVIGATION = /[\s\u3000]+\[[^\]]*\]\([^)]*\)[^[\]()]*$/;

/** "…下列条款： [大萌法律读本](../duben) >>" -> the text and the navigation link, apart. */
export function splitTrailingNavigation(text: string): { text: string; link: string } | null {
  const m = TRAILING_NAVIGATION.exec(text);
  if (!m || m.index === 0) return null;
  return { text: text.slice(0, m.index).trimEnd(), link: m[0].trim() };
}
