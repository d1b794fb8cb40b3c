/**
 * Test helper for the lossless check: the non-whitespace characters of an input, with Markdown
 * markup (heading markers, setext underlines, bullets) removed, must equal the front matter plus
 * bodyText(law) plus the text kept in warnings. Written independently of the parser's own line
 * normalisation on purpose.
 */
import { bodyText, removeWhitespace, type ParsedLaw } from "../../app/drafts/parse";

function stripMarkdown(lines: readonly string[]): string[] {
  return lines.map((original) => {
    const line = original.replace(/^ {0,3}>[ \t]?/, ""); // block quote
    if (/^\s*(=+|-+|(\*\s*){3,}|(_\s*){3,})\s*$/.test(line) && line.trim().length >= 2) return ""; // setext underline, rule
    const unbolded = line.replace(/\*\*|__/g, "");
    const atx = /^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(unbolded);
    if (atx) return atx[1] ?? "";
    return unbolded.replace(/^[ \t\u3000]{0,4}[*+-](?:\t| +)(?=\S)/, ""); // bullet
  });
}

function visible(lines: readonly string[], markdown: boolean): string {
  return removeWhitespace((markdown ? stripMarkdown(lines) : lines).join("\n"));
}

/** The input's characters, and what the parse accounts for; equal when nothing vanished. */
export function losslessPair(input: string, law: ParsedLaw): { input: string; accounted: string } {
  const markdown = law.format === "markdown";
  const lines = input.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  return {
    input: visible(lines, markdown),
    accounted: visible(law.frontMatter, markdown) + bodyText(law, { includeWarnings: true }),
  };
}

/** First difference, for a readable failure message. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: input «${a.slice(i, i + 30)}» vs accounted «${b.slice(i, i + 30)}»`;
}
