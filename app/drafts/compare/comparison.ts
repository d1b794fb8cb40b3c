/**
 * The comparison table between two versions of a law (条文对照表): one row per clause in the new
 * version's reading order (deleted clauses right after the clause that preceded them), with a
 * character-level marking of what changed and a remark for moved, added, deleted, split and merged
 * clauses. Pure; the .docx rendering lives in app/reports/comparison-docx.server.ts.
 */
import { flattenProvisions } from "../flatten";
import { parseLaw } from "../parse";
import type { ParsedLaw } from "../parse/types";
import type { DiffSegment } from "./char-diff";
import { clauseDiff } from "./clause-diff";
import { clauseUnits } from "./clause-units";
import { rowNote } from "./comparison-notes";
import { matchArticles, type ArticleInput, type ArticleRelation, type MatchOptions, type MatchStatus } from "./match-articles";

export type ComparisonStatus = MatchStatus;

export interface ComparisonSide {
  key: string;
  label: string;
  text: string;
}

export interface ComparisonRow {
  status: ComparisonStatus;
  old?: ComparisonSide;
  new?: ComparisonSide;
  /** Character-level diff old → new, for modified and moved rows. */
  segments?: DiffSegment[];
  /** Remark (备注) in Chinese, e.g. "原第十二条，序号调整，内容未修改", "由原第十二条、第十三条合并". */
  note?: string;
  /** The same remark in English. */
  noteEn?: string;
  /** Similarity of the two wordings (1 = same, 0 for added / deleted). */
  similarity: number;
}

export type ComparisonSummary = Record<ComparisonStatus, number>;

export interface Comparison {
  titles: { old: string; new: string };
  rows: ComparisonRow[];
  summary: ComparisonSummary;
  relations: ArticleRelation[];
}

const side = (a: ArticleInput): ComparisonSide => ({ key: a.key, label: a.label, text: a.text });

/** Compares already-parsed versions. Clauses are keyed as flattenProvisions keys them (art-128, annex-1…). */
export function compareLaws(oldLaw: ParsedLaw, newLaw: ParsedLaw, options?: MatchOptions): Comparison {
  return compareClauses(
    clauseUnits(flattenProvisions(oldLaw)),
    clauseUnits(flattenProvisions(newLaw)),
    { old: oldLaw.title, new: newLaw.title },
    options,
  );
}

/** Parses both texts (format guessed from the names' extensions or the text) and compares them. */
export function compareLawTexts(oldText: string, newText: string, names: { old?: string; new?: string } = {}, options?: MatchOptions): Comparison {
  return compareLaws(parseLaw(oldText, { fileName: names.old }), parseLaw(newText, { fileName: names.new }), options);
}

export function compareClauses(
  oldClauses: readonly ArticleInput[],
  newClauses: readonly ArticleInput[],
  titles: { old: string; new: string } = { old: "", new: "" },
  options?: MatchOptions,
): Comparison {
  const { matches, relations } = matchArticles(oldClauses, newClauses, options);
  const noteContext = {
    oldByKey: new Map(oldClauses.map((c) => [c.key, c])),
    newByKey: new Map(newClauses.map((c) => [c.key, c])),
    relations,
  };
  const summary: ComparisonSummary = { unchanged: 0, modified: 0, added: 0, deleted: 0, moved: 0 };
  const rows = matches.map((m): ComparisonRow => {
    summary[m.status]++;
    const row: ComparisonRow = { status: m.status, similarity: m.similarity };
    if (m.old) row.old = side(m.old);
    if (m.new) row.new = side(m.new);
    if (m.old && m.new && (m.status === "modified" || m.status === "moved")) row.segments = clauseDiff(m.old.text, m.new.text);
    const note = rowNote(m, noteContext);
    if (note) {
      row.note = note.zh;
      row.noteEn = note.en;
    }
    return row;
  });
  return { titles, rows, summary, relations };
}
