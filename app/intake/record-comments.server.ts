/**
 * Where comments are written: with their commenter (personal data in its own table), a receipt
 * code each, and an outbox message in the same transaction. Staff entry and the demo seed write
 * here; the public form's single statement (record-one-comment.server.ts) and an import's COPY
 * (bulk-comments.server.ts, from the same row shapes, comment-rows.ts) are their faster ways.
 */
import { eq, sql } from "drizzle-orm";
import { queryRows } from "../../db/query";
import type { Executor } from "../../db/client";
import { comments } from "../../db/schema";
import type { Channel, CommentSource, CommenterCategory, ModerationStatus } from "../../db/schema/vocabulary";
import { enqueue } from "../platform/outbox.server";
import { commentRowsOf } from "./comment-rows";
import { newReceiptCode } from "./receipt-code";

export interface CommenterDetails {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  affiliation?: string | null;
  consentAt?: Date | null;
  consentVersion?: string | null;
  retainUntil?: string | null;
}

export interface NewComment {
  draftId: string;
  versionId: string;
  provisionId: string | null;
  provisionKey: string | null;
  consultationId: string | null;
  contactPointId?: string | null;
  collectionPointId?: string | null;
  symposiumId?: string | null;
  importId?: string | null;
  source: CommentSource;
  channel: Channel;
  category: CommenterCategory;
  region?: string | null;
  body: { json: unknown | null; html: string; text: string };
  proposedText?: string | null;
  reason?: string | null;
  moderationStatus: ModerationStatus;
  enteredBy?: string | null;
  saidOn?: string | null;
  idempotencyKey?: string | null;
  clientHash?: string | null;
  commenter?: CommenterDetails | null;
}

export interface RecordedComment {
  id: string;
  receiptCode: string;
}

/** Thrown inside the transaction when an idempotency key was used before, to roll back what this attempt wrote. */
export class AlreadyRecorded extends Error {
  constructor(readonly idempotencyKey: string) {
    super("already recorded");
  }
}

/** A unique violation on the receipt code (postgres.js names the constraint; PGlite may only say it in the message). */
export function isReceiptClash(error: unknown): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; message?: string; cause?: { code?: string; constraint_name?: string; constraint?: string; message?: string } };
  const c = e.cause ?? e;
  return c.code === "23505" && `${c.constraint_name ?? c.constraint ?? ""} ${c.message ?? ""}`.includes("receipt");
}

/**
 * Writes `list` inside the caller's transaction. With `outbox: "each"` every comment gets its own
 * message; a caller that writes many passes one message for all of them instead. An import writes
 * through bulk-comments.server.ts, the same rows by COPY.
 */
export async function recordComments(tx: Executor, list: NewComment[], options: { now: Date; outbox: "each" | "none" }): Promise<RecordedComment[]> {
  if (list.length === 0) return [];
  const { commenterRows, rows } = commentRowsOf(list, options.now);
  // Each batch travels as ONE parameter (the rows as JSON, expanded by json_populate_recordset):
  // building a VALUES list of ~30 parameters per comment costs more than writing it.
  if (commenterRows.length > 0) {
    await tx.execute(sql`
      insert into commenters (id, name, phone, email, address, affiliation, consent_at, consent_version, retain_until, created_at)
      select id, name, phone, email, address, affiliation, consent_at, consent_version, retain_until, created_at
      from json_populate_recordset(null::commenters, ${JSON.stringify(commenterRows)}::json)`);
  }
  const single = rows.length === 1 && rows[0]!.idempotency_key !== null;
  // Receipt codes are random: on the rare clash, draw new ones and try again (inside a savepoint).
  for (let attempt = 0; ; attempt++) {
    try {
      const inserted = await tx.transaction((sp) =>
        queryRows<{ id: string }>(
          sp,
          sql`
            insert into comments (id, receipt_code, draft_id, version_id, provision_id, provision_key, consultation_id, contact_point_id,
              collection_point_id, symposium_id, import_id, commenter_id, source, channel, category, region, body_json, body_html, body_text,
              proposed_text, reason, moderation_status, entered_by, said_on, idempotency_key, client_hash, created_at, updated_at)
            select id, receipt_code, draft_id, version_id, provision_id, provision_key, consultation_id, contact_point_id,
              collection_point_id, symposium_id, import_id, commenter_id, source, channel, category, region, body_json, body_html, body_text,
              proposed_text, reason, moderation_status, entered_by, said_on, idempotency_key, client_hash, created_at, updated_at
            from json_populate_recordset(null::comments, ${JSON.stringify(rows)}::json)
            ${single ? sql`on conflict (idempotency_key) do nothing` : sql``}
            returning id`,
        ),
      );
      if (inserted.length < rows.length) throw new AlreadyRecorded(rows[0]!.idempotency_key!);
      break;
    } catch (error) {
      if (!isReceiptClash(error) || attempt >= 5) throw error;
      for (const r of rows) r.receipt_code = newReceiptCode();
    }
  }
  if (options.outbox === "each") {
    await enqueue(tx, rows.map((r) => ({ topic: "comment.changed", aggregateType: "comment", aggregateId: r.id, payload: { reason: "created" } })));
  }
  return rows.map((r) => ({ id: r.id, receiptCode: r.receipt_code }));
}

/** The comment an idempotency key already produced. */
export async function recordedByKey(db: Executor, idempotencyKey: string): Promise<RecordedComment | null> {
  const [row] = await db.select({ id: comments.id, receiptCode: comments.receiptCode }).from(comments).where(eq(comments.idempotencyKey, idempotencyKey));
  return row ?? null;
}
