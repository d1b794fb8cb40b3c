/** Raw SQL that returns rows the same way on postgres.js (an array) and PGlite ({ rows }). */
import type { SQL } from "drizzle-orm";
import type { Executor } from "./client";

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** What drizzle keeps on every database and transaction object (not in its public types). */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
}

/**
 * `queryRows` for a hot path that runs the same SQL text over and over: on PostgreSQL it goes as a
 * named prepared statement (parsed and planned once per connection; `db.execute` re-parses every
 * time, which cost the public form a quarter of its throughput), on PGlite as usual. Only for
 * fixed SQL text: each distinct text stays prepared on every connection that ran it.
 */
export async function queryRowsPrepared<T extends Record<string, unknown>>(db: Executor, name: string, query: SQL): Promise<T[]> {
  const { dialect } = db as unknown as DrizzleInternals;
  const { sql, params } = dialect.sqlToQuery(query);
  return queryTextPrepared<T>(db, name, sql, params);
}

/**
 * `queryRowsPrepared` for SQL text written once, with $1, $2… placeholders: nothing is built per
 * call (building the public form's insert with drizzle's `sql` each time cost 3 % of its CPU).
 */
export async function queryTextPrepared<T extends Record<string, unknown>>(db: Executor, name: string, text: string, params: unknown[]): Promise<T[]> {
  const { session } = db as unknown as DrizzleInternals;
  return rowsOf<T>(await session.prepareQuery({ sql: text, params }, undefined, name, false).execute());
}
