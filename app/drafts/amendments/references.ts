/**
 * References inside amendment clauses: 刑法第一百六十五条, 《中华人民共和国刑法》第十条之一, 第二款,
 * 第一款第三项, 该条, 该款, 其中. Relative ones are resolved against the clause context (the article
 * and 款 the previous clause of the point was about).
 */
import { articleLabel, NUMBER_CHARS, parseChineseNumber } from "../parse/chinese-numbers";
import { Q } from "./segments";
import type { ArticleRef, Target } from "./types";

export const NUM = `[${NUMBER_CHARS}]+`;

const ARTICLE = new RegExp(`^(?:《([^》]{1,40})》|([^第，。：；、\\s“”${Q}]{1,30}?))?第(${NUM})条(?:之(${NUM}))?`);
const SAME_ARTICLE = /^(?:该条|本条|其中|其)/;
const PARAGRAPH = new RegExp(`^(?:第(${NUM})款|(该款))`);
const ITEM = new RegExp(`^(?:第(${NUM})项|(该项))`);

/** What a clause names, before resolution: "same" for 该条/该款/该项/其中. */
export interface RefParts {
  article?: ArticleRef | "same";
  paragraph?: number | "same";
  item?: number | "same";
}

/** What the clauses of a point are about so far; `lost` after a clause that was not understood. */
export interface ClauseContext {
  target: Target | null;
  lost: boolean;
}

export function makeArticleRef(law: string | null, number: number, suffix: number | null): ArticleRef {
  return { law, number, suffix, label: articleLabel(number, suffix) };
}

function lawName(bracketed: string | undefined, bare: string | undefined): string | null {
  const name = (bracketed ?? bare ?? "").trim();
  return name === "" || name === "本法" ? null : name;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : parseChineseNumber(s));

/** Reads a reference at the start of `shape`; `rest` is what follows it. Empty parts when none. */
export function readReference(shape: string): { parts: RefParts; rest: string } {
  const parts: RefParts = {};
  let rest = shape;
  const article = ARTICLE.exec(rest);
  const number = num(article?.[3]);
  if (article && number !== null) {
    parts.article = makeArticleRef(lawName(article[1], article[2]), number, num(article[4]));
    rest = rest.slice(article[0].length);
  } else {
    const same = SAME_ARTICLE.exec(rest);
    if (same) {
      parts.article = "same";
      rest = rest.slice(same[0].length);
    }
  }
  const paragraph = PARAGRAPH.exec(rest);
  if (paragraph) {
    parts.paragraph = paragraph[2] ? "same" : num(paragraph[1]) ?? undefined;
    rest = rest.slice(paragraph[0].length);
  }
  const item = ITEM.exec(rest);
  if (item) {
    parts.item = item[2] ? "same" : num(item[1]) ?? undefined;
    rest = rest.slice(item[0].length);
  }
  return { parts, rest };
}

export function isEmpty(parts: RefParts): boolean {
  return parts.article === undefined && parts.paragraph === undefined && parts.item === undefined;
}

/** The target a clause names, completed from the context; null when it needs a context there is not. */
export function resolveTarget(parts: RefParts, context: ClauseContext): Target | null {
  const previous = context.lost ? null : context.target;
  if (isEmpty(parts) || (parts.article === "same" && parts.paragraph === undefined && parts.item === undefined)) {
    if (!previous) return null;
    return parts.article === "same" ? { article: previous.article } : previous;
  }
  const article = parts.article === undefined || parts.article === "same" ? previous?.article : parts.article;
  if (!article) return null;
  const target: Target = { article };
  if (parts.paragraph === "same") {
    if (previous?.paragraph === undefined) return null;
    target.paragraph = previous.paragraph;
  } else if (parts.paragraph !== undefined) target.paragraph = parts.paragraph;
  if (parts.item === "same") {
    if (previous?.item === undefined) return null;
    target.item = previous.item;
    if (target.paragraph === undefined && previous.paragraph !== undefined) target.paragraph = previous.paragraph;
  } else if (parts.item !== undefined) target.item = parts.item;
  return target;
}

export interface NewLabel {
  unit: "条" | "款" | "项";
  number: number;
  suffix: number | null;
}

/** "第十一条、第十二条" / "第三款、第四款" -> labels; null when the text is anything else. */
export function readLabelList(text: string): NewLabel[] | null {
  const one = new RegExp(`^第(${NUM})(条|款|项)(?:之(${NUM}))?`);
  const out: NewLabel[] = [];
  let rest = text;
  while (rest !== "") {
    const m = one.exec(rest);
    const number = num(m?.[1]);
    if (!m || number === null) return null;
    out.push({ unit: m[2] as NewLabel["unit"], number, suffix: num(m[3]) });
    rest = rest.slice(m[0].length).replace(/^[、和及]/, "");
  }
  return out.length > 0 ? out : null;
}
