/**
 * Splits the input into lines and removes what is not text: byte-order marks, line terminators
 * (CRLF, LF and CR mixed), edge whitespace (ASCII, U+3000, thin and zero-width spaces) and, for
 * Markdown, heading markers, setext underlines, bullets, block-quote markers, bold markers and
 * hard-break spaces.
 */

export type LineMarkup = "none" | "atx" | "setext-underline" | "rule" | "bullet" | "comment";

export interface SourceLine {
  /** 1-based line number in the input. */
  no: number;
  /** The line as in the input, without its terminator. */
  raw: string;
  /** Content without markup and without leading/trailing whitespace. */
  text: string;
  /** True when the line holds nothing but whitespace (zero-width spaces included) or pure markup. */
  blank: boolean;
  markup: LineMarkup;
  /** 1…6 for ATX headings ("## 第一章"), else 0. */
  atxLevel: number;
  /** 1 ("===") or 2 ("---") when the next line underlines this one, else 0. */
  setextLevel: number;
  /** True for tab-separated table rows (a tab after the first visible character). */
  tableRow: boolean;
  /** For table rows: the row with its tabs, trailing spaces removed. */
  rowText: string;
}

/** Whitespace as far as the parser is concerned: \s (U+3000, U+2009, U+FEFF…) plus zero-width spaces. */
export const WHITESPACE_CLASS = "\\s\\u200b\\u200c\\u200d\\u2060";
const EDGE_WS = new RegExp(`^[${WHITESPACE_CLASS}]+|[${WHITESPACE_CLASS}]+$`, "g");
const ALL_WS = new RegExp(`[${WHITESPACE_CLASS}]+`, "g");

export function trimAll(s: string): string {
  return s.replace(EDGE_WS, "");
}

export function removeWhitespace(s: string): string {
  return s.replace(ALL_WS, "");
}

export function splitLines(input: string): string[] {
  const withoutBom = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return withoutBom.split(/\r\n|\r|\n/);
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^[ \t\u3000]{0,4}[*+-](?:\t| +)(?=\S)/;
const COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;
const BLOCKQUOTE = /^ {0,3}>[ \t]?/;
/** Bold markers (**第一条**): law texts never contain them, Markdown conversions often do. */
const BOLD = /\*\*|__/g;
const LEADING_INDENT = /^[ \t\u3000]+/;
const TRAILING_SPACES = /[ \u3000\u00a0]+$/;

function plainLine(no: number, raw: string, content: string, markup: LineMarkup, atxLevel: number): SourceLine {
  const text = trimAll(content);
  const tableRow = content.replace(LEADING_INDENT, "").includes("\t") && text !== "";
  return {
    no,
    raw,
    text,
    blank: text === "",
    markup,
    atxLevel,
    setextLevel: 0,
    tableRow,
    rowText: tableRow ? content.replace(TRAILING_SPACES, "") : "",
  };
}

function markupLine(no: number, raw: string, markup: LineMarkup): SourceLine {
  return { no, raw, text: "", blank: true, markup, atxLevel: 0, setextLevel: 0, tableRow: false, rowText: "" };
}

/** Turns the input into SourceLines; Markdown markup is only recognised when markdown is true. */
export function normaliseLines(input: string, markdown: boolean): SourceLine[] {
  const raws = splitLines(input);
  const out: SourceLine[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] ?? "";
    const no = i + 1;
    if (!markdown) {
      out.push(plainLine(no, raw, raw, "none", 0));
      continue;
    }
    const prev = out[out.length - 1];
    const unquoted = raw.replace(BLOCKQUOTE, "");
    if (UNDERLINE.test(unquoted) && unquoted.trim().length >= 2) {
      if (prev && !prev.blank && prev.markup !== "atx") {
        prev.setextLevel = unquoted.trim().startsWith("=") ? 1 : 2;
        out.push(markupLine(no, raw, "setext-underline"));
      } else {
        out.push(markupLine(no, raw, "rule"));
      }
      continue;
    }
    if (RULE.test(unquoted)) {
      out.push(markupLine(no, raw, "rule"));
      continue;
    }
    const src = unquoted.replace(BOLD, "");
    const atx = ATX.exec(src);
    if (atx) {
      out.push(plainLine(no, raw, atx[2] ?? "", "atx", (atx[1] ?? "#").length));
      continue;
    }
    if (COMMENT.test(src)) {
      // keep the comment as text so that it is either front matter or reported, never dropped
      out.push(plainLine(no, raw, src, "comment", 0));
      continue;
    }
    const bullet = BULLET.exec(src);
    if (bullet) {
      out.push(plainLine(no, raw, src.slice(bullet[0].length), "bullet", 0));
      continue;
    }
    out.push(plainLine(no, raw, src, "none", 0));
  }
  return out;
}
