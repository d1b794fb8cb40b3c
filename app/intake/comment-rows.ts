/**
 * New comments as the rows the database stores: a commenters row for whoever gave their details
 * (personal data in its own table), a comments row with a fresh id and receipt code each. One
 * shape for every way comments are written (record-comments.server.ts, bulk-comments.server.ts).
 * Pure apart from the random ids and codes.
 */
import type { NewComment, CommenterDetails } from "./record-comments.server";
import { timeOrderedId } from "../platform/time-ordered-id";
import { newReceiptCode } from "./receipt-code";

export const COMMENTER_COLUMNS = ["id", "name", "phone", "email", "address", "affiliation", "consent_at", "consent_version", "retain_until", "created_at"] as const;

export const COMMENT_COLUMNS = [
  "id", "receipt_code", "draft_id", "version_id", "provision_id", "provision_key", "consultation_id", "contact_point_id", "collection_point_id",
  "symposium_id", "import_id", "commenter_id", "source", "channel", "category", "region", "body_json", "body_html", "body_text", "proposed_text",
  "reason", "moderation_status", "entered_by", "said_on", "idempotency_key", "client_hash", "created_at", "updated_at",
] as const;

export type CommenterRow = Record<(typeof COMMENTER_COLUMNS)[number], string | null>;
/** Every column is text or null but the id and code (always there) and the editor JSON (an object, or null). */
export type CommentRow = Record<Exclude<(typeof COMMENT_COLUMNS)[number], "id" | "receipt_code" | "body_json">, string | null> & {
  id: string;
  receipt_code: string;
  body_json: unknown;
};

/** Whether a commenter gave anything that names or reaches them: only then is a commenters row written. */
export const hasDetails = (c: CommenterDetails | null | undefined): c is CommenterDetails =>
  !!c && [c.name, c.phone, c.email, c.address, c.affiliation].some((v) => v !== null && v !== undefined && v !== "");

export function commentRowsOf(list: readonly NewComment[], now: Date): { commenterRows: CommenterRow[]; rows: CommentRow[] } {
  const at = now.toISOString();
  const commenterRows: CommenterRow[] = [];
  const rows = list.map((c): CommentRow => {
    let commenterId: string | null = null;
    if (hasDetails(c.commenter)) {
      const p = c.commenter;
      commenterId = timeOrderedId();
      commenterRows.push({
        id: commenterId, name: p.name ?? null, phone: p.phone ?? null, email: p.email ?? null, address: p.address ?? null, affiliation: p.affiliation ?? null,
        consent_at: p.consentAt?.toISOString() ?? null, consent_version: p.consentVersion ?? null, retain_until: p.retainUntil ?? null, created_at: at,
      });
    }
    return {
      id: timeOrderedId(), receipt_code: newReceiptCode(), draft_id: c.draftId, version_id: c.versionId, provision_id: c.provisionId,
      provision_key: c.provisionKey, consultation_id: c.consultationId, contact_point_id: c.contactPointId ?? null,
      collection_point_id: c.collectionPointId ?? null, symposium_id: c.symposiumId ?? null, import_id: c.importId ?? null, commenter_id: commenterId,
      source: c.source, channel: c.channel, category: c.category, region: c.region ?? null, body_json: c.body.json ?? null, body_html: c.body.html,
      body_text: c.body.text, proposed_text: c.proposedText ?? null, reason: c.reason ?? null, moderation_status: c.moderationStatus,
      entered_by: c.enteredBy ?? null, said_on: c.saidOn ?? null, idempotency_key: c.idempotencyKey ?? null, client_hash: c.clientHash ?? null,
      created_at: at, updated_at: at,
    };
  });
  return { commenterRows, rows };
}

/** A row's values in `columns`' order, in their text form (the editor JSON as JSON text): what COPY reads. */
export function rowValues<R extends Record<string, unknown>>(row: R, columns: readonly (keyof R & string)[]): (string | null)[] {
  return columns.map((c) => {
    const v = row[c];
    return v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v);
  });
}
