/**
 * The one place comments are written: with their commenter (personal data in its own table), a
 * receipt code each, and an outbox message in the same transaction. Used by the public form, staff
 * entry and bulk import.
 */
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { commenters, comments } from "../../db/schema";
import type { Channel, CommentSource, CommenterCategory, ModerationStatus } from "../../db/schema/vocabulary";
import { enqueue } from "../platform/outbox.server";
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

const hasDetails = (c: CommenterDetails | null | undefined): c is CommenterDetails =>
  !!c && [c.name, c.phone, c.email, c.address, c.affiliation].some((v) => v !== null && v !== undefined && v !== "");

function isReceiptClash(error: unknown): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: { code?: string; constraint_name?: string; constraint?: string } };
  const c = e.cause ?? e;
  return c.code === "23505" && (c.constraint_name ?? c.constraint ?? "").includes("receipt");
}

/**
 * Writes `list` inside the caller's transaction. With `outbox: "each"` every comment gets its own
 * message; a bulk import passes one message for the whole batch instead.
 */
export async function recordComments(
  tx: Executor,
  list: NewComment[],
  options: { now: Date; outbox: "each" | "none" },
): Promise<RecordedComment[]> {
  if (list.length === 0) return [];
  const withDetails = list.filter((c) => hasDetails(c.commenter));
  const commenterIds = new Map<NewComment, string>();
  if (withDetails.length > 0) {
    const ids = withDetails.map(() => crypto.randomUUID());
    await tx.insert(commenters).values(
      withDetails.map((c, i) => ({
        id: ids[i]!, name: c.commenter!.name ?? null, phone: c.commenter!.phone ?? null, email: c.commenter!.email ?? null,
        address: c.commenter!.address ?? null, affiliation: c.commenter!.affiliation ?? null, consentAt: c.commenter!.consentAt ?? null,
        consentVersion: c.commenter!.consentVersion ?? null, retainUntil: c.commenter!.retainUntil ?? null, createdAt: options.now,
      })),
    );
    withDetails.forEach((c, i) => commenterIds.set(c, ids[i]!));
  }
  const rows = list.map((c) => ({
    id: crypto.randomUUID(), receiptCode: newReceiptCode(), draftId: c.draftId, versionId: c.versionId, provisionId: c.provisionId,
    provisionKey: c.provisionKey, consultationId: c.consultationId, contactPointId: c.contactPointId ?? null,
    collectionPointId: c.collectionPointId ?? null, symposiumId: c.symposiumId ?? null, importId: c.importId ?? null,
    commenterId: commenterIds.get(c) ?? null, source: c.source, channel: c.channel, category: c.category, region: c.region ?? null,
    bodyJson: c.body.json ?? null, bodyHtml: c.body.html, bodyText: c.body.text, proposedText: c.proposedText ?? null,
    reason: c.reason ?? null, moderationStatus: c.moderationStatus, enteredBy: c.enteredBy ?? null, saidOn: c.saidOn ?? null,
    idempotencyKey: c.idempotencyKey ?? null, clientHash: c.clientHash ?? null, createdAt: options.now, updatedAt: options.now,
  }));
  // Receipt codes are random: on the rare clash, draw new ones and try again (inside a savepoint).
  for (let attempt = 0; ; attempt++) {
    try {
      const inserted = await tx.transaction(async (sp) => {
        if (rows.length === 1 && rows[0]!.idempotencyKey) {
          return sp.insert(comments).values(rows).onConflictDoNothing({ target: comments.idempotencyKey }).returning({ id: comments.id });
        }
        return sp.insert(comments).values(rows).returning({ id: comments.id });
      });
      if (inserted.length < rows.length) throw new AlreadyRecorded(rows[0]!.idempotencyKey!);
      break;
    } catch (error) {
      if (!isReceiptClash(error) || attempt >= 5) throw error;
      for (const r of rows) r.receiptCode = newReceiptCode();
    }
  }
  if (options.outbox === "each") {
    await enqueue(tx, rows.map((r) => ({ topic: "comment.changed", aggregateType: "comment", aggregateId: r.id, payload: { reason: "created" } })));
  }
  return rows.map((r) => ({ id: r.id, receiptCode: r.receiptCode }));
}

/** The comment an idempotency key already produced. */
export async function recordedByKey(db: Executor, idempotencyKey: string): Promise<RecordedComment | null> {
  const [row] = await db.select({ id: comments.id, receiptCode: comments.receiptCode }).from(comments).where(eq(comments.idempotencyKey, idempotencyKey));
  return row ?? null;
}

export async function receiptCodesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: comments.id, code: comments.receiptCode }).from(comments).where(inArray(comments.id, ids));
  return new Map(rows.map((r) => [r.id, r.code]));
}
