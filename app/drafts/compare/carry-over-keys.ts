/**
 * Carries stable keys from one version of a draft to the next, so that comments stay on their
 * clause when articles are renumbered, moved, split or merged.
 *
 * - A clause (article, preamble, annex, point) matched by matchArticles takes its predecessor's
 *   key — whatever its new number; its paragraphs, items and sub-items are re-derived under that key
 *   with the scheme of flatten.ts (`${articleKey}.para-N`, `.item-N`, `.subitem-N`). Such re-derived
 *   keys may well have been used before: they name the same place in the same clause.
 * - A part / sub-part / chapter / section keeps the key of the previous heading with the same text
 *   (same heading path first, else the same heading when it is unique in both versions).
 * - Anything else is new and gets a key used by nothing in `usedKeys`, in the previous version or in
 *   the result: the key flatten gave it ("art-12") if free, else "art-12~v2", "art-12~v3"…
 */
import type { ProvisionRow } from "../flatten";
import { clauseUnits, STRUCTURAL_KINDS } from "./clause-units";
import { matchArticles, type MatchOptions } from "./match-articles";

export function carryOverKeys(
  previous: readonly ProvisionRow[],
  next: readonly ProvisionRow[],
  usedKeys: ReadonlySet<string>,
  options?: MatchOptions,
): ProvisionRow[] {
  const carried = new Map<number, string>(); // next ordinal → key taken over

  const prevUnits = clauseUnits(previous);
  const nextUnits = clauseUnits(next);
  for (const m of matchArticles(prevUnits, nextUnits, options).matches) {
    if (m.oldIndex !== null && m.newIndex !== null) carried.set(nextUnits[m.newIndex]!.ordinal, prevUnits[m.oldIndex]!.key);
  }
  for (const [ordinal, key] of matchHeadings(previous, next)) carried.set(ordinal, key);

  // next ordinal inside a carried clause → that clause's key and ordinal
  const carriedUnitOf = new Map<number, { key: string; ordinal: number }>();
  for (const u of nextUnits) {
    const key = carried.get(u.ordinal);
    if (key !== undefined) for (const d of u.descendants) carriedUnitOf.set(d, { key, ordinal: u.ordinal });
  }
  const prevNested = nestedRootedKeys(previous);
  const nextPaths = relativePaths(next);

  const taken = new Set<string>([...usedKeys, ...previous.map((r) => r.stableKey), ...carried.values()]);
  const result = new Set<string>();
  const keys: string[] = [];
  const fresh = (candidate: string) => {
    let key = candidate;
    for (let v = 2; taken.has(key) || result.has(key); v++) key = `${candidate}~v${v}`;
    return key;
  };

  for (const row of next) {
    const parent = row.parentOrdinal === null ? undefined : next[row.parentOrdinal];
    const derivedRest = parent && row.stableKey.startsWith(`${parent.stableKey}.`) ? row.stableKey.slice(parent.stableKey.length) : null;
    const inCarried = carriedUnitOf.get(row.ordinal);
    let key: string;
    const own = carried.get(row.ordinal);
    if (own !== undefined && !result.has(own)) {
      key = own;
    } else if (derivedRest !== null && parent) {
      const derived = keys[parent.ordinal]! + derivedRest;
      key = inCarried !== undefined && !result.has(derived) ? derived : fresh(derived);
    } else if (inCarried !== undefined) {
      const below = nextPaths[row.ordinal]!.slice(nextPaths[inCarried.ordinal]!.length);
      const before = prevNested.get(`${inCarried.key}|${below}`);
      key = before !== undefined && !result.has(before) ? before : fresh(row.stableKey);
    } else {
      key = fresh(row.stableKey);
    }
    result.add(key);
    keys.push(key);
  }
  return next.map((row, k) => ({ ...row, stableKey: keys[k]! }));
}

/** Structural rows of `next` whose heading is found in `previous`: next ordinal → previous key. */
function matchHeadings(previous: readonly ProvisionRow[], next: readonly ProvisionRow[]): Map<number, string> {
  const describe = (rows: readonly ProvisionRow[]) => {
    const paths = new Array<string>(rows.length).fill("");
    const out: { row: ProvisionRow; path: string; own: string }[] = [];
    for (const row of rows) {
      const parentPath = row.parentOrdinal === null ? "" : paths[row.parentOrdinal]!;
      if (!STRUCTURAL_KINDS.has(row.kind)) { paths[row.ordinal] = parentPath; continue; }
      const own = `${row.kind}:${row.heading ?? row.label}`;
      paths[row.ordinal] = `${parentPath}/${own}`;
      out.push({ row, path: paths[row.ordinal]!, own });
    }
    return out;
  };
  const count = (items: { own: string }[]) => {
    const c = new Map<string, number>();
    for (const { own } of items) c.set(own, (c.get(own) ?? 0) + 1);
    return c;
  };
  const prev = describe(previous);
  const nxt = describe(next);
  const prevCount = count(prev);
  const nextCount = count(nxt);
  const byPath = new Map(prev.map((p) => [p.path, p.row.stableKey]));
  const byOwn = new Map(prev.filter((p) => prevCount.get(p.own) === 1).map((p) => [p.own, p.row.stableKey]));
  const out = new Map<number, string>();
  const used = new Set<string>();
  for (const pass of ["path", "own"] as const) {
    for (const n of nxt) {
      if (out.has(n.row.ordinal)) continue;
      const key = pass === "path" ? byPath.get(n.path) : nextCount.get(n.own) === 1 ? byOwn.get(n.own) : undefined;
      if (key !== undefined && !used.has(key)) { out.set(n.row.ordinal, key); used.add(key); }
    }
  }
  return out;
}

/** Per row, its path of kind-number steps below its clause (or the whole tree): "annex-1/point-3". */
function relativePaths(rows: readonly ProvisionRow[]): string[] {
  const paths = new Array<string>(rows.length).fill("");
  const childCount = new Map<number, number>();
  for (const row of rows) {
    const parent = row.parentOrdinal ?? -1;
    const index = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, index);
    const step = `${row.kind}-${row.number ?? `u${index}`}${row.suffix ? `-${row.suffix}` : ""}`;
    paths[row.ordinal] = row.parentOrdinal === null ? step : `${paths[row.parentOrdinal]}/${step}`;
  }
  return paths;
}

/**
 * Keys of rooted rows nested inside a clause (points of an annex), found by clause key and path
 * below the clause: flatten.ts does not derive them from their clause, so they are looked up.
 */
function nestedRootedKeys(rows: readonly ProvisionRow[]): Map<string, string> {
  const paths = relativePaths(rows);
  const out = new Map<string, string>();
  for (const unit of clauseUnits(rows)) {
    const unitPath = paths[unit.ordinal]!;
    for (const d of unit.descendants) {
      const row = rows[d]!;
      const parent = row.parentOrdinal === null ? undefined : rows[row.parentOrdinal];
      if (parent && row.stableKey.startsWith(`${parent.stableKey}.`)) continue;
      out.set(`${unit.key}|${paths[d]!.slice(unitPath.length)}`, row.stableKey);
    }
  }
  return out;
}
