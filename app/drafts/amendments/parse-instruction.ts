/**
 * Reads the drafting formulas of one amendment point ("五、将刑法第三百九十条修改为：“…”") into
 * AmendmentInstruction[]. Clauses are read one by one (see segments.ts); a clause may refer to the
 * article or 款 of the one before (该条, 第二款, 其中的…). A clause that is not understood becomes
 * "unrecognised" with its text, and the clauses after it that depend on context too: nothing is guessed.
 */
import { splitClauses, type Clause } from "./segments";
import { type ClauseContext, isEmpty, makeArticleRef, NUM, readLabelList, readReference, resolveTarget } from "./references";
import { resolvePending, type Pending, splitNewArticles } from "./pending-inserts";
import type { AmendmentInstruction, ArticleRef, Target } from "./types";

type Draft = AmendmentInstruction | Pending;

const POINT_LABEL = /^\s*[一二三四五六七八九十百零〇]+、/;
const CONNECTOR = /^(?:相应地|相应的|同时|并且|并|另外|此外)/;
const VERB_PREFIX = /^(?:将|在|把|对)/;
const REF_ANY = new RegExp(`第${NUM}(?:条|款|项|目|章|节|编)|该条|该款|本法|本条例|附件|中的\uE000`);
const VERB_ANY = /修改|增加|删去|删除|改为|调整|合并|并入|移作|替换/;

const Qs = "(?:\uE000[、和]?)+";
const REPLACE_WORDS = new RegExp(`^(?:中的|中|的)?(${Qs})(?:修改为|改为|替换为)[：:]?(${Qs})$`);
const INSERT_WORDS = /^(?:中的|中|的)?\uE000(后|前)(?:增加|增写|加上)[：:]?\uE000$/;
const DELETE_WORDS_AFTER = new RegExp(`^(?:中的|中|的)?(${Qs})删去$`);
const WORDS_ONLY = new RegExp(`^(?:中的|中|的)(${Qs})$`);
const INSERT = new RegExp(`^(中|后)?增加(${NUM})?(条|款|项)(?:，?作为([^\uE000：:]+?))?[：:]?(\uE000)?$`);
const REPLACE = /^(?:修改为|改为)[：:]?\uE000$/;
const LABEL = `第${NUM}(?:条(?:之${NUM})?|款|项)`;
const RENUMBER = new RegExp(`^(?:[、和]${LABEL})*(?:改为|调整为)(${LABEL})(?:[、和]${LABEL})*$`);

const count = (qs: string) => [...qs].filter((c) => c === "\uE000").length;
const unrecognised = (clause: Clause, context: ClauseContext): Draft[] => {
  context.lost = true;
  return [{ kind: "unrecognised", text: clause.raw }];
};

function level(target: Target): "条" | "款" | "项" {
  return target.item !== undefined ? "项" : target.paragraph !== undefined ? "款" : "条";
}

function readDeletion(clause: Clause, shape: string, context: ClauseContext): Draft[] {
  const first = readReference(shape);
  const target = isEmpty(first.parts) ? null : resolveTarget(first.parts, context);
  if (!target) return unrecognised(clause, context);
  const words = WORDS_ONLY.exec(first.rest);
  context.target = target;
  context.lost = false;
  if (words) return clause.quotes.map((w) => ({ kind: "delete_words", target, words: w }));
  const targets = [target];
  let rest = first.rest;
  while (/^[、和]/.test(rest)) {
    const next = readReference(rest.slice(1));
    const resolved = isEmpty(next.parts) ? null : resolveTarget(next.parts, { target, lost: false });
    if (!resolved) return unrecognised(clause, context);
    targets.push(resolved);
    rest = next.rest;
  }
  if (rest !== "") return unrecognised(clause, context);
  context.target = { article: target.article };
  return targets.map((t) => ({ kind: "delete", target: t }));
}

