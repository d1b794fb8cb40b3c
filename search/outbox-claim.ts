/**
 * The outbox rows of the search topics, as a queue: claim due rows under a lease (FOR UPDATE SKIP
 * LOCKED, so workers never wait on each other or take the same row), then mark them processed,
 * failed (with a later retry time, or dead after too many attempts) or released.
 *
 * A row's `available_at` doubles as its version: intake's enqueue() resets it to now() when a newer
 * change to the same aggregate arrives. "Processed" is therefore only written if available_at is
 * still what the claim saw (compared as exact text, microseconds included): a change that lands
 * while a worker is indexing the older state keeps its row pending and is indexed again.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { queryRows } from "../db/query";

export const SEARCH_TOPICS = ["comment.changed", "comments.imported", "version.changed"] as const;
export type SearchTopic = (typeof SEARCH_TOPICS)[number];

export interface ClaimedRow {
  id: number;
  topic: SearchTopic;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  /** Attempts before this one. */
  attempts: number;
  /** available_at as the database printed it: the row's version at claim time. */
  availableAt: string;
}

const iso = (d: Date) => d.toISOString();
const jsonParam = (value: unknown) => sql`${JSON.stringify(value)}::json`;

export async function claimDue(
  db: Executor, options: { workerId: string; batchSize: number; now: Date; leaseMs: number; topics?: readonly string[] },
): Promise<ClaimedRow[]> {
  const topics = options.topics ?? SEARCH_TOPICS;
  const rows = await queryRows<{ id: string | number; topic: string; aggregate_type: string; aggregate_id: string; payload: string; attempts: number | string; available_at: string }>(
    db,
    sql`update outbox set locked_until = ${iso(new Date(options.now.getTime() + options.leaseMs))}::timestamptz, locked_by = ${options.workerId}
        where id in (
          select id from outbox
          where processed_at is null and dead_at is null
            and topic in (select value from json_array_elements_text(${jsonParam(topics)}))
            and available_at <= ${iso(options.now)}::timestamptz
            and (locked_until is null or locked_until <= ${iso(options.now)}::timestamptz)
          order by available_at, id
          limit ${options.batchSize}
          for update skip locked
        )
        returning id::text as id, topic, aggregate_type, aggregate_id, payload::text as payload, attempts, available_at::text as available_at`,
  );
  return rows
    .map((r) => ({
      id: Number(r.id), topic: r.topic as SearchTopic, aggregateType: r.aggregate_type, aggregateId: r.aggregate_id,
      payload: JSON.parse(r.payload) as Record<string, unknown>, attempts: Number(r.attempts), availableAt: r.available_at,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Marks rows done unless a newer change arrived meanwhile; returns the ids marked. */
export async function markProcessed(db: Executor, workerId: string, rows: readonly ClaimedRow[], now: Date): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const done = await queryRows<{ id: string | number }>(
    db,
    sql`update outbox o set processed_at = ${iso(now)}::timestamptz, locked_until = null, locked_by = null
        from json_to_recordset(${jsonParam(rows.map((r) => ({ id: r.id, available_at: r.availableAt })))}) as v(id bigint, available_at text)
        where o.id = v.id and o.locked_by = ${workerId} and o.processed_at is null and o.available_at = v.available_at::timestamptz
        returning o.id::text as id`,
  );
  return new Set(done.map((d) => Number(d.id)));
}

export interface Failure {
  row: ClaimedRow;
  error: string;
  /** When to try again, if the row is not dead. */
  retryAt: Date;
}

/** Counts a failed attempt; a row that reaches maxAttempts becomes a dead letter. Returns the ids now dead. */
export async function markFailed(db: Executor, workerId: string, failures: readonly Failure[], options: { now: Date; maxAttempts: number }): Promise<Set<number>> {
  if (failures.length === 0) return new Set();
  const values = failures.map((f) => ({ id: f.row.id, retry_at: iso(f.retryAt), error: f.error.slice(0, 2000) }));
  const rows = await queryRows<{ id: string | number; dead: boolean }>(
    db,
    sql`update outbox o set attempts = o.attempts + 1, last_error = v.error, locked_until = null, locked_by = null,
               available_at = v.retry_at::timestamptz,
               dead_at = case when o.attempts + 1 >= ${options.maxAttempts} then ${iso(options.now)}::timestamptz else null end
        from json_to_recordset(${jsonParam(values)}) as v(id bigint, retry_at text, error text)
        where o.id = v.id and o.locked_by = ${workerId} and o.processed_at is null
        returning o.id::text as id, o.dead_at is not null as dead`,
  );
  return new Set(rows.filter((r) => r.dead).map((r) => Number(r.id)));
}

/** Gives back the lease on rows this worker still holds (so a newer change is picked up at once). */
export async function releaseClaims(db: Executor, workerId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`update outbox set locked_until = null, locked_by = null
                       where id in (select value::bigint from json_array_elements_text(${jsonParam(ids.map(String))}))
                         and locked_by = ${workerId} and processed_at is null`);
}

/** Keeps a long job (a whole import) from being taken over while it is still running. */
export async function extendLease(db: Executor, workerId: string, id: number, until: Date): Promise<void> {
  await db.execute(sql`update outbox set locked_until = ${iso(until)}::timestamptz where id = ${id} and locked_by = ${workerId}`);
}

/**
 * Puts dead letters back in the queue. A dead letter whose aggregate has since got a newer pending
 * row is closed instead (that row re-reads the same aggregate), since two pending rows may not
 * share a dedup key. Returns how many rows will be tried again.
 */
export async function requeueDead(db: Executor, options: { now: Date; ids?: readonly number[]; topics?: readonly string[] }): Promise<number> {
  const topics = options.topics ?? SEARCH_TOPICS;
  const only = options.ids ? sql`and o.id in (select value::bigint from json_array_elements_text(${jsonParam(options.ids.map(String))}))` : sql``;
  return db.transaction(async (tx) => {
    await tx.execute(sql`update outbox o set processed_at = ${iso(options.now)}::timestamptz,
                                last_error = coalesce(o.last_error, '') || ' (superseded by a newer change)'
                         where o.dead_at is not null and o.processed_at is null ${only}
                           and o.topic in (select value from json_array_elements_text(${jsonParam(topics)}))
                           and o.dedup_key is not null
                           and exists (select 1 from outbox p where p.dedup_key = o.dedup_key and p.processed_at is null and p.dead_at is null)`);
    // Among several dead letters for one aggregate only the newest comes back; the rest are closed.
    await tx.execute(sql`update outbox o set processed_at = ${iso(options.now)}::timestamptz,
                                last_error = coalesce(o.last_error, '') || ' (superseded by a newer change)'
                         where o.dead_at is not null and o.processed_at is null ${only}
                           and o.topic in (select value from json_array_elements_text(${jsonParam(topics)}))
                           and o.dedup_key is not null
                           and exists (select 1 from outbox n where n.dedup_key = o.dedup_key and n.dead_at is not null
                                         and n.processed_at is null and n.id > o.id)`);
    const revived = await queryRows<{ id: string | number }>(
      tx,
      sql`update outbox o set dead_at = null, attempts = 0, available_at = ${iso(options.now)}::timestamptz, locked_until = null, locked_by = null
          where o.dead_at is not null and o.processed_at is null ${only}
            and o.topic in (select value from json_array_elements_text(${jsonParam(topics)}))
          returning o.id::text as id`,
    );
    return revived.length;
  });
}

/**
 * Deletes up to `limit` rows of the search topics processed before `before`: they only matter
 * while someone may ask why a document was (re)indexed. Pending rows and dead letters stay.
 * Returns how many went.
 */
export async function pruneProcessed(db: Executor, options: { before: Date; limit: number; topics?: readonly string[] }): Promise<number> {
  const topics = options.topics ?? SEARCH_TOPICS;
  const gone = await queryRows<{ id: string | number }>(
    db,
    sql`delete from outbox where id in (
          select id from outbox
          where processed_at is not null and processed_at < ${iso(options.before)}::timestamptz
            and topic in (select value from json_array_elements_text(${jsonParam(topics)}))
          order by id limit ${options.limit}::int)
        returning id`,
  );
  return gone.length;
}
