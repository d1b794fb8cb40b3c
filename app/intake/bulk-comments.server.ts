/**
 * How an import writes its comments: the rows recordComments would write (comment-rows.ts), sent by
 * COPY (db/copy.ts), with the batch's references checked once (bulk-references.server.ts). Two
 * steps, so that a batch can be made ready while the one before it is being written:
 * `prepareBulkComments` (CPU: ids, receipt codes, the COPY text) hands the event loop back every
 * fifty rows, so the database's replies for the batch in flight are answered in between;
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

/** Gives a row whose code another row of the batch already has a new one. Returns whether any changed. */
function uniqueWithinBatch(rows: CommentRow[]): boolean {
  const seen = new Set<string>();
  let changed = false;
  for (const r of rows) {
    while (seen.has(r.receipt_code)) {
      r.receipt_code = newReceiptCode();
      changed = true;
    }
    seen.add(r.receipt_code);
  }
  return changed;
}

/**
 * Gives every row whose code a stored comment has a new one (and keeps the batch's codes apart).
 * A code is 30 random bits: among a million comments, a batch of thousands meets a taken one
 * nearly every time, so after a clash every taken code is replaced at once rather than drawing
 * the whole batch again. Each code is looked up through the index (a LATERAL … LIMIT 1: an
 * `= any(…)` over thousands of codes is planned as a scan of the whole table). Returns whether any
 * code changed.
 */
export async function freshReceiptCodes(tx: Executor, rows: CommentRow[]): Promise<boolean> {
  let changed = uniqueWithinBatch(rows);
  for (let round = 0; round < 20; round++) {
    const codes = `{${rows.map((r) => r.receipt_code).join(",")}}`;
    const taken = new Set(
      (await queryRows<{ code: string }>(
        tx,
        sql`select u.code from unnest(${codes}::text[]) as u(code)
            cross join lateral (select 1 from comments c where c.receipt_code = u.code limit 1) as found`,
      )).map((t) => t.code),
    );
    if (taken.size === 0) return changed;
    for (const r of rows) if (taken.has(r.receipt_code)) r.receipt_code = newReceiptCode();
    uniqueWithinBatch(rows);
    changed = true;
  }
  throw new Error("no free receipt codes left");
}

/**
 * Writes a prepared batch inside the caller's transaction: the commenters, then the comments. The
 * commenters were made in this same transaction, so only the comments' other references are looked
 * up. Should a receipt code be taken already, the write fails as a whole (a savepoint), every
 * taken code is replaced (freshReceiptCodes) and the comments are written again.
 */
export async function writeBulkComments(tx: Executor, batch: BulkComments): Promise<RecordedComment[]> {
  await copyInto(tx, "commenters", COMMENTER_COLUMNS, batch.commenterText);
  const encode = () => copyText(batch.rows.map((r) => rowValues(r, COMMENT_COLUMNS)));
  let text = uniqueWithinBatch(batch.rows) ? encode() : batch.commentText;
  for (let attempt = 0; ; attempt++) {
    try {
      await tx.transaction((sp) => insertWithReferencesLocked(sp, batch.rows, () => copyInto(sp, "comments", COMMENT_COLUMNS, text), { createdHere: ["commenter_id"] }));
      break;
    } catch (error) {
      if (!isReceiptClash(error) || attempt >= 5) throw error;
      await freshReceiptCodes(tx, batch.rows);
      text = encode();
    }
  }
  return batch.rows.map((r) => ({ id: r.id, receiptCode: r.receipt_code }));
}
