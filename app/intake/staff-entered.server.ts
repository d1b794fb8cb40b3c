/**
 * What has been entered in one entry context (a symposium, or a channel of a draft at a contact
 * point), newest first, with who said it masked: the list under the fast-entry form.
 */
import { and, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { commenters, comments, provisions, users } from "../../db/schema";
import type { CommenterCategory } from "../../db/schema/vocabulary";
import { maskEmail, maskName, maskPhone } from "./masking";
import type { EntryContext } from "./staff-entry.server";

export interface EnteredRow {
  id: string;
  receiptCode: string;
  /** 第十三条, or null for the whole draft. */
  articleLabel: string | null;
  body: string;
  proposedText: string | null;
  reason: string | null;
  category: CommenterCategory;
  saidOn: string | null;
  createdAt: Date;
  /** Masked: 张*, 138****5678, z***@example.com. */
  saidBy: { name: string | null; phone: string | null; email: string | null };
  enteredBy: string | null;
  /** Still as received: not yet consolidated into an opinion or sent up. */
  editable: boolean;
}

/** How many entered views a page lists (the total is counted apart). */
export const LIST_LIMIT = 200;
/**
 * The fast-entry screen lists fewer: it is drawn again after every view saved (and on every
 * refused form), and its list is there to check what was just typed. At 200 rows it was half the
 * time of answering a refused entry (250 ms against 118 ms at 30, embedded database).
 */
export const ENTRY_SCREEN_LIMIT = 30;

/** Every view entered at one symposium. */
export const bySymposium = (symposiumId: string): SQL => eq(comments.symposiumId, symposiumId);

export function contextFilter(ctx: Pick<EntryContext, "symposium" | "contactPoint" | "draft" | "channel">): SQL {
  if (ctx.symposium) return bySymposium(ctx.symposium.id);
  return and(
    eq(comments.contactPointId, ctx.contactPoint.id), eq(comments.draftId, ctx.draft.id), eq(comments.channel, ctx.channel),
    eq(comments.source, "staff"), isNull(comments.symposiumId),
  )!;
}

export async function enteredComments(db: Executor, where: SQL, limit = 100): Promise<{ rows: EnteredRow[]; total: number }> {
  const rows = await db
    .select({
      id: comments.id, receiptCode: comments.receiptCode, articleLabel: provisions.label, body: comments.bodyText, proposedText: comments.proposedText,
      reason: comments.reason, category: comments.category, saidOn: comments.saidOn, createdAt: comments.createdAt, processing: comments.processingStatus,
      name: commenters.name, phone: commenters.phone, email: commenters.email, enteredBy: users.displayName,
    })
    .from(comments)
    .leftJoin(provisions, eq(provisions.id, comments.provisionId))
    .leftJoin(commenters, eq(commenters.id, comments.commenterId))
    .leftJoin(users, eq(users.id, comments.enteredBy))
    .where(where)
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(comments).where(where);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id, receiptCode: r.receiptCode, articleLabel: r.articleLabel, body: r.body, proposedText: r.proposedText, reason: r.reason, category: r.category,
      saidOn: r.saidOn, createdAt: r.createdAt, enteredBy: r.enteredBy, editable: r.processing === "received",
      saidBy: { name: maskName(r.name), phone: maskPhone(r.phone), email: maskEmail(r.email) },
    })),
  };
}
