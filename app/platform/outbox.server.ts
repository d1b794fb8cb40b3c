/**
 * Writes side effects (search indexing, notifications) into the outbox inside the caller's
 * transaction, so they happen if and only if the change commits. A pending row with the same
 * dedup key is one job: the newer payload replaces it.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { outbox } from "../../db/schema";

export interface OutboxMessage {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
  /** Defaults to `${aggregateType}:${aggregateId}`. */
  dedupKey?: string | null;
}

export async function enqueue(db: Executor, messages: OutboxMessage | OutboxMessage[]): Promise<void> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return;
  await db
    .insert(outbox)
    .values(list.map((m) => ({
      topic: m.topic, aggregateType: m.aggregateType, aggregateId: m.aggregateId, payload: m.payload ?? {},
      dedupKey: m.dedupKey === undefined ? `${m.aggregateType}:${m.aggregateId}` : m.dedupKey,
    })))
    .onConflictDoUpdate({
      target: outbox.dedupKey,
      targetWhere: sql`${outbox.processedAt} is null and ${outbox.deadAt} is null and ${outbox.dedupKey} is not null`,
      set: { topic: sql`excluded.topic`, payload: sql`excluded.payload`, availableAt: sql`now()`, attempts: 0, lastError: null },
    });
}
