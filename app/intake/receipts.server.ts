/**
 * A receipt: what a commenter sees with their code — what they said, on which clause, and what
 * became of it: received → consolidated → sent up → adopted / partly adopted / not adopted, with
 * the reason. No personal data is shown.
 */
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { queryRows } from "../../db/query";
import { comments, draftVersions, drafts, provisions } from "../../db/schema";
import type { AdoptionStatus, Channel, ModerationStatus, ProcessingStatus } from "../../db/schema/vocabulary";

export interface Receipt {
  code: string;
  draft: { slug: string; title: string };
  versionLabel: string;
  clause: { key: string; label: string } | null;
  channel: Channel;
  createdAt: Date;
  bodyHtml: string;
  proposedText: string | null;
  reason: string | null;
  moderation: { status: ModerationStatus; reason: string | null };
  processing: ProcessingStatus;
  adoption: { status: AdoptionStatus; reason: string | null; decidedAt: Date } | null;
}

export async function findReceipt(db: Executor, code: string): Promise<Receipt | null> {
  const [row] = await db
    .select({
      id: comments.id, code: comments.receiptCode, slug: drafts.slug, title: drafts.title, versionLabel: draftVersions.label,
      clauseKey: comments.provisionKey, clauseLabel: provisions.label, channel: comments.channel, createdAt: comments.createdAt,
      bodyHtml: comments.bodyHtml, proposedText: comments.proposedText, reason: comments.reason,
      moderationStatus: comments.moderationStatus, moderationReason: comments.moderationReason, processing: comments.processingStatus,
    })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftVersions, eq(draftVersions.id, comments.versionId))
    .leftJoin(provisions, eq(provisions.id, comments.provisionId))
    .where(eq(comments.receiptCode, code));
  if (!row) return null;
  return {
    code: row.code,
    draft: { slug: row.slug, title: row.title },
    versionLabel: row.versionLabel,
    clause: row.clauseKey && row.clauseLabel ? { key: row.clauseKey, label: row.clauseLabel } : null,
    channel: row.channel,
    createdAt: row.createdAt,
    bodyHtml: row.bodyHtml,
    proposedText: row.proposedText,
    reason: row.reason,
    moderation: { status: row.moderationStatus, reason: row.moderationStatus === "approved" ? null : row.moderationReason },
    processing: row.processing,
    adoption: await adoptionReaching(db, row.id),
  };
}

/**
 * The decision that reached this comment: on an opinion that has the comment among its sources,
 * directly or through the opinions it was merged into up the chain (the highest level decides).
 */
async function adoptionReaching(db: Executor, commentId: string): Promise<Receipt["adoption"]> {
  const rows = await queryRows<{ status: AdoptionStatus; reason: string | null; decided_at: Date | string; depth: number }>(
    db,
    sql`
      with recursive chain(opinion_id, depth) as (
        select opinion_id, 0 from opinion_sources where comment_id = ${commentId} and removed_at is null
        union
        select s.opinion_id, c.depth + 1 from opinion_sources s join chain c on s.source_opinion_id = c.opinion_id
        where s.removed_at is null and c.depth < 10
      )
      select a.status, a.reason, a.decided_at, c.depth
      from chain c join adoptions a on a.opinion_id = c.opinion_id and a.superseded_at is null
      order by c.depth desc, a.decided_at desc
      limit 1`,
  );
  const top = rows[0];
  return top ? { status: top.status, reason: top.reason, decidedAt: new Date(top.decided_at) } : null;
}

