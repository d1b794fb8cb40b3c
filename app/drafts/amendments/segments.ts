/**
 * Cuts the text of an amendment point into clauses ("在刑法第一百六十五条中增加一款作为第二款",
 * "将该条修改为：“…”") at ， ； 。 and line ends outside quotes, and lifts quoted text out of them.
 *
 * Quotes are “ ” or 「 」 (or ASCII " as some reprints have it: it opens outside a quote, closes inside). A quote spanning several 款 opens every line with “ but closes only on
 * its last line, as printed: a “ at the start of a line inside a quote is that line's opener and is
 * dropped, any other “ inside a quote is a nested quote and kept.
 */

/** Stands for one quoted text in Clause.shape. */
export const Q = "\uE000";

export interface Clause {
  /** The clause outside quotes, each quote replaced by Q: "将第五条中的\uE000修改为\uE000". */
  shape: string;
  /** The quoted texts in order, without their quote marks; 款 of a long quote joined with "\n". */
  quotes: string[];
  /** The clause as printed (for unrecognised instructions). */
  raw: string;
}

const OPEN = new Set(["“", "「", '"']);
const CLOSE = new Set(["”", "」", '"']);
const SEPARATORS = new Set(["，", "；", "。", ",", ";", "\n"]);

function cleanQuote(buffer: string): string {
  return buffer
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

function scan(text: string): Clause[] {
  const clauses: Clause[] = [];
  let current: Clause = { shape: "", quotes: [], raw: "" };
  let depth = 0;
  let buffer = "";
  let lineStart = false;
  const closeQuote = () => {
    current.quotes.push(cleanQuote(buffer));
    current.shape += Q;
    buffer = "";
    depth = 0;
  };
  const flush = () => {
    if (current.shape.trim() !== "") clauses.push({ ...current, shape: current.shape.trim(), raw: current.raw.trim() });
    current = { shape: "", quotes: [], raw: "" };
  };
  for (const ch of text.replace(/\r/g, "")) {
    if (depth === 0) {
      if (OPEN.has(ch)) {
        depth = 1;
        buffer = "";
        lineStart = false;
        current.raw += ch;
      } else if (SEPARATORS.has(ch)) {
        flush();
      } else {
        current.shape += ch;
        current.raw += ch;
      }
      continue;
    }
    current.raw += ch;
    if (ch === "\n") {
      buffer += ch;
      lineStart = true;
      continue;
    }
    if (lineStart && /\s/.test(ch)) continue;
    if (lineStart && depth === 1 && OPEN.has(ch)) {
      lineStart = false;
      continue;
    }
    lineStart = false;
    if (OPEN.has(ch) && ch !== '"') depth++;
    else if (CLOSE.has(ch)) {
      depth--;
      if (depth === 0) {
        closeQuote();
        continue;
      }
    }
    buffer += ch;
  }
  if (depth > 0) closeQuote(); // unterminated quote: it runs to the end of the point
  flush();
  return clauses;
}

/**
 * Clauses of a point. "作为第三款：“…”" after "增加一款" is joined to it; a clause that is only a
 * quote following a clause ending in a quote (a long quote closed on each line) continues that quote.
 */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  for (const clause of scan(text)) {
    const previous = out[out.length - 1];
    if (previous && clause.shape.startsWith("作为")) {
      previous.shape += `，${clause.shape}`;
      previous.raw += `，${clause.raw}`;
      previous.quotes.push(...clause.quotes);
    } else if (previous && clause.shape === Q && previous.shape.endsWith(Q) && previous.quotes.length > 0) {
      const last = previous.quotes.length - 1;
      previous.quotes[last] = `${previous.quotes[last]}\n${clause.quotes[0] ?? ""}`;
      previous.raw += `\n${clause.raw}`;
    } else {
      out.push(clause);
    }
  }
  return out;
}
