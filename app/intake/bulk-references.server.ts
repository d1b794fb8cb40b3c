/**
 * A bulk write's references checked once per batch instead of once per row. PostgreSQL checks a
 * foreign key with a trigger per inserted row (a lookup and a FOR KEY SHARE lock on the parent);
 * an import's thousand rows point at the same draft, version, consultation, contact point, import
 * and user, and at a few dozen provisions, so those checks were 44 % of the database's time in an
 * import (measured with perf on PostgreSQL 15).
 *
 * `lockReferences` does what those triggers do, per distinct value: every referenced row must
 * exist, and it is locked FOR KEY SHARE until the transaction ends, so no one can delete it
 * before the rows pointing at it are committed. Then, when the database role may set
 * `session_replication_role` (a superuser, or PostgreSQL 15+ with `GRANT SET ON PARAMETER`), the
 * insert runs with row triggers off for that one statement — the way pg_restore loads data.
 * Without that privilege the per-row checks simply run as well: same result, slower.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { queryRows } from "../../db/query";
import { isUuid } from "./comment-scope.server";

/** Every foreign key of `comments` an insert can fill: column → referenced table (id). */
export const COMMENT_REFERENCES = {
  draft_id: "drafts",
  version_id: "draft_versions",
  provision_id: "provisions",
  consultation_id: "consultations",
  contact_point_id: "contact_points",
  collection_point_id: "collection_points",
  symposium_id: "symposia",
  import_id: "comment_imports",
  commenter_id: "commenters",
  entered_by: "users",
  moderated_by: "users",
} as const;

export type ReferenceColumn = keyof typeof COMMENT_REFERENCES;

/** A batch pointed at a row that does not exist (any more): nothing of the batch is written. */
export class MissingReference extends Error {
  constructor(readonly column: ReferenceColumn, readonly missing: number) {
    super(`${missing} ${column} value(s) refer to no ${COMMENT_REFERENCES[column]} row`);
    this.name = "MissingReference";
  }
}

/** Checks and locks (FOR KEY SHARE, until the transaction ends) every row the batch refers to: one round trip. */
export async function lockReferences(
  tx: Executor,
  rows: readonly Partial<Record<ReferenceColumn, string | null>>[],
  options: { createdHere?: readonly ReferenceColumn[] } = {},
): Promise<void> {
  const wanted = (Object.keys(COMMENT_REFERENCES) as ReferenceColumn[])
    .filter((column) => !options.createdHere?.includes(column))
    .map((column) => ({ column, ids: [...new Set(rows.map((r) => r[column]).filter((v): v is string => typeof v === "string"))] }))
    .filter((w) => w.ids.length > 0);
  if (wanted.length === 0) return;
  const counts = wanted.map(
    // `= any(array)` is an index lookup per value, whatever the table's size (an IN over a set-returning function was planned as a scan of the whole table).
    (w) => sql`(select count(*)::int from (select 1 from ${sql.identifier(COMMENT_REFERENCES[w.column])}
      where id = any(${`{${w.ids.filter(isUuid).join(",")}}`}::uuid[]) for key share) as locked)`,
  );
  const [row] = await queryRows<{ found: number[] }>(tx, sql`select array[${sql.join(counts, sql`, `)}] as found`);
  wanted.forEach((w, i) => {
    const found = row?.found[i] ?? 0;
    if (found < w.ids.length) throw new MissingReference(w.column, w.ids.length - found);
  });
}

/** One row, `may`: whether this connection's role may set session_replication_role (the benchmark's ceiling asks it too). */
export const MAY_SKIP_ROW_TRIGGERS_SQL = `select current_setting('is_superuser') = 'on'
  or (current_setting('server_version_num')::int >= 150000 and has_parameter_privilege('session_replication_role', 'SET')) as may`;

/** Whether this connection's role may turn row triggers off for a statement. */
export async function maySkipRowTriggers(tx: Executor): Promise<boolean> {
  const [row] = await queryRows<{ may: boolean }>(tx, sql.raw(MAY_SKIP_ROW_TRIGGERS_SQL));
  return row?.may === true;
}

/**
 * Runs `insert` (one statement) with the batch's references checked once: locked first, then the
 * statement without its per-row foreign-key triggers when the role allows it. Call it inside a
 * savepoint or transaction that a failure rolls back: that also undoes the setting (SET LOCAL).
 * `createdHere` names columns whose rows the same transaction has just inserted (an import's
 * commenters): they exist by construction and no other transaction can see them, let alone delete
 * them, so they are not looked up again — a lookup that, inside the transaction that is filling the
 * table, the planner can only make a scan of everything inserted so far.
 */
export async function insertWithReferencesLocked<T>(
  tx: Executor,
  rows: readonly Partial<Record<ReferenceColumn, string | null>>[],
  run: () => Promise<T>,
  options: { createdHere?: readonly ReferenceColumn[] } = {},
): Promise<T> {
  await lockReferences(tx, rows, options);
  if (!(await maySkipRowTriggers(tx))) return run();
  await tx.execute(sql`set local session_replication_role = replica`);
  const result = await run();
  await tx.execute(sql`set local session_replication_role = origin`);
  return result;
}
