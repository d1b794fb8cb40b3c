/**
 * A parsed provision tree as the rows we store: depth-first order, parent links, a stable key
 * readable in URLs (art-128, chp-2.sec-1, art-128.para-2.item-3) and the Akoma Ntoso eId the
 * version's export gives the provision (chp_2__sec_1, art_128__para_2__list_1__point_3; see
 * akoma-ntoso/layout.ts). Pure: no database.
 */
import { layoutProvisions } from "./akoma-ntoso/layout";
import type { ParsedLaw, ParsedProvision, ProvisionKind } from "./parse/types";

export interface ProvisionRow {
  /** Index of this row in the result (its ordinal). */
  ordinal: number;
  parentOrdinal: number | null;
  depth: number;
  kind: ProvisionKind;
  number: number | null;
  suffix: number | null;
  label: string;
  heading: string | null;
  text: string;
  stableKey: string;
  eid: string;
  amendsLaw: string | null;
  amendsArticle: string | null;
}

const KEY_PREFIX: Record<ProvisionKind, string> = {
  preamble: "preamble", part: "part", subpart: "subpart", chapter: "chp", section: "sec", article: "art",
  paragraph: "para", item: "item", subitem: "subitem", point: "point", annex: "annex",
};

/** Kinds whose key starts afresh rather than under their parent: articles are numbered through the law. */
const ROOTED: ReadonlySet<ProvisionKind> = new Set(["article", "point", "annex", "preamble"]);

function numberPart(p: ParsedProvision, fallback: number): string {
  if (p.number === null) return `u${fallback}`;
  return p.suffix ? `${p.number}-${p.suffix}` : String(p.number);
}

export function flattenProvisions(law: Pick<ParsedLaw, "body">): ProvisionRow[] {
  const rows: ProvisionRow[] = [];
  const usedKeys = new Set<string>();
  const unique = (used: Set<string>, candidate: string) => {
    let value = candidate;
    for (let n = 2; used.has(value); n++) value = `${candidate}~${n}`;
    used.add(value);
    return value;
  };

  const walk = (nodes: ParsedProvision[], parent: { ordinal: number; key: string } | null, depth: number) => {
    nodes.forEach((node, index) => {
      const num = numberPart(node, index + 1);
      const keyPart = node.kind === "preamble" ? "preamble" : `${KEY_PREFIX[node.kind]}-${num}`;
      const rooted = ROOTED.has(node.kind) || !parent;
      const key = unique(usedKeys, rooted ? keyPart : `${parent!.key}.${keyPart}`);
      const ordinal = rows.length;
      rows.push({
        ordinal,
        parentOrdinal: parent?.ordinal ?? null,
        depth,
        kind: node.kind,
        number: node.number,
        suffix: node.suffix,
        label: node.label,
        heading: node.heading,
        text: node.text,
        stableKey: key,
        eid: "",
        amendsLaw: node.amends?.law ?? null,
        amendsArticle: node.amends?.article ?? null,
      });
      walk(node.children, { ordinal, key }, depth + 1);
    });
  };
  walk(law.body, null, 0);
  const eids = layoutProvisions(rows, []).eIds;
  rows.forEach((row, i) => (row.eid = eids[i]!));
  return rows;
}
