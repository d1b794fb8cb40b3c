/**
 * An article as 款 with their 项 and 目 (ArticleText): built from flattened rows, read from a block
 * of text (one line per 款/项/目, as quoted in an amendment), and written back as text.
 */
import type { ProvisionRow } from "../flatten";
import type { ArticleText } from "./types";

export type Paragraph = ArticleText["paragraphs"][number];

const ITEM_LABEL = /^[（(][一二三四五六七八九十百零〇]+[)）]/;
const SUBITEM_LABEL = /^[0-9０-９]+[.．]\s?/;

/** One line per 款, then its 项 and 目 each on their own line with their labels. Empty 款 text is skipped. */
export function formatParagraphs(paragraphs: readonly Paragraph[]): string {
  const lines: string[] = [];
  for (const p of paragraphs) {
    if (p.text !== "") lines.push(p.text);
    for (const item of p.items) {
      lines.push(`${item.label}${item.text}`);
      for (const sub of item.subitems ?? []) lines.push(`${sub.label}${sub.text}`);
    }
  }
  return lines.join("\n");
}

export function formatArticleText(article: ArticleText): string {
  return formatParagraphs(article.paragraphs);
}

/** Reads "款\n（一）项\n1.目\n款" into paragraphs; a 项 before any 款 goes into an empty 款. */
export function parseParagraphs(block: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const lastParagraph = () => {
    let p = paragraphs[paragraphs.length - 1];
    if (!p) paragraphs.push((p = { text: "", items: [] }));
    return p;
  };
  for (const raw of block.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const item = ITEM_LABEL.exec(line);
    const sub = SUBITEM_LABEL.exec(line);
    const lastItem = paragraphs[paragraphs.length - 1]?.items.at(-1);
    if (item) {
      lastParagraph().items.push({ label: item[0], text: line.slice(item[0].length) });
    } else if (sub && lastItem) {
      (lastItem.subitems ??= []).push({ label: sub[0].trim(), text: line.slice(sub[0].length) });
    } else {
      paragraphs.push({ text: line, items: [] });
    }
  }
  return paragraphs;
}

/** Splits "（二）…" into label and text; label null when the line has none. */
export function splitItemLabel(line: string): { label: string | null; text: string } {
  const m = ITEM_LABEL.exec(line.trim());
  return m ? { label: m[0], text: line.trim().slice(m[0].length) } : { label: null, text: line.trim() };
}

/**
 * The article whose stableKey is `articleKey` (art-165, art-133-1) with its paragraph, item and
 * subitem rows; null when there is no such article row. Article text of its own (laws printed
 * without 款 rows) becomes its first 款; rows of other kinds under the article are kept as 款.
 */
export function articleTextFromRows(rows: readonly ProvisionRow[], articleKey: string): ArticleText | null {
  const start = rows.findIndex((r) => r.stableKey === articleKey && r.kind === "article");
  const article = rows[start];
  if (!article) return null;
  const paragraphs: Paragraph[] = [];
  if (article.text !== "") paragraphs.push({ text: article.text, items: [] });
  for (let k = start + 1; k < rows.length; k++) {
    const row = rows[k]!;
    if (row.depth <= article.depth) break;
    const lastParagraph = paragraphs[paragraphs.length - 1];
    const lastItem = lastParagraph?.items.at(-1);
    if (row.kind === "item" || (row.kind === "subitem" && !lastItem)) {
      if (lastParagraph) lastParagraph.items.push({ label: row.label, text: row.text });
      else paragraphs.push({ text: "", items: [{ label: row.label, text: row.text }] });
    } else if (row.kind === "subitem" && lastItem) {
      (lastItem.subitems ??= []).push({ label: row.label, text: row.text });
    } else {
      paragraphs.push({ text: row.kind === "paragraph" ? row.text : `${row.label}${row.text}`, items: [] });
    }
  }
  return { label: article.label, paragraphs };
}
