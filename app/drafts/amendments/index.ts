/**
 * Amendment points (修正案, 修改决定) read as instructions and applied to the article they amend:
 * the article as it reads now and as it would read. Pure: no database, no React.
 */
export type {
  AmendmentInstruction,
  AppliedAmendment,
  ArticleRef,
  ArticleText,
  InstructionKind,
  ItemText,
  Target,
} from "./types";
export { parseAmendmentInstruction } from "./parse-instruction";
export { applyAmendment } from "./apply-amendment";
export { articleTextFromRows, formatArticleText } from "./article-text";
export { pointTextFromRows } from "./point-text";
