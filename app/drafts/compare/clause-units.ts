/**
 * Cuts flattened provision rows into the clauses a comparison works on: every article, and the
 * preamble, annexes and numbered points that stand outside articles. A clause carries its whole
 * text (paragraphs, items, sub-items…, one per line) and the path of headings above it.
 */
import type { ProvisionKind } from "../parse/types";
import type { ProvisionRow } from "../flatten";
import type { ArticleInput } from "./match-articles";

export const CLAUSE_KINDS: ReadonlySet<ProvisionKind> = new Set(["article", "preamble", "annex", "point"]);
export const STRUCTURAL_KINDS: ReadonlySet<ProvisionKind> = new Set(["part", "subpart", "chapter", "section"]);

export interface ClauseUnit extends ArticleInput {
  kind: ProvisionKind;
  /** Ordinal of the clause's own row. */
  ordinal: number;
  /** Ordinals of the rows inside the clause, in document order. */
  descendants: number[];
}

function headingLine(row: Pick<ProvisionRow, "label" | "heading">): string {
  return [row.label, row.heading ?? ""].filter((s) => s !== "").join(" ");
}

/** The line a row contributes to its clause's text: items and sub-items keep their label. */
function textLine(row: ProvisionRow): string {
  if (row.kind === "paragraph") return row.text;
  return row.heading ? `${headingLine(row)}\n${row.text}`.trim() : `${row.label}${row.text}`;
}

/** Rows must be as flattenProvisions returns them: `ordinal` equal to the index, parents first. */
export function clauseUnits(rows: readonly ProvisionRow[]): ClauseUnit[] {
  rows.forEach((row, k) => {
    if (row.ordinal !== k || (row.parentOrdinal !== null && row.parentOrdinal >= k)) {
      throw new Error(`provision rows out of order at ${k} (ordinal ${row.ordinal}, parent ${row.parentOrdinal})`);
    }
  });
  const unitOf = new Array<number>(rows.length).fill(-1);
  const contextOf = new Array<string>(rows.length).fill("");
  const units: ClauseUnit[] = [];
  const byOrdinal = new Map<number, ClauseUnit>();
  const lines = new Map<number, string[]>();
  for (const row of rows) {
    const parent = row.parentOrdinal;
    const parentUnit = parent === null ? -1 : unitOf[parent]!;
    const parentContext = parent === null ? "" : contextOf[parent]!;
    contextOf[row.ordinal] = STRUCTURAL_KINDS.has(row.kind) && parentUnit === -1
      ? [parentContext, headingLine(row)].filter((s) => s !== "").join(" / ")
      : parentContext;
    if (parentUnit === -1 && CLAUSE_KINDS.has(row.kind)) {
      unitOf[row.ordinal] = row.ordinal;
      const unit: ClauseUnit = {
        key: row.stableKey,
        kind: row.kind,
        number: row.number,
        suffix: row.suffix,
        label: row.label,
        text: "",
        context: parentContext,
        ordinal: row.ordinal,
        descendants: [],
      };
      units.push(unit);
      byOrdinal.set(row.ordinal, unit);
      const own = row.kind === "article" || !row.heading ? [] : [row.heading];
      lines.set(row.ordinal, row.text === "" ? own : [...own, row.text]);
    } else if (parentUnit !== -1) {
      unitOf[row.ordinal] = parentUnit;
      byOrdinal.get(parentUnit)!.descendants.push(row.ordinal);
      const line = textLine(row);
      if (line !== "") lines.get(parentUnit)!.push(line);
    }
  }
  for (const unit of units) unit.text = (lines.get(unit.ordinal) ?? []).join("\n");
  return units;
}
