/**
 * Counts of a parsed law, and the lossless check helper bodyText().
 */
import { removeWhitespace } from "./normalise-lines";
import type { ParsedLaw, ParsedProvision, ParseSummary } from "./types";

function walk(list: readonly ParsedProvision[], visit: (p: ParsedProvision, inAnnex: boolean) => void, inAnnex = false): void {
  for (const p of list) {
    visit(p, inAnnex);
    walk(p.children, visit, inAnnex || p.kind === "annex");
  }
}

export function summarize(law: ParsedLaw): ParseSummary {
  const s: ParseSummary = {
    title: law.title,
    parts: 0,
    subparts: 0,
    chapters: 0,
    sections: 0,
    articles: 0,
    paragraphs: 0,
    items: 0,
    subitems: 0,
    points: 0,
    warnings: law.warnings,
  };
  walk(law.body, (p, inAnnex) => {
    switch (p.kind) {
      case "part": s.parts++; break;
      case "subpart": s.subparts++; break;
      case "chapter": s.chapters++; break;
      case "section": s.sections++; break;
      case "article": s.articles++; break;
      case "paragraph": s.paragraphs++; break;
      case "item": s.items++; break;
      case "subitem": s.subitems++; break;
      case "point": if (!inAnnex) s.points++; break;
      default: break;
    }
  });
  return s;
}

/** Every provision in document order (pre-order). */
export function flatten(law: Pick<ParsedLaw, "body">): ParsedProvision[] {
  const out: ParsedProvision[] = [];
  walk(law.body, (p) => out.push(p));
  return out;
}

/**
 * Concatenates, in order, every provision's label + heading + text with whitespace removed. With
 * includeWarnings, the text kept in warnings (lines that could not be placed) is merged in at its
 * line, so that the result can be compared with the whole input body.
 */
export function bodyText(law: Pick<ParsedLaw, "body" | "warnings">, options: { includeWarnings?: boolean } = {}): string {
  const pieces: { line: number; text: string }[] = [];
  walk(law.body, (p) => {
    pieces.push({ line: p.line, text: removeWhitespace(p.label + (p.heading ?? "") + p.text) });
  });
  if (options.includeWarnings) {
    for (const w of law.warnings) {
      if (w.text !== undefined) pieces.push({ line: w.line, text: removeWhitespace(w.text) });
    }
    pieces.sort((a, b) => a.line - b.line); // stable: provisions keep their order
  }
  return pieces.map((p) => p.text).join("");
}
