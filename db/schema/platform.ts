/** Cross-cutting records: the audit log and the transactional outbox. */
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/** Append-only: who did what to which record (and every reveal of personal data). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_subject_idx").on(t.subjectType, t.subjectId), index("audit_log_at_idx").on(t.at)],
);

/**
 * Side effects (search indexing, notifications) written in the same transaction as the change
 * they describe; a worker claims rows with FOR UPDATE SKIP LOCKED, retries with backoff and
 * dead-letters after too many attempts.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text("topic").notNull(),
    aggregateType: text("aggregate_type").notNull(),
    aggregateId: text("aggregate_id").notNull(),
    /** Pending rows with the same key are one job: a newer change replaces the older payload. */
    dedupKey: text("dedup_key"),
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    deadAt: timestamp("dead_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_pending_idx").on(t.availableAt).where(sql`${t.processedAt} is null and ${t.deadAt} is null`),
    uniqueIndex("outbox_dedup_pending_idx").on(t.dedupKey).where(sql`${t.processedAt} is null and ${t.deadAt} is null and ${t.dedupKey} is not null`),
  ],
);