function readInsertion(clause: Clause, m: RegExpExecArray, target: Target | null, named: boolean, context: ClauseContext): Draft[] {
  const [, where, , unitText, labelText, quoted] = m;
  const unit = unitText as "条" | "款" | "项";
  const labels = labelText ? readLabelList(labelText) : [];
  if (labels === null || labels.some((l) => l.unit !== unit)) return unrecognised(clause, context);
  const text = quoted ? (clause.quotes[0] ?? "") : null;
  const first = labels[0];
  if (unit === "条") {
    let after: ArticleRef | null = named && target ? target.article : null;
    if (!after && first && first.suffix) after = makeArticleRef(null, first.number, first.suffix > 1 ? first.suffix - 1 : null);
    const newArticles = text === null ? null : splitNewArticles(text, labels);
    if (!newArticles) return unrecognised(clause, context);
    const newRef = first ? makeArticleRef(after?.law ?? null, first.number, first.suffix) : null;
    context.target = newRef ? { article: newRef } : null;
    context.lost = newRef === null;
    return [{ kind: "insert_article", after, newArticles }];
  }
  if (!target) return unrecognised(clause, context);
  const { article } = target;
  if (unit === "款") {
    const position = first?.number ?? (where === "后" && target.paragraph !== undefined ? target.paragraph + 1 : null);
    context.target = position === null ? { article } : { article, paragraph: position };
    context.lost = false;
    if (text === null) return [{ kind: "pending", unit, article, paragraph: null, position, raw: clause.raw }];
    return [{ kind: "insert_paragraph", article, position, text }];
  }
  const paragraph = target.paragraph ?? null;
  const position = first?.number ?? (where === "后" && target.item !== undefined ? target.item + 1 : null);
  context.target = { article, ...(paragraph !== null ? { paragraph } : {}), ...(position !== null ? { item: position } : {}) };
  context.lost = false;
  if (text === null) return [{ kind: "pending", unit, article, paragraph, position, raw: clause.raw }];
  return [{ kind: "insert_item", article, paragraph, position, text }];
}

function readClause(clause: Clause, context: ClauseContext): Draft[] {
  const shape = clause.shape.replace(CONNECTOR, "").replace(VERB_PREFIX, "");
  if (shape === "") return []; // a bare connector: "此外，…"
  if (/顺序/.test(shape) && /调整/.test(shape) && clause.quotes.length === 0) return [{ kind: "renumber", text: clause.raw }];
  const deletion = /^(?:删去|删除)/.exec(shape);
  if (deletion) return readDeletion(clause, shape.slice(deletion[0].length), context);

  const { parts, rest } = readReference(shape);
  const named = !isEmpty(parts);
  const target = resolveTarget(parts, context);
  const quotes = clause.quotes;

  const insert = INSERT.exec(rest);
  if (insert) return readInsertion(clause, insert, target, named, context);
  if (!target) return unrecognised(clause, context);
  const setContext = (t: Target) => {
    context.target = t;
    context.lost = false;
  };

  const words = REPLACE_WORDS.exec(rest);
  if (words) {
    const from = quotes.slice(0, count(words[1]!));
    const to = quotes.slice(from.length);
    if (to.length !== from.length && to.length !== 1) return unrecognised(clause, context);
    setContext(target);
    return from.map((f, k) => ({ kind: "replace_words", target, from: f, to: to[to.length === 1 ? 0 : k]! }));
  }
  const insertWords = INSERT_WORDS.exec(rest);
  if (insertWords) {
    setContext(target);
    const [anchor, added] = [quotes[0] ?? "", quotes[1] ?? ""];
    return insertWords[1] === "后"
      ? [{ kind: "insert_words", target, after: anchor, words: added }]
      : [{ kind: "insert_words_before", target, before: anchor, words: added }];
  }
  const deleteWords = DELETE_WORDS_AFTER.exec(rest);
  if (deleteWords) {
    setContext(target);
    return quotes.map((w) => ({ kind: "delete_words", target, words: w }));
  }
  if (named && rest === "删去") {
    setContext({ article: target.article });
    return [{ kind: "delete", target }];
  }
  if (REPLACE.test(rest)) {
    setContext(target);
    const newText = quotes[0] ?? "";
    const lvl = level(target);
    if (lvl === "条") return [{ kind: "replace_article", article: target.article, newText }];
    return [{ kind: lvl === "款" ? "replace_paragraph" : "replace_item", target, newText }];
  }
  const renumber = named && quotes.length === 0 ? RENUMBER.exec(rest) : null;
  if (renumber) {
    // 第X条改为第Y条 keeps the article's text; 将第二款改为第十九条 moves a 款 out: not read.
    if (!renumber[1]!.includes(level(target))) return unrecognised(clause, context);
    setContext(target);
    context.lost = /^[、和]/.test(rest); // 第一款、第二款改为…，修改为：what follows names two 款: not read
    return [{ kind: "renumber", text: clause.raw }];
  }
  return unrecognised(clause, context);
}

/**
 * The instructions of one point, in order. `pointText` is the point as printed, its label
 * included or not ("一、在刑法…\n“其他…”": label + paragraphs joined with "\n").
 */
export function parseAmendmentInstruction(pointText: string): AmendmentInstruction[] {
  const text = pointText.replace(POINT_LABEL, "").trim();
  const clauses = splitClauses(text);
  const context: ClauseContext = { target: null, lost: false };
  const drafts = clauses.flatMap((clause) => readClause(clause, context));
  const instructions = resolvePending(drafts);
  if (instructions.every((i) => i.kind === "unrecognised")) {
    const outside = clauses.map((c) => c.shape).join("，");
    const amending = REF_ANY.test(outside) && VERB_ANY.test(outside);
    return [{ kind: amending ? "unrecognised" : "not_an_amendment", text }];
  }
  return instructions;
}
