/**
 * Everything before the body: site navigation, the title (ATX, setext or up to five plain lines),
 * source/metadata lines, the 题注 in parentheses, LawRefBook's dated history lines and
 * "<!-- INFO END -->", promulgation lines, and the 目录 with its entries. None of it becomes a
 * provision; all of it is returned as printed in `frontMatter`.
 */
import { NUMBER_CHARS } from "./chinese-numbers";
import { classifyLine, isHeadingLike, isNavigationLine } from "./headings";
import { removeWhitespace, type SourceLine } from "./normalise-lines";

export interface FrontMatter {
  title: string;
  subtitleLines: string[];
  frontMatter: string[];
  /** Index (into the lines array) of the first body line. */
  bodyStart: number;
}

const METADATA = /^(来源|发布部门|发文字号|文号|效力级别|效力位阶|时效性|公布日期|施行日期|颁布日期|实施日期|发布日期|制定机关|法规类别)\s*[：:]/;
const HISTORY = /^\d{4}年\d{1,2}月\d{1,2}日/;
const HISTORY_VERB = /通过|修正|修订|公布|施行|批准|备案|发布/;
/** 主席令 / 国务院令 headers, 第N号, "现予公布", signatures, a date alone on its line. */
const PROMULGATION = new RegExp(
  [
    "(主席|国务院|部|委员会|局|署|行|院|政府)令[\\s　]*([（(]?第.{1,8}号[）)]?)?$",
    "^(第|〔\\d{4}〕)[0-9０-９零〇一二三四五六七八九十百千]+号$",
    "现予公布|予以公布|现予发布|予以发布|现予印发|予以印发",
    "^(中华人民共和国)?(国家)?(主席|总理|副总理|部长|主任|局长|署长|行长|院长|省长|市长)[\\s　]+\\S{2,4}$",
    "^\\d{4}年\\d{1,2}月\\d{1,2}日$",
    "^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$",
  ].join("|"),
);
const TOC = /^目[\s\u3000]*录$/;
const TOC_LABEL = new RegExp(`^第[${NUMBER_CHARS}]+(分编|编|章|节)`);
/** "（草案）", "（征求意见稿）", "（修订草案二次审议稿）" printed under a draft's title. */
const DRAFT_NOTE = /^[（(][^（()）]{0,20}(草案|征求意见稿|审议稿|送审稿|讨论稿|建议稿)[^（()）]{0,10}[）)]$/;

function isTitleLine(line: SourceLine): boolean {
  return (
    !line.blank &&
    classifyLine(line.text).type === "text" &&
    isHeadingLike(line.text, 80) &&
    !/^[（(]/.test(line.text) &&
    !HISTORY.test(line.text) &&
    !METADATA.test(line.text) &&
    !TOC.test(line.text) &&
    !PROMULGATION.test(line.text) &&
    !isNavigationLine(line.text)
  );
}

function isTocEntry(line: SourceLine): boolean {
  const token = classifyLine(line.text);
  if (token.type === "structure" || token.type === "preamble" || token.type === "supplementary") return true;
  if (token.type === "annex" || TOC_LABEL.test(line.text)) return true; // "第二章　自然人  （第一节…	第二节…）"
  // Markdown editions indent entries with tabs; plain editions with U+3000.
  return /^[\t\u3000]/.test(line.raw) && token.type !== "article" && isHeadingLike(line.text, 60);
}

export function extractFrontMatter(lines: readonly SourceLine[]): FrontMatter {
  const front: string[] = [];
  const subtitleLines: string[] = [];
  let title = "";
  let i = 0;
  const n = lines.length;
  const keep = (line: SourceLine): void => {
    if (removeWhitespace(line.raw) !== "") front.push(line.raw);
  };
  const skipBlank = (): void => {
    while (i < n && lines[i]!.blank && lines[i]!.markup !== "comment") keep(lines[i++]!);
  };

  skipBlank();
  while (i < n && !lines[i]!.blank && (isNavigationLine(lines[i]!.text) || PROMULGATION.test(lines[i]!.text))) {
    keep(lines[i++]!);
    skipBlank();
  }

  // Title
  const first = lines[i];
  if (first && isTitleLine(first)) {
    if (first.atxLevel > 0 || first.setextLevel > 0) {
      title = first.text;
      keep(first);
      i++;
    } else {
      const parts: string[] = [];
      while (i < n && parts.length < 5 && isTitleLine(lines[i]!)) {
        parts.push(lines[i]!.text);
        keep(lines[i++]!);
      }
      title = parts.join("");
    }
  }

  // Metadata, 题注, history, promulgation, 目录
  while (i < n) {
    const line = lines[i]!;
    const text = line.text;
    if (line.blank && line.markup !== "comment") {
      keep(line);
      i++;
      continue;
    }
    if (HISTORY.test(text) && HISTORY_VERB.test(text) && !/。$/.test(text)) {
      subtitleLines.push(text);
      keep(line);
      i++;
      continue;
    }
    if (line.markup === "comment" || METADATA.test(text) || isNavigationLine(text) || PROMULGATION.test(text)) {
      keep(line);
      i++;
      continue;
    }
    if (/^[（(]/.test(text) && classifyLine(text).type === "text" && (/\d{4}年|[〇零一二三四五六七八九]{4}年/.test(text) || HISTORY_VERB.test(text) || DRAFT_NOTE.test(text))) {
      // 题注, possibly over several lines: read until the closing parenthesis
      let count = 0;
      while (i < n && count < 8) {
        const l = lines[i]!;
        if (l.blank) break;
        subtitleLines.push(l.text);
        keep(l);
        i++;
        count++;
        if (/[）)]$/.test(l.text)) break;
      }
      continue;
    }
    if (TOC.test(text)) {
      keep(line);
      i++;
      i = skipToc(lines, i, keep);
      continue;
    }
    break;
  }
  return { title, subtitleLines, frontMatter: front, bodyStart: i };
}

/** Skips the entries of a 目录; stops at the body, recognised by the repeat of the first entry. */
function skipToc(lines: readonly SourceLine[], start: number, keep: (line: SourceLine) => void): number {
  let i = start;
  let firstEntry: string | null = null;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.blank) {
      keep(line);
      i++;
      continue;
    }
    const norm = tocKey(line.text);
    if (firstEntry !== null && norm === firstEntry) break;
    if (!isTocEntry(line) || nextIsArticle(lines, i)) break;
    if (firstEntry === null) firstEntry = norm;
    keep(line);
    i++;
  }
  return i;
}

/** An entry without its dot leader and page number: "第一章 总则 ……… 1" -> "第一章总则". */
function tocKey(text: string): string {
  return removeWhitespace(text)
    .replace(/[.．…·•_—－-]{2,}[0-9０-９]*$/, "")
    .replace(/[0-9０-９]+$/, "");
}

/** A TOC entry is never followed by an article: a heading that is, starts the body. */
function nextIsArticle(lines: readonly SourceLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (!l.blank) return classifyLine(l.text).type === "article";
  }
  return false;
}
