/**
 * Maps flattened provision rows to Akoma Ntoso elements and gives each an eId following the AKN
 * Naming Convention 1.0 (§5.4: `[prefix "__"] element_ref ["_" number]`):
 *
 * - element_ref is the element name or its NC abbreviation: book, part, chp, sec, art, para, list,
 *   point, att, hcontainer, p;
 * - number is the printed number in Arabic digits (第一百二十八条 → 128, （三） → 3), with 之N as "-N"
 *   (第十七条之一 → art_17-1); unnumbered elements are counted among the elements of the same name
 *   in the same context (附则 after 第五章 → chp_6);
 * - prefix is the eId of the context: the parent for 编/分编/章/节/款 and list points
 *   (book_1__part_2__chp_3, art_128__para_2__list_1__point_3), the document for articles, which
 *   Chinese laws number throughout (art_128, not chp_2__art_128), and the attachment inside an annex
 *   (att_1__art_2__para_1), so that every eId in the exported XML is unique (the schema checks it).
 *
 * flattenProvisions stores these eIds with each provision.
 */
import type { ProvisionRow } from "../flatten";
import type { AknElement, AknLayout, AknListNode, AknNode, AknProvisionNode } from "./types";

interface Mapping {
  element: AknElement;
  /** element_ref of the eId */
  ref: string;
  name?: string;
  /** numbered in the document (or attachment) rather than in the parent */
  rooted?: boolean;
  /** wrapped with its neighbours in a <list> */
  listed?: boolean;
}

function mappingFor(row: ProvisionRow, parent: ProvisionRow | null): Mapping {
  switch (row.kind) {
    case "part":
      return { element: "book", ref: "book" };
    case "subpart":
      return { element: "part", ref: "part" };
    case "chapter":
      return { element: "chapter", ref: "chp" };
    case "section":
      return { element: "section", ref: "sec" };
    case "article":
      return { element: "article", ref: "art", rooted: true };
    case "paragraph":
      return { element: "paragraph", ref: "para" };
    case "item":
    case "subitem":
      return { element: "point", ref: "point", listed: true };
    case "point":
      // 一、二、 of an amendment act or decision (cited as 第一条…): the articles of that text
      return parent === null || parent.kind === "annex"
        ? { element: "article", ref: "art", rooted: true }
        : { element: "point", ref: "point", listed: true };
    case "annex":
      return parent === null
        ? { element: "attachment", ref: "att" }
        : { element: "hcontainer", ref: "hcontainer", name: "annex" };
    case "preamble":
      return parent === null
        ? { element: "preamble", ref: "preamble" }
        : { element: "hcontainer", ref: "hcontainer", name: "preamble" };
  }
}

/** Number part of an eId from the printed number, or null when the provision is unnumbered. */
export function eIdNumber(row: Pick<ProvisionRow, "number" | "suffix">): string | null {
  if (row.number === null) return null;
  return row.suffix ? `${row.number}-${row.suffix}` : String(row.number);
}

class EIdAllocator {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(reserved: Iterable<string>) {
    for (const id of reserved) this.used.add(id);
  }

  /** Counts elements of one kind in one context (used for unnumbered ones). */
  count(prefix: string, ref: string): number {
    const key = `${prefix}|${ref}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  allocate(prefix: string, ref: string, number: string | null): string {
    const ordinal = this.count(prefix, ref);
    const base = `${prefix ? `${prefix}__` : ""}${ref}_${number ?? ordinal}`;
    let eId = base;
    // a text that numbers two provisions alike (a typo in the source): keep both, distinguishably
    for (let n = 2; this.used.has(eId); n++) eId = `${base}-dup${n}`;
    this.used.add(eId);
    return eId;
  }

  reserve(eId: string): string {
    this.used.add(eId);
    return eId;
  }
}

/**
 * Builds the element tree of a flattened law. `reserved` are eIds used elsewhere in the document
 * (references in <meta>) that provisions must not take.
 */
export function layoutProvisions(rows: readonly ProvisionRow[], reserved: Iterable<string> = []): AknLayout {
  const indexByOrdinal = new Map<number, number>();
  rows.forEach((row, i) => indexByOrdinal.set(row.ordinal, i));
  const parentIndex = rows.map((row) => (row.parentOrdinal === null ? null : indexByOrdinal.get(row.parentOrdinal) ?? null));
  const childIndexes: number[][] = rows.map(() => []);
  const rootIndexes: number[] = [];
  parentIndex.forEach((p, i) => (p === null ? rootIndexes : childIndexes[p]!).push(i));

  const alloc = new EIdAllocator(["preface", "preamble", ...reserved]);
  const eIds: string[] = rows.map(() => "");

  /** Lays out the children of one parent (or of a document root) in the context `prefix`. */
  const layoutChildren = (indexes: readonly number[], parentEId: string, scope: string): AknNode[] => {
    const out: AknNode[] = [];
    let list: AknListNode | null = null;
    for (const i of indexes) {
      const row = rows[i]!;
      const parentRow = parentIndex[i] === null ? null : rows[parentIndex[i]!]!;
      const mapping = mappingFor(row, parentRow);
      let prefix = mapping.rooted ? scope : parentEId;
      let container: AknNode[] = out;
      if (mapping.listed) {
        if (!list) {
          list = { type: "list", eId: alloc.allocate(parentEId, "list", null), children: [] };
          out.push(list);
        }
        prefix = list.eId;
        container = list.children;
      } else {
        list = null;
      }
      const eId = alloc.allocate(prefix, mapping.ref, eIdNumber(row));
      eIds[i] = eId;
      const node: AknProvisionNode = {
        type: "provision",
        row,
        element: mapping.element,
        ...(mapping.name ? { name: mapping.name } : {}),
        eId,
        children: layoutChildren(childIndexes[i]!, eId, scope),
      };
      container.push(node);
    }
    return out;
  };

  const preamble: AknProvisionNode[] = [];
  const attachments: AknProvisionNode[] = [];
  const bodyIndexes: number[] = [];
  let pCount = 0;
  let containerCount = 0;
  for (const i of rootIndexes) {
    const row = rows[i]!;
    if (row.kind === "preamble") {
      // one <preamble eId="preamble">; its 款 become <p eId="preamble__p_N">
      eIds[i] = "preamble";
      const node: AknProvisionNode = { type: "provision", row, element: "preamble", eId: "preamble", children: [] };
      if (row.label !== "" || row.heading) node.wrapperEId = alloc.reserve(`preamble__blockContainer_${++containerCount}`);
      const walk = (indexes: readonly number[]) => {
        for (const c of indexes) {
          const eId = alloc.reserve(`preamble__p_${++pCount}`);
          eIds[c] = eId;
          node.children.push({ type: "provision", row: rows[c]!, element: "p", eId, children: [] });
          walk(childIndexes[c]!);
        }
      };
      walk(childIndexes[i]!);
      preamble.push(node);
    } else if (row.kind === "annex") {
      const eId = alloc.allocate("", "att", eIdNumber(row));
      eIds[i] = eId;
      attachments.push({ type: "provision", row, element: "attachment", eId, children: layoutChildren(childIndexes[i]!, eId, eId) });
    } else {
      bodyIndexes.push(i);
    }
  }
  const body = layoutChildren(bodyIndexes, "", "");
  return { preamble, body, attachments, eIds };
}
