/**
 * 审核: an officer approves, rejects or hides comments within reach, one or many at a time, with a
 * reason (required to reject or hide). Each decision is audited and sends "comment.changed" to
 * the outbox in the same transaction. A comment someone else decided after the officer looked is
 * left alone and reported back (optimistic check on the status the officer saw).
 *
 * How comments arrive (decided where they are recorded): public comments on a "pre" consultation
 * arrive pending and count on public pages only once approved; on a "post" consultation they
 * arrive approved and may be hidden later; staff-entered and imported comments arrive approved.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { comments, contactPoints, drafts, users } from "../../db/schema";
import { MODERATION_STATUSES, type ModerationStatus } from "../../db/schema/vocabulary";
import { can, type Principal } from "../accounts/policy";
import { recordAudit } from "../platform/audit.server";
import { choice, msg, optionalText } from "../platform/forms";
import { enqueue } from "../platform/outbox.server";
import { invalid, type Outcome } from "../platform/outcome";
import { cpOrg, draftOrg, isUuid } from "./comment-scope.server";

export const DECISIONS = ["approve", "reject", "hide"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_STATUS: Record<Decision, ModerationStatus> = { approve: "approved", reject: "rejected", hide: "hidden" };
/** One page of the queue, twice over. */
export const MAX_BATCH = 100;
export const MODERATION_REASON_MAX = 500;

/** A comment as the officer saw it: its id and the status it had on the page. */
export interface SeenComment {
  id: string;
  seen: ModerationStatus;
}

/** "id:status", as checkboxes and hidden fields carry a comment and the status shown. */
export function seenValue(c: SeenComment): string {
  return `${c.id}:${c.seen}`;
}

const seenComment = z.string().transform((v, ctx): SeenComment => {
  const [id = "", seen = ""] = v.split(":");
  if (!isUuid(id) || !(MODERATION_STATUSES as readonly string[]).includes(seen)) {
    ctx.addIssue({ code: "custom", message: msg("errors.invalid") });
    return z.NEVER;
  }
  return { id: id.toLowerCase(), seen: seen as ModerationStatus };
});

/** The moderation form: a decision, a reason, and one or more `comment` fields ("id:status"). */
export const ModerationInput = z
  .object({
    decision: choice(DECISIONS),
    reason: optionalText(MODERATION_REASON_MAX),
    comment: z.preprocess(
      (v) => (v === undefined ? [] : typeof v === "string" ? [v] : v),
      z.array(seenComment).min(1, msg("moderation.errors.noneSelected")).max(MAX_BATCH, msg("moderation.errors.tooMany", { max: MAX_BATCH })),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: msg("moderation.errors.reasonRequired") });
  });
export type ModerationInput = z.infer<typeof ModerationInput>;

export interface ModerationDecision {
  decision: Decision;
  reason?: string | null;
  comments: SeenComment[];
}

export interface ModerationResult {
  decided: { id: string; receiptCode: string; from: ModerationStatus; to: ModerationStatus }[];
  /** Already in the requested status, as the officer saw: nothing to do. */
  unchanged: { id: string; receiptCode: string }[];
  /** Decided by someone else after the officer looked: left as they are. */
  conflicts: { id: string; receiptCode: string; status: ModerationStatus; byName: string | null }[];
}

export function fromForm(input: ModerationInput): ModerationDecision {
  return { decision: input.decision, reason: input.reason ?? null, comments: input.comment };
}

/**
 * Applies one decision to every comment in `input.comments` that still has the status the officer
 * saw. Refused as a whole when any comment is unknown (not_found) or out of reach (forbidden), or
 * when the reason is missing for reject/hide (invalid).
 */
