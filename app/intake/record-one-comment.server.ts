/**
 * The public form's hot path: one comment, its commenter and its outbox message written by ONE
 * statement (data-modifying CTEs are atomic), so a submission costs one round trip instead of a
 * transaction's six — a prepared statement, planned once per connection. Same rules as
 * recordComments: the commenter row exists only if the comment was inserted; a repeated
 * idempotency key inserts nothing and returns null.
 */
import type { Executor } from "../../db/client";
import { queryTextPrepared } from "../../db/query";
import { timeOrderedId } from "../platform/time-ordered-id";
import { hasDetails } from "./comment-rows";
import { newReceiptCode } from "./receipt-code";
import { isReceiptClash, type NewComment, type RecordedComment } from "./record-comments.server";

/** The statement, written once: $1–$26 the comment, $27–$34 its commenter, $35 the time. */
const RECORD_ONE_COMMENT = `
  with c as (
    insert into comments (
      id, receipt_code, draft_id, version_id, provision_id, provision_key, consultation_id, contact_point_id,
      collection_point_id, symposium_id, import_id, commenter_id, source, channel, category, region,
      body_json, body_html, body_text, proposed_text, reason, moderation_status, entered_by, said_on,
      idempotency_key, client_hash, created_at, updated_at
    ) values (
      $1, $2, $3, $4, $5, $6, $7, $8,
      $9, $10, $11, $12, $13, $14, $15, $16,
      $17::jsonb, $18, $19, $20, $21, $22, $23, $24,
      $25, $26, $35::timestamptz, $35::timestamptz
    )
    on conflict (idempotency_key) do nothing
    returning id, receipt_code
  ),
  who as (
    insert into commenters (id, name, phone, email, address, affiliation, consent_at, consent_version, retain_until, created_at)
    select $12::uuid, $27, $28, $29, $30, $31, $32::timestamptz, $33, $34::date, $35::timestamptz
    where $12::uuid is not null and exists (select 1 from c)
  ),
  o as (
    insert into outbox (topic, aggregate_type, aggregate_id, dedup_key, payload)
    select 'comment.changed', 'comment', c.id::text, 'comment:' || c.id::text, '{"reason":"created"}'::jsonb from c
  )
  select id, receipt_code from c`;

export async function recordOneComment(db: Executor, c: NewComment, now: Date): Promise<RecordedComment | null> {
  const id = timeOrderedId();
  const who = hasDetails(c.commenter) ? c.commenter : null;
  const commenterId = who ? timeOrderedId() : null;
  const at = now.toISOString();
  for (let attempt = 0; ; attempt++) {
    const receiptCode = newReceiptCode();
    try {
      const rows = await queryTextPrepared<{ id: string; receipt_code: string }>(db, "record_one_comment", RECORD_ONE_COMMENT, [
        id, receiptCode, c.draftId, c.versionId, c.provisionId, c.provisionKey, c.consultationId, c.contactPointId ?? null,
        c.collectionPointId ?? null, c.symposiumId ?? null, c.importId ?? null, commenterId, c.source, c.channel, c.category, c.region ?? null,
        c.body.json === null || c.body.json === undefined ? null : JSON.stringify(c.body.json), c.body.html, c.body.text, c.proposedText ?? null, c.reason ?? null,
        c.moderationStatus, c.enteredBy ?? null, c.saidOn ?? null, c.idempotencyKey ?? null, c.clientHash ?? null,
        who?.name ?? null, who?.phone ?? null, who?.email ?? null, who?.address ?? null, who?.affiliation ?? null,
        who?.consentAt?.toISOString() ?? null, who?.consentVersion ?? null, who?.retainUntil ?? null, at,
      ]);
      const row = rows[0];
      return row ? { id: row.id, receiptCode: row.receipt_code } : null;
    } catch (error) {
      if (!isReceiptClash(error) || attempt >= 5) throw error;
    }
  }
}
