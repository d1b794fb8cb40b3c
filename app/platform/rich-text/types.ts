/**
 * Rich text as stored: Lexical JSON (the source), derived sanitised HTML and plain text. These types
 * and constants are shared by the server (validation, rendering) and the client editor (which strips
 * the same formats the server would drop), so they import nothing at runtime.
 *
 * The JSON kept is a canonical form of what was sent: only whitelisted node types, only the fields
 * Lexical itself writes, cosmetic fields reset (style, alignment, indent, direction). Text is never
 * normalised (no NFC): compatibility ideographs such as U+F900 豈 survive byte for byte.
 */
import type { SerializedEditorState } from "lexical";

export type RichTextError = "invalid" | "too_long" | "empty";

export interface RichTextLimits {
  /** Characters (Unicode code points) of the derived plain text, paragraph breaks included. */
  maxChars?: number;
  /** UTF-8 bytes of the JSON, both as received and as stored. */
  maxBytes?: number;
}

export interface RichText {
  json: SerializedEditorState;
  html: string;
  text: string;
}

export type RichTextResult = { ok: true; value: RichText } | { ok: false; error: RichTextError };

export const DEFAULT_RICH_TEXT_LIMITS: Required<RichTextLimits> = { maxChars: 20_000, maxBytes: 256 * 1024 };

/** Lexical's format bits that we keep; every other bit (strikethrough, code, sub/sup…) is dropped. */
export const TEXT_FORMAT = { bold: 1, italic: 2, underline: 8 } as const;
export const ALLOWED_TEXT_FORMAT_MASK = TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline;

export const HEADING_TAGS = ["h2", "h3", "h4"] as const;
export type HeadingTag = (typeof HEADING_TAGS)[number];

// Canonical serialised nodes. Key order follows Lexical 0.52's own exportJSON, so a stored document
// re-exported by a Lexical editor is byte-identical (checked in tests/platform/rich-text.test.ts).
export interface CanonicalText { detail: 0; format: number; mode: "normal"; style: ""; text: string; type: "text"; version: 1 }
export interface CanonicalTab { detail: 2; mode: "normal"; text: "\t"; format: number; style: ""; type: "tab"; version: 1 }
export interface CanonicalLineBreak { type: "linebreak"; version: 1 }
export type CanonicalInline = CanonicalText | CanonicalTab | CanonicalLineBreak;

export interface CanonicalParagraph {
  children: CanonicalInline[]; direction: null; format: ""; indent: 0; textFormat: number; textStyle: ""; type: "paragraph"; version: 1;
}
export interface CanonicalHeading { children: CanonicalInline[]; tag: HeadingTag; direction: null; format: ""; indent: 0; type: "heading"; version: 1 }
/** Lexical 0.52 pastes `<blockquote><p>…</p></blockquote>` as a quote holding paragraphs, so both are allowed. */
export interface CanonicalQuote { children: (CanonicalInline | CanonicalParagraph)[]; direction: null; format: ""; indent: 0; type: "quote"; version: 1 }
export type CanonicalBlock = CanonicalParagraph | CanonicalHeading | CanonicalQuote;
export interface CanonicalRoot { children: CanonicalBlock[]; direction: null; format: ""; indent: 0; type: "root"; version: 1 }
export interface CanonicalEditorState { root: CanonicalRoot }

/**
 * Blank means nothing but whitespace (JavaScript's \s: includes U+3000 ideographic space, U+00A0,
 * U+FEFF) and zero-width characters (U+200B–U+200D, U+2060 word joiner).
 */
const BLANK = /^[\s\u200B-\u200D\u2060]*$/u;
export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}

export function textNode(text: string, format = 0): CanonicalText {
  return { detail: 0, format: format & ALLOWED_TEXT_FORMAT_MASK, mode: "normal", style: "", text, type: "text", version: 1 };
}
export function tabNode(format = 0): CanonicalTab {
  return { detail: 2, mode: "normal", text: "\t", format: format & ALLOWED_TEXT_FORMAT_MASK, style: "", type: "tab", version: 1 };
}
export function lineBreakNode(): CanonicalLineBreak {
  return { type: "linebreak", version: 1 };
}
/** `textFormat` is Lexical's caret hint: the leftmost text's format, else what was given. */
export function paragraphNode(children: CanonicalInline[], textFormat = 0): CanonicalParagraph {
  const first = children.find((c): c is CanonicalText | CanonicalTab => c.type !== "linebreak");
  return {
    children, direction: null, format: "", indent: 0,
    textFormat: (first ? first.format : textFormat) & ALLOWED_TEXT_FORMAT_MASK, textStyle: "", type: "paragraph", version: 1,
  };
}
export function headingNode(tag: HeadingTag, children: CanonicalInline[]): CanonicalHeading {
  return { children, tag, direction: null, format: "", indent: 0, type: "heading", version: 1 };
}
export function quoteNode(children: (CanonicalInline | CanonicalParagraph)[]): CanonicalQuote {
  return { children, direction: null, format: "", indent: 0, type: "quote", version: 1 };
}
export function rootNode(children: CanonicalBlock[]): CanonicalEditorState {
  return { root: { children, direction: null, format: "", indent: 0, type: "root", version: 1 } };
}