export async function moderateComments(
  db: Db,
  actor: Principal | null,
  input: ModerationDecision,
  context: { now: Date; requestId?: string | null },
): Promise<Outcome<ModerationResult>> {
  const reason = input.reason?.trim() || null;
  if (input.decision !== "approve" && !reason) return invalid({ reason: { key: "moderation.errors.reasonRequired" } });
  if (reason && [...reason].length > MODERATION_REASON_MAX) return invalid({ reason: { key: "errors.tooLong", params: { max: MODERATION_REASON_MAX } } });
  const refs = [...new Map(input.comments.map((c) => [c.id, c])).values()];
  if (refs.length === 0) return invalid({ comment: { key: "moderation.errors.noneSelected" } });
  if (refs.length > MAX_BATCH) return invalid({ comment: { key: "moderation.errors.tooMany", params: { max: MAX_BATCH } } });
  if (!actor || refs.some((r) => !isUuid(r.id))) return { ok: false, error: actor ? "not_found" : "forbidden" };

  const found = await db
    .select({
      id: comments.id, receiptCode: comments.receiptCode, status: comments.moderationStatus, contactPointId: comments.contactPointId,
      cpPath: cpOrg.path, draftPath: draftOrg.path,
    })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftOrg, eq(draftOrg.id, drafts.organizationId))
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(cpOrg, eq(cpOrg.id, contactPoints.organizationId))
    .where(inArray(comments.id, refs.map((r) => r.id)));
  if (found.length < refs.length) return { ok: false, error: "not_found" };
  const byId = new Map(found.map((f) => [f.id, f]));
  const inReach = found.every((f) => can(actor, "comment.moderate", { organizationPath: (f.cpPath ?? f.draftPath).split("/"), contactPointId: f.contactPointId }));
  if (!inReach) return { ok: false, error: "forbidden" };

  const target = DECISION_STATUS[input.decision];
  const result: ModerationResult = { decided: [], unchanged: [], conflicts: [] };
  const toChange = refs.filter((r) => {
    if (r.seen !== target) return true;
    const now = byId.get(r.id)!;
    // Already as asked, as seen: nothing to write. Seen as asked but changed since: a conflict.
    if (now.status === target) result.unchanged.push({ id: r.id, receiptCode: now.receiptCode });
    else result.conflicts.push({ id: r.id, receiptCode: now.receiptCode, status: now.status, byName: null });
    return false;
  });

  await db.transaction(async (tx) => {
    for (const seen of MODERATION_STATUSES) {
      const ids = toChange.filter((r) => r.seen === seen).map((r) => r.id);
      if (ids.length === 0) continue;
      // The optimistic check: only rows still showing what the officer saw are changed.
      const changed = await tx
        .update(comments)
        .set({ moderationStatus: target, moderationReason: reason, moderatedBy: actor.id, moderatedAt: context.now, updatedAt: context.now })
        .where(and(inArray(comments.id, ids), eq(comments.moderationStatus, seen)))
        .returning({ id: comments.id, receiptCode: comments.receiptCode });
      for (const c of changed) result.decided.push({ id: c.id, receiptCode: c.receiptCode, from: seen, to: target });
    }
    for (const d of result.decided) {
      await recordAudit(tx, {
        actorUserId: actor.id, action: "comment.moderate", subjectType: "comment", subjectId: d.id,
        detail: { decision: input.decision, from: d.from, to: d.to, reason }, requestId: context.requestId ?? null, at: context.now,
      });
    }
    await enqueue(tx, result.decided.map((d) => ({ topic: "comment.changed", aggregateType: "comment", aggregateId: d.id, payload: { reason: "moderated", status: d.to } })));
  });

  const decidedIds = new Set(result.decided.map((d) => d.id));
  const lost = toChange.filter((r) => !decidedIds.has(r.id)).map((r) => r.id);
  const lostIds = [...lost, ...result.conflicts.map((c) => c.id)];
  if (lostIds.length > 0) {
    const now = await db
      .select({ id: comments.id, receiptCode: comments.receiptCode, status: comments.moderationStatus, byName: users.displayName })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.moderatedBy))
      .where(inArray(comments.id, lostIds));
    result.conflicts = now.map((c) => ({ id: c.id, receiptCode: c.receiptCode, status: c.status, byName: c.byName }));
  }
  return { ok: true, value: result };
}
