/**
 * How far the index is behind the database: pending outbox rows and the age of the oldest (the
 * lag), rows being retried, dead letters, engine health, and indexed vs stored counts.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { queryRows } from "../db/query";
import { databaseCounts } from "./documents";
import type { DocumentKind, EngineHealth, SearchEngine } from "./engine";
import { requeueDead, SEARCH_TOPICS } from "./outbox-claim";

export interface DeadLetter {
  id: number;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  attempts: number;
  lastError: string | null;
  deadAt: string;
}

export interface SyncStatus {
  pending: number;
  /** Seconds since the oldest pending change was written; 0 when nothing is pending. */
  lagSeconds: number;
  /** Pending rows that already failed at least once. */
  retrying: number;
  deadCount: number;
  /** The most recent dead letters (at most `deadLimit`). */
  dead: DeadLetter[];
  engine: EngineHealth;
  counts: Record<DocumentKind, { indexed: number | null; database: number }>;
}

const topicsJson = () => sql`${JSON.stringify(SEARCH_TOPICS)}::json`;

export async function syncStatus(db: Db, engine: SearchEngine, options: { now?: Date; deadLimit?: number } = {}): Promise<SyncStatus> {
  const now = options.now ?? new Date();
  const [queue] = await queryRows<{ pending: string | number; retrying: string | number; dead: string | number; oldest: string | null }>(
    db,
    sql`select count(*) filter (where processed_at is null and dead_at is null) as pending,
               count(*) filter (where processed_at is null and dead_at is null and attempts > 0) as retrying,
               count(*) filter (where processed_at is null and dead_at is not null) as dead,
               to_char(min(created_at) filter (where processed_at is null and dead_at is null) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as oldest
        from outbox
        where topic in (select value from json_array_elements_text(${topicsJson()}))
          and processed_at is null`,
  );
  const dead = await queryRows<{ id: string | number; topic: string; aggregate_type: string; aggregate_id: string; attempts: number | string; last_error: string | null; dead_at: string }>(
    db,
    sql`select id::text as id, topic, aggregate_type, aggregate_id, attempts, last_error,
               to_char(dead_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as dead_at
        from outbox
        where dead_at is not null and processed_at is null and topic in (select value from json_array_elements_text(${topicsJson()}))
        order by dead_at desc, id desc
        limit ${options.deadLimit ?? 20}`,
  );
  const health = await engine.health().catch((error: unknown): EngineHealth => ({ ok: false, engine: engine.name, detail: error instanceof Error ? error.message : String(error) }));
  const indexed = async (kind: DocumentKind) => (health.ok ? engine.count(kind).catch(() => null) : null);
  const stored = await databaseCounts(db);
  const oldest = queue?.oldest ? Date.parse(queue.oldest) : null;
  return {
    pending: Number(queue?.pending ?? 0),
    lagSeconds: oldest === null ? 0 : Math.max(0, Math.round((now.getTime() - oldest) / 1000)),
    retrying: Number(queue?.retrying ?? 0),
    deadCount: Number(queue?.dead ?? 0),
    dead: dead.map((d) => ({
      id: Number(d.id), topic: d.topic, aggregateType: d.aggregate_type, aggregateId: d.aggregate_id,
      attempts: Number(d.attempts), lastError: d.last_error, deadAt: d.dead_at,
    })),
    engine: health,
    counts: {
      comment: { indexed: await indexed("comment"), database: stored.comment },
      provision: { indexed: await indexed("provision"), database: stored.provision },
    },
  };
}

/** Requeues every dead letter of the search topics (or the given ones); returns how many. */
export async function retryDead(db: Db, options: { now?: Date; ids?: number[] } = {}): Promise<number> {
  return requeueDead(db, { now: options.now ?? new Date(), ids: options.ids });
}
