/** Raw SQL that returns rows the same way on postgres.js (an array) and PGlite ({ rows }). */
import type { SQL } from "drizzle-orm";
import type { Executor } from "./client";

export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
