/**
 * An article as it reads now and as it would read after the instructions of an amendment point.
 *
 * The article is `current` (its label says which one); when it is null (law not on the platform)
 * it is the article the first instruction concerns. Instructions about other articles are skipped
 * with a note; those before a replacement of the whole article are superseded by it (刑法修正案
 * （十二） 一: 增加一款作为第二款，将该条修改为…). Texts have one line per 款/项/目, without the label.
 * When an instruction cannot be applied, `applied` is false, a note says why, and `after` holds
 * what the other instructions give.
 */
import { parseChineseNumber } from "../parse/chinese-numbers";
import { formatArticleText, formatParagraphs, parseParagraphs } from "./article-text";
import { deletePart, describe, editWords, insertItem, insertParagraph, replaceItem, replaceParagraph, toWork, type Work } from "./edit-paragraphs";
import type { AmendmentInstruction, AppliedAmendment, ArticleText, Target } from "./types";

interface Key {
  number: number;
  suffix: number;
}

const LABEL = /第([^条]+)条(?:之(.+))?$/;

function keyOfLabel(label: string): Key | null {
  const m = LABEL.exec(label.trim());
  const number = m ? parseChineseNumber(m[1]!) : null;
  if (!m || number === null) return null;
  return { number, suffix: m[2] ? parseChineseNumber(m[2]) ?? -1 : 0 };
}

const sameKey = (a: Key | null, b: Key | null) => !!a && !!b && a.number === b.number && a.suffix === b.suffix;

/** The articles an instruction is about (for insert_article, the new ones). */
function keysOf(i: AmendmentInstruction): Key[] {
  switch (i.kind) {
    case "replace_article":
    case "insert_paragraph":
    case "insert_item":
      return [{ number: i.article.number, suffix: i.article.suffix ?? 0 }];
    case "insert_article":
      return i.newArticles.map((a) => keyOfLabel(a.label)).filter((k): k is Key => k !== null);
    case "renumber":
    case "not_an_amendment":
    case "unrecognised":
      return [];
    default:
      return [{ number: i.target.article.number, suffix: i.target.article.suffix ?? 0 }];
  }
}

export function applyAmendment(current: ArticleText | null, instructions: readonly AmendmentInstruction[]): AppliedAmendment {
  const notes: string[] = [];
  let applied = true;
  const fail = (note: string) => {
    applied = false;
    notes.push(note);
  };
  const subject = current ? keyOfLabel(current.label) : (instructions.map(keysOf).find((k) => k.length > 0)?.[0] ?? null);
  const concerns = (i: AmendmentInstruction) => subject === null || keysOf(i).some((k) => sameKey(k, subject));

  const relevant: Effective[] = [];
  for (const i of instructions) {
    if (i.kind === "renumber") notes.push(`renumbering, not applied to the text: ${i.text}`);
    else if (i.kind === "not_an_amendment") notes.push(`not an amendment: ${i.text}`);
    else if (i.kind === "unrecognised") fail(`formula not recognised: ${i.text}`);
    else if (!concerns(i)) notes.push(`skipped, concerns ${keysOf(i).length > 0 ? describeInstruction(i) : "another article"}`);
    else relevant.push(i);
  }
  if (relevant.length === 0 && !instructions.some((i) => i.kind === "renumber")) fail("no instruction changes this article");
  const whole = relevant.findLastIndex((i) => i.kind === "replace_article" || i.kind === "insert_article");
  if (whole > 0) notes.push(`${whole} instruction(s) before the new text of the whole article superseded by it`);

  const before = current ? formatArticleText(current) : null;
  let work: Work | null = current ? toWork(current.paragraphs) : null;
  for (const i of relevant.slice(Math.max(whole, 0))) {
    if (i.kind === "replace_article") {
      work = toWork(parseParagraphs(i.newText));
      continue;
    }
    if (i.kind === "insert_article") {
      const own = i.newArticles.find((a) => sameKey(keyOfLabel(a.label), subject)) ?? i.newArticles[0]!;
      if (current) notes.push(`${own.label} exists already; the inserted text takes its place`);
      const others = i.newArticles.filter((a) => a !== own).map((a) => a.label);
      if (others.length > 0) notes.push(`also inserts ${others.join("、")}`);
      work = toWork(parseParagraphs(own.text));
      continue;
    }
    const article = i.kind === "insert_paragraph" || i.kind === "insert_item" ? i.article : i.target.article;
    if (!work) {
      fail(`${article.label}: ${current ? "deleted by an earlier instruction" : "current text not available"}`);
      continue;
    }
    const error = applyToParagraphs(work, i, notes);
    if (error === "deleted") {
      work = null;
      notes.push(`${article.label} deleted`);
    } else if (error !== null) fail(error);
  }
  return { before, after: work ? formatParagraphs(work.paragraphs) : null, applied, notes };
}

function describeInstruction(i: AmendmentInstruction): string {
  if (i.kind === "insert_article") return i.newArticles.map((a) => a.label).join("、");
  if (i.kind === "replace_article" || i.kind === "insert_paragraph" || i.kind === "insert_item") return i.article.label;
  return "target" in i ? describe(i.target) : i.kind;
}

type Effective = Exclude<AmendmentInstruction, { kind: "renumber" | "not_an_amendment" | "unrecognised" }>;
type PartInstruction = Exclude<Effective, { kind: "replace_article" | "insert_article" }>;

/** Applies one instruction below the article level; "deleted" when it deletes the whole article. */
function applyToParagraphs(work: Work, i: PartInstruction, notes: string[]): string | null {
  switch (i.kind) {
    case "replace_paragraph":
      return replaceParagraph(work, i.target, i.newText);
    case "replace_item":
      return replaceItem(work, i.target, i.newText);
    case "insert_paragraph":
      return insertParagraph(work, { article: i.article }, i.position, i.text);
    case "insert_item": {
      const target: Target = { article: i.article, ...(i.paragraph !== null ? { paragraph: i.paragraph } : {}) };
      return insertItem(work, target, i.paragraph, i.position, i.text, notes);
    }
    case "delete":
      if (i.target.paragraph === undefined && i.target.item === undefined) return "deleted";
      return deletePart(work, i.target, notes);
    case "replace_words":
      return editWords(work, i.target, i.from, () => i.to, notes);
    case "insert_words":
      return editWords(work, i.target, i.after, (found) => found + i.words, notes);
    case "insert_words_before":
      return editWords(work, i.target, i.before, (found) => i.words + found, notes);
    case "delete_words":
      return editWords(work, i.target, i.words, () => "", notes);
  }
}
