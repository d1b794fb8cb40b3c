/**
 * Facet counts in SQL for the embedded engine: the top values per facet over materialised rows
 * `m` (exact, or a table sample scaled up), read back into the contract's shape.
 */
import { sql, type SQL } from "drizzle-orm";
import type { FacetCount, FacetName } from "./engine";
import { FACET_COLUMNS } from "./postgres-query";

const FACET_TOP = 50;

export type FacetRow = { facet: FacetName | null; value: string | null; n: number };

/** Top 50 values per facet from the materialised rows `m`, as (part 'facet', facet, value, n) rows. */
export function facetSelects(names: FacetName[], glue: SQL, padding: SQL = sql``): SQL {
  const parts = names.map((name) => {
    const { column, array } = FACET_COLUMNS[name];
    const col = sql.identifier(column);
    const value = array ? sql`v` : col;
    const from = array ? sql`m cross join lateral unnest(m.${col}) as v` : sql`m where ${col} is not null`;
    const cols = sql`'facet'::text as part, ${padding} ${name}::text as facet, ${value}::text as value, count(*)::int as n`;
    return sql`${glue} (select ${cols} from ${from} group by ${value} order by n desc, value limit ${FACET_TOP}::int)`;
  });
  return sql.join(parts, sql` `);
}

export function collectFacets(result: FacetRow[], names: FacetName[], scale: number): Partial<Record<FacetName, FacetCount[]>> {
  const facets: Partial<Record<FacetName, FacetCount[]>> = {};
  for (const name of names) facets[name] = [];
  for (const r of result) facets[r.facet!]!.push({ value: r.value!, count: Math.max(1, Math.round(r.n * scale)) });
  for (const name of names) facets[name]!.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return facets;
}
