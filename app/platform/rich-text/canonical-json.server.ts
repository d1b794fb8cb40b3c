/**
 * Untrusted Lexical JSON → canonical JSON, by whitelist. A hand-written walker rather than a zod
 * schema or a headless editor: the tree is at most three levels deep (root → block → inline, or
 * root → quote → paragraph → inline), and it is walked once per comment on the hot intake path.
 *
 * Rejected (null): anything not shaped like an editor state, an unknown node type anywhere, a node in
 * the wrong place (text directly in root, a heading inside a paragraph…), heading tags other than
 * h2–h4, a text or format of the wrong type, text holding control characters (other than tab) or
 * unpaired surrogates (PostgreSQL refuses both), or a line break inside a text node.
 * Neutralised: unknown fields (class, style, event handlers, NodeState…) are dropped; style,
 * alignment, indent and direction are reset; format bits other than bold/italic/underline are
 * cleared; empty text nodes are dropped.
 */
import {
  ALLOWED_TEXT_FORMAT_MASK, HEADING_TAGS, headingNode, lineBreakNode, paragraphNode, quoteNode, rootNode, tabNode, textNode,
  type CanonicalBlock, type CanonicalEditorState, type CanonicalInline, type CanonicalParagraph, type HeadingTag,
} from "./types";

type Rec = Record<string, unknown>;

/** C0 controls except tab (so also CR and LF), DEL, and unpaired UTF-16 surrogates. */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000A-\u001F\u007F]|\p{Cs}/u;

export function canonicalEditorState(input: unknown): CanonicalEditorState | null {
  if (!isRecord(input) || !isRecord(input.root) || input.root.type !== "root" || !Array.isArray(input.root.children)) return null;
  const blocks: CanonicalBlock[] = [];
  for (const child of input.root.children) {
    const b = block(child);
    if (!b) return null;
    blocks.push(b);
  }
  return rootNode(blocks);
}

/** Unicode code points in a string already known to hold no unpaired surrogates. */
export function countCodePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN_IN_TEXT.test(text);
}

function isRecord(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function block(node: unknown): CanonicalBlock | null {
  if (!isRecord(node)) return null;
  switch (node.type) {
    case "paragraph":
      return paragraph(node);
    case "heading": {
      if (!HEADING_TAGS.includes(node.tag as HeadingTag)) return null;
      const children = inlines(node.children);
      return children && headingNode(node.tag as HeadingTag, children);
    }
    case "quote": {
      if (!Array.isArray(node.children)) return null;
      const children: (CanonicalInline | CanonicalParagraph)[] = [];
      for (const child of node.children) {
        const c = isRecord(child) && child.type === "paragraph" ? paragraph(child) : inline(child);
        if (c === null) return null;
        if (c !== "skip") children.push(c);
      }
      return quoteNode(children);
    }
    default:
      return null;
  }
}

function paragraph(node: Rec): CanonicalParagraph | null {
  const children = inlines(node.children);
  if (!children) return null;
  const hint = node.textFormat === undefined ? 0 : format(node.textFormat);
  return hint === null ? null : paragraphNode(children, hint);
}

function inlines(list: unknown): CanonicalInline[] | null {
  if (!Array.isArray(list)) return null;
  const out: CanonicalInline[] = [];
  for (const child of list) {
    const c = inline(child);
    if (c === null) return null;
    if (c !== "skip") out.push(c);
  }
  return out;
}

function inline(node: unknown): CanonicalInline | "skip" | null {
  if (!isRecord(node)) return null;
  switch (node.type) {
    case "linebreak":
      return lineBreakNode();
    case "tab": {
      const f = node.format === undefined ? 0 : format(node.format);
      if (f === null || (node.text !== undefined && node.text !== "\t")) return null;
      return tabNode(f);
    }
    case "text": {
      const f = node.format === undefined ? 0 : format(node.format);
      if (f === null || typeof node.text !== "string" || hasForbiddenCharacters(node.text)) return null;
      return node.text === "" ? "skip" : textNode(node.text, f);
    }
    default:
      return null;
  }
}

/** A Lexical format bitmask (a non-negative integer) with the bits we keep. */
function format(v: unknown): number | null {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v & ALLOWED_TEXT_FORMAT_MASK : null;
}
