/**
 * A parsed provision tree as the rows we store: depth-first order, parent links, a stable key
 * readable in URLs (art-128, chp-2.sec-1, art-128.para-2.item-3) and an Akoma Ntoso style eId
 * (chp_2__sec_1, art_128__para_2__point_3). Pure: no database.
 */
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

/** Akoma Ntoso eId prefixes (LegalDocML naming convention). */
const EID_PREFIX: Record<ProvisionKind, string> = {
  preamble: "preamble", part: "book", subpart: "part", chapter: "chp", section: "sec", article: "art",
  paragraph: "para", item: "point", subitem: "point", point: "point", annex: "att",
};

/** Kinds whose key and eId start afresh rather than under their parent: articles are numbered through the law. */
const ROOTED: ReadonlySet<ProvisionKind> = new Set(["article", "point", "annex", "preamble"]);

function numberPart(p: ParsedProvision, fallback: number): string {
  if (p.number === null) return `u${fallback}`;
  return p.suffix ? `${p.number}-${p.suffix}` : String(p.number);
}

export function flattenProvisions(law: Pick<ParsedLaw, "body">): ProvisionRow[] {
  const rows: ProvisionRow[] = [];
  const usedKeys = new Set<string>();
  const usedEids = new Set<string>();
  const unique = (used: Set<string>, candidate: string) => {
    let value = candidate;
    for (let n = 2; used.has(value); n++) value = `${candidate}~${n}`;
    used.add(value);
    return value;
  };

  const walk = (nodes: ParsedProvision[], parent: { ordinal: number; key: string; eid: string } | null, depth: number) => {
    nodes.forEach((node, index) => {
      const num = numberPart(node, index + 1);
      const keyPart = node.kind === "preamble" ? "preamble" : `${KEY_PREFIX[node.kind]}-${num}`;
      const eidPart = node.kind === "preamble" ? "preamble" : `${EID_PREFIX[node.kind]}_${num.replace("-", "_")}`;
      const rooted = ROOTED.has(node.kind) || !parent;
      const key = unique(usedKeys, rooted ? keyPart : `${parent!.key}.${keyPart}`);
      const eid = unique(usedEids, rooted ? eidPart : `${parent!.eid}__${eidPart}`).replace(/~/g, "_");
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
        eid,
        amendsLaw: node.amends?.law ?? null,
        amendsArticle: node.amends?.article ?? null,
      });
      walk(node.children, { ordinal, key, eid }, depth + 1);
    });
  };
  walk(law.body, null, 0);
  return rows;
}
