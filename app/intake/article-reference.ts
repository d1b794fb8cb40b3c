/**
 * Finds the clause a person means: "128", "128条", "第128条", "第一百二十八条", "第一百三十三条之一",
 * "133-1", full-width digits, or "全文"/"总体" for the whole draft. Pure: takes the version's clauses.
 */
import { parseChineseNumber } from "../drafts/parse";
import { halfWidthDigits } from "./text-rules";

export interface ClauseOption {
  key: string;
  kind: string;
  number: number | null;
  suffix: number | null;
  label: string;
  /** First line of the clause's text, for pickers. */
  firstLine: string;
}

export type ArticleReference = { kind: "whole" } | { kind: "clause"; number: number; suffix: number | null } | { kind: "unreadable" };

const WHOLE = /^(全文|全部|总体|整体|草案|整部|whole|all|general)$/i;

export function readArticleReference(input: string): ArticleReference {
  const s = halfWidthDigits(input).replace(/[\s　]/g, "");
  if (s === "" || WHOLE.test(s)) return { kind: "whole" };
  const m = /^(?:第)?([0-9]+|[零〇一二两三四五六七八九十百千]+)(?:条)?(?:(?:之|-|_)([0-9]+|[一二三四五六七八九十]+))?(?:条)?$/.exec(s);
  if (!m) return { kind: "unreadable" };
  const number = parseChineseNumber(m[1]!);
  const suffix = m[2] ? parseChineseNumber(m[2]) : null;
  if (number === null || number < 1 || (m[2] && suffix === null)) return { kind: "unreadable" };
  return { kind: "clause", number, suffix };
}

/** The clause `input` names among `options`, "whole" for the whole draft, or null when it names none. */
export function findClause(options: readonly ClauseOption[], input: string): ClauseOption | "whole" | null {
  const byKey = options.find((o) => o.key === input);
  if (byKey) return byKey;
  const ref = readArticleReference(input);
  if (ref.kind === "whole") return "whole";
  if (ref.kind === "unreadable") return null;
  return options.find((o) => o.number === ref.number && (o.suffix ?? null) === ref.suffix && (o.kind === "article" || o.kind === "point")) ?? null;
}
