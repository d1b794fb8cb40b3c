/**
 * The full text of an amendment point from flattened rows: the parser keeps the point's label on
 * the point row and its lines (quoted 款 included) as paragraph/item children.
 */
import type { ProvisionRow } from "../flatten";

/** "一、" + the point's own text and every descendant line (label + text), joined with "\n". */
export function pointTextFromRows(rows: readonly ProvisionRow[], pointKey: string): string | null {
  const start = rows.findIndex((r) => r.stableKey === pointKey);
  const point = rows[start];
  if (!point) return null;
  const lines = point.text !== "" ? [point.text] : [];
  for (let k = start + 1; k < rows.length && rows[k]!.depth > point.depth; k++) lines.push(`${rows[k]!.label}${rows[k]!.text}`);
  return `${point.label}${lines.join("\n")}`;
}
