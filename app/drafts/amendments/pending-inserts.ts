/**
 * Two details of insertions: a 款/项 added without text of its own ("在刑法第一百六十五条中增加一款
 * 作为第二款，将该条修改为：“…”" — the text is the N-th 款 of the replacement that follows), and the
 * text of 增加两条 split into its articles ("第十一条　…\n第十二条　…").
 */
import { formatParagraphs, parseParagraphs } from "./article-text";
import { makeArticleRef, NUM, type NewLabel } from "./references";
import { parseChineseNumber } from "../parse/chinese-numbers";
import type { AmendmentInstruction, ArticleRef } from "./types";

/** An added 款/项 whose text is to be found in a later replacement of the whole article. */
export interface Pending {
  kind: "pending";
  unit: "款" | "项";
  article: ArticleRef;
  paragraph: number | null;
  position: number | null;
  raw: string;
}

const sameArticle = (a: ArticleRef, b: ArticleRef) => a.number === b.number && (a.suffix ?? 0) === (b.suffix ?? 0);

function textFromReplacement(pending: Pending, newText: string): string | null {
  if (pending.position === null) return null;
  const paragraphs = parseParagraphs(newText);
  if (pending.unit === "款") {
    const p = paragraphs[pending.position - 1];
    return p ? formatParagraphs([p]) : null;
  }
  const withItems = paragraphs.filter((p) => p.items.length > 0);
  const host = pending.paragraph !== null ? paragraphs[pending.paragraph - 1] : withItems.length === 1 ? withItems[0] : undefined;
  const item = host?.items[pending.position - 1];
  return item ? `${item.label}${item.text}` : null;
}

export function resolvePending(drafts: readonly (AmendmentInstruction | Pending)[]): AmendmentInstruction[] {
  return drafts.map((d, k) => {
    if (d.kind !== "pending") return d;
    const replacement = drafts
      .slice(k + 1)
      .find((r): r is Extract<AmendmentInstruction, { kind: "replace_article" }> => r.kind === "replace_article" && sameArticle(r.article, d.article));
    const text = replacement ? textFromReplacement(d, replacement.newText) : null;
    if (text === null) return { kind: "unrecognised", text: d.raw };
    return d.unit === "款"
      ? { kind: "insert_paragraph", article: d.article, position: d.position, text }
      : { kind: "insert_item", article: d.article, paragraph: d.paragraph, position: d.position, text };
  });
}

const LEADING_LABEL = new RegExp(`^(第(${NUM})条(?:之(${NUM}))?)[\\s\\u3000]+`);

/**
 * The new articles of 增加…条：“…”, labelled from the quote ("第十一条　…") or from the 作为 list.
 * Null when the two disagree or a part has no label.
 */
export function splitNewArticles(text: string, labels: readonly NewLabel[]): { label: string; text: string }[] | null {
  const parts: { label: string | null; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    const m = LEADING_LABEL.exec(line);
    const number = m ? parseChineseNumber(m[2]!) : null;
    if (m && number !== null) {
      const suffix = m[3] ? parseChineseNumber(m[3]) : null;
      parts.push({ label: makeArticleRef(null, number, suffix).label, lines: [line.slice(m[0].length)] });
    } else if (parts.length > 0) parts[parts.length - 1]!.lines.push(line);
    else parts.push({ label: null, lines: [line] });
  }
  const fromList = labels.map((l) => makeArticleRef(null, l.number, l.suffix).label);
  if (parts.length === 1) {
    if (fromList.length > 1) return null;
    const label = parts[0]!.label ?? fromList[0] ?? "";
    return [{ label, text: parts[0]!.lines.join("\n") }];
  }
  if (parts.some((p) => p.label === null)) return null;
  if (fromList.length > 0 && fromList.join() !== parts.map((p) => p.label).join()) return null;
  return parts.map((p) => ({ label: p.label!, text: p.lines.join("\n") }));
}
