/**
 * How an import writes its comments: the rows recordComments would write (comment-rows.ts), sent by
 * COPY (db/copy.ts), with the batch's references checked once (bulk-references.server.ts). Two
 * steps, so that a batch can be made ready while the one before it is being written:
 * `prepareBulkComments` (CPU: ids, receipt codes, the COPY text) hands the event loop back every
 * few hundred rows, so the database's replies for the batch in flight are answered in between;
 * `writeBulkComments` only talks to the database.
 */
import { sql } from "drizzle-orm";
import { copyInto, copyText } from "../../db/copy";
import type { Executor } from "../../db/client";
import { queryRows } from "../../db/query";
import { insertWithReferencesLocked } from "./bulk-references.server";
import { COMMENT_COLUMNS, COMMENTER_COLUMNS, commentRowsOf, rowValues, type CommentRow } from "./comment-rows";
import { newReceiptCode } from "./receipt-code";
import { isReceiptClash, type NewComment, type RecordedComment } from "./record-comments.server";

export interface BulkComments {
  rows: CommentRow[];
  commenterText: string;
  commentText: string;
}

/** Rows prepared between two turns of the event loop. */
const SLICE = 50;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function prepareBulkComments(list: readonly NewComment[], now: Date): Promise<BulkComments> {
  const batch: BulkComments = { rows: [], commenterText: "", commentText: "" };
  for (let start = 0; start < list.length; start += SLICE) {
    if (start > 0) await nextTurn();
    const { commenterRows, rows } = commentRowsOf(list.slice(start, start + SLICE), now);
    batch.rows.push(...rows);
    batch.commenterText += copyText(commenterRows.map((r) => rowValues(r, COMMENTER_COLUMNS)));
    batch.commentText += copyText(rows.map((r) => rowValues(r, COMMENT_COLUMNS)));
  }
  return batch;
}

/**
 * Gives every row a code that no stored comment and no other row of the batch has. A code is 30
 * random bits: among a million comments, a batch of thousands would meet a taken one nearly every
 * time, and retrying the whole batch on a clash could fail again and again. Returns whether any
 * code changed. Only a comment stored in the instant between this and the write can still clash.
 */
export async function freshReceiptCodes(tx: Executor, rows: CommentRow[]): Promise<boolean> {
  let changed = false;
  for (let round = 0; round < 20; round++) {
    const seen = new Set<string>();
    const clashing = new Set<CommentRow>();
    for (const r of rows) {
      if (seen.has(r.receipt_code)) clashing.add(r);
      seen.add(r.receipt_code);
    }
    const taken = await queryRows<{ code: string }>(
      tx,
      sql`select receipt_code as code from comments where receipt_code = any(${`{${[...seen].join(",")}}`}::text[])`,
    );
    const takenCodes = new Set(taken.map((t) => t.code));
    for (const r of rows) if (takenCodes.has(r.receipt_code)) clashing.add(r);
    if (clashing.size === 0) return changed;
    for (const r of clashing) r.receipt_code = newReceiptCode();
    changed = true;
  }
  throw new Error("no free receipt codes left");
}

/**
 * Writes a prepared batch inside the caller's transaction: the commenters, then the comments. The
 * commenters were made in this same transaction, so only the comments' other references are looked
 * up. Receipt codes are made unique first (freshReceiptCodes); should one clash all the same, the
 * comments get new codes and are written again (a savepoint).
 */
export async function writeBulkComments(tx: Executor, batch: BulkComments): Promise<RecordedComment[]> {
  await copyInto(tx, "commenters", COMMENTER_COLUMNS, batch.commenterText);
  const encode = () => copyText(batch.rows.map((r) => rowValues(r, COMMENT_COLUMNS)));
  let text = (await freshReceiptCodes(tx, batch.rows)) ? encode() : batch.commentText;
  for (let attempt = 0; ; attempt++) {
    try {
      await tx.transaction((sp) => insertWithReferencesLocked(sp, batch.rows, () => copyInto(sp, "comments", COMMENT_COLUMNS, text), { createdHere: ["commenter_id"] }));
      break;
    } catch (error) {
      if (!isReceiptClash(error) || attempt >= 5) throw error;
      for (const r of batch.rows) r.receipt_code = newReceiptCode();
      await freshReceiptCodes(tx, batch.rows);
      text = encode();
    }
  }
  return batch.rows.map((r) => ({ id: r.id, receiptCode: r.receipt_code }));
}
