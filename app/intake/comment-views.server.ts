/**
 * Comments as staff and officers read them: the moderation queue (filtered, newest first, 50 a
 * page) and one comment with everything about it. The commenter is always masked here; the full
 * details only come from `revealCommenter`.
 */
import { and, asc, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client";
import {
  auditLog, collectionPoints, commenters, comments, consultations, contactPoints, draftVersions, drafts, opinionSources, opinions,
  organizations, provisions, symposia, users,
} from "../../db/schema";
import {
  MODERATION_STATUSES, type Channel, type CommenterCategory, type CommentSource, type ModerationStatus, type OpinionStatus, type ProcessingStatus,
} from "../../db/schema/vocabulary";
import { can, grantsFor, type Principal } from "../accounts/policy";
import type { Outcome } from "../platform/outcome";
import { commentScope, cpOrg, draftOrg, isUuid, readsAs, withinGrants, type CommentViewer } from "./comment-scope.server";
import { commenterColumns, maskedCommenter, type MaskedCommenter } from "./personal-data.server";

export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_STATUSES = ["pending", "approved", "rejected", "hidden", "all"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueFilter {
  draftId: string | null;
  status: QueueStatus;
  page: number;
}

/** The filter from a queue URL (?draft=…&status=…&page=…); anything unreadable falls back to the default. */
export function readQueueFilter(params: URLSearchParams): QueueFilter {
  const draft = params.get("draft") ?? "";
  const status = params.get("status") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    draftId: isUuid(draft) ? draft : null,
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as QueueStatus) : "pending",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export interface QueueItem {
  id: string;
  receiptCode: string;
  draft: { id: string; title: string };
  clauseLabel: string | null;
  bodyHtml: string;
  proposedText: string | null;
  reason: string | null;
  channel: Channel;
  category: CommenterCategory;
  source: CommentSource;
  contactPointName: string | null;
  createdAt: Date;
  moderationStatus: ModerationStatus;
  moderationReason: string | null;
  moderatedAt: Date | null;
  moderatedByName: string | null;
  commenter: MaskedCommenter | null;
}

export interface ModerationQueue {
  filter: QueueFilter;
  items: QueueItem[];
  pageSize: number;
  total: number;
  pageCount: number;
  counts: Record<QueueStatus, number>;
  drafts: { id: string; title: string }[];
}

const moderator = alias(users, "moderator");
const enterer = alias(users, "enterer");

/** The comments an officer may moderate, filtered by draft and status, newest first. */
export async function moderationQueue(db: Executor, actor: Principal | null, filter: QueueFilter): Promise<ModerationQueue> {
  const reach = withinGrants(grantsFor(actor, "comment.moderate"));
  const byDraft = filter.draftId ? eq(comments.draftId, filter.draftId) : undefined;
  const counted = await db
    .select({ status: comments.moderationStatus, n: count() })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftOrg, eq(draftOrg.id, drafts.organizationId))
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(cpOrg, eq(cpOrg.id, contactPoints.organizationId))
    .where(and(reach, byDraft))
    .groupBy(comments.moderationStatus);
  const counts = Object.fromEntries([...MODERATION_STATUSES, "all"].map((s) => [s, 0])) as Record<QueueStatus, number>;
  for (const c of counted) {
    counts[c.status] = c.n;
    counts.all += c.n;
  }
  const total = counts[filter.status];
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const rows = await db
    .select({
      id: comments.id, receiptCode: comments.receiptCode, draftId: drafts.id, draftTitle: drafts.title, clauseLabel: provisions.label,
      bodyHtml: comments.bodyHtml, proposedText: comments.proposedText, reason: comments.reason, channel: comments.channel,
      category: comments.category, source: comments.source, contactPointName: contactPoints.name, createdAt: comments.createdAt,
      moderationStatus: comments.moderationStatus, moderationReason: comments.moderationReason, moderatedAt: comments.moderatedAt,
      moderatedByName: moderator.displayName, commenter: commenterColumns,
    })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftOrg, eq(draftOrg.id, drafts.organizationId))
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(cpOrg, eq(cpOrg.id, contactPoints.organizationId))
    .leftJoin(provisions, eq(provisions.id, comments.provisionId))
    .leftJoin(commenters, eq(commenters.id, comments.commenterId))
    .leftJoin(moderator, eq(moderator.id, comments.moderatedBy))
    .where(and(reach, byDraft, filter.status === "all" ? undefined : eq(comments.moderationStatus, filter.status)))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((Math.min(filter.page, pageCount) - 1) * QUEUE_PAGE_SIZE);
  const draftList = await db
    .selectDistinct({ id: drafts.id, title: drafts.title })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftOrg, eq(draftOrg.id, drafts.organizationId))
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(cpOrg, eq(cpOrg.id, contactPoints.organizationId))
    .where(reach)
    .orderBy(asc(drafts.title));
  return {
    filter: { ...filter, page: Math.min(filter.page, pageCount) },
    items: rows.map(({ draftId, draftTitle, commenter, ...r }) => ({ ...r, draft: { id: draftId, title: draftTitle }, commenter: maskedCommenter(commenter) })),
    pageSize: QUEUE_PAGE_SIZE,
    total,
    pageCount,
    counts,
    drafts: draftList,
  };
}

/** How many comments await an officer's decision (for the officer's home page). */
export async function pendingModerationCount(db: Executor, actor: Principal | null): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftOrg, eq(draftOrg.id, drafts.organizationId))
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(cpOrg, eq(cpOrg.id, contactPoints.organizationId))
    .where(and(withinGrants(grantsFor(actor, "comment.moderate")), eq(comments.moderationStatus, "pending")));
  return row?.n ?? 0;
}

export interface CommentDetail extends QueueItem {
  draft: { id: string; title: string; slug: string };
  versionLabel: string;
  clauseKey: string | null;
  region: string | null;
  saidOn: string | null;
  updatedAt: Date;
  enteredByName: string | null;
  collectionPointName: string | null;
  symposium: { heldOn: string; place: string } | null;
  moderationMode: "pre" | "post" | null;
  processingStatus: ProcessingStatus;
  history: ModerationHistoryEntry[];
  opinions: { id: string; title: string; status: OpinionStatus; owner: string }[];
  mayModerate: boolean;
  mayReveal: boolean;
}

export interface ModerationHistoryEntry {
  at: Date;
  actorName: string | null;
  from: ModerationStatus | null;
  to: ModerationStatus | null;
  reason: string | null;
}

/**
 * One comment with everything about it. `staff`: only a contact point's own comments;
 * `officer`: any comment within the officer's reach.
 */
export async function commentDetail(db: Executor, actor: Principal | null, commentId: string, viewer: CommentViewer): Promise<Outcome<CommentDetail>> {
  const scope = await commentScope(db, commentId);
  if (!scope) return { ok: false, error: "not_found" };
  if (!readsAs(actor, scope, viewer)) return { ok: false, error: "forbidden" };
  const [row] = await db
    .select({
      id: comments.id, receiptCode: comments.receiptCode, draftId: drafts.id, draftTitle: drafts.title, draftSlug: drafts.slug,
      versionLabel: draftVersions.label, clauseKey: comments.provisionKey, clauseLabel: provisions.label, bodyHtml: comments.bodyHtml,
      proposedText: comments.proposedText, reason: comments.reason, channel: comments.channel, category: comments.category,
      source: comments.source, region: comments.region, saidOn: comments.saidOn, contactPointName: contactPoints.name,
      collectionPointName: collectionPoints.name, symposiumHeldOn: symposia.heldOn, symposiumPlace: symposia.place,
      createdAt: comments.createdAt, updatedAt: comments.updatedAt, enteredByName: enterer.displayName,
      moderationMode: consultations.moderation, moderationStatus: comments.moderationStatus, moderationReason: comments.moderationReason,
      moderatedAt: comments.moderatedAt, moderatedByName: moderator.displayName, processingStatus: comments.processingStatus,
      commenter: commenterColumns,
    })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftVersions, eq(draftVersions.id, comments.versionId))
    .leftJoin(provisions, eq(provisions.id, comments.provisionId))
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(collectionPoints, eq(collectionPoints.id, comments.collectionPointId))
    .leftJoin(symposia, eq(symposia.id, comments.symposiumId))
    .leftJoin(consultations, eq(consultations.id, comments.consultationId))
    .leftJoin(commenters, eq(commenters.id, comments.commenterId))
    .leftJoin(enterer, eq(enterer.id, comments.enteredBy))
    .leftJoin(moderator, eq(moderator.id, comments.moderatedBy))
    .where(eq(comments.id, commentId));
  if (!row) return { ok: false, error: "not_found" };
  const { draftId, draftTitle, draftSlug, symposiumHeldOn, symposiumPlace, commenter, ...rest } = row;
  return {
    ok: true,
    value: {
      ...rest,
      draft: { id: draftId, title: draftTitle, slug: draftSlug },
      symposium: symposiumHeldOn && symposiumPlace ? { heldOn: symposiumHeldOn, place: symposiumPlace } : null,
      commenter: maskedCommenter(commenter),
      history: await moderationHistory(db, commentId),
      opinions: await opinionsCiting(db, commentId),
      mayModerate: can(actor, "comment.moderate", scope),
      mayReveal: can(actor, "personal_data.reveal", scope),
    },
  };
}

/** Every moderation decision on a comment, oldest first, from the audit log. */
export async function moderationHistory(db: Executor, commentId: string): Promise<ModerationHistoryEntry[]> {
  const rows = await db
    .select({ at: auditLog.at, actorName: users.displayName, detail: auditLog.detail })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.subjectType, "comment"), eq(auditLog.subjectId, commentId), eq(auditLog.action, "comment.moderate")))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => {
    const d = (r.detail ?? {}) as { from?: ModerationStatus; to?: ModerationStatus; reason?: string | null };
    return { at: r.at, actorName: r.actorName, from: d.from ?? null, to: d.to ?? null, reason: d.reason ?? null };
  });
}

async function opinionsCiting(db: Executor, commentId: string): Promise<CommentDetail["opinions"]> {
  const live: SQL = and(eq(opinionSources.commentId, commentId), isNull(opinionSources.removedAt))!;
  const rows = await db
    .select({
      id: opinions.id, title: opinions.title, bodyText: opinions.bodyText, status: opinions.status,
      cpName: contactPoints.name, orgName: organizations.name,
    })
    .from(opinionSources)
    .innerJoin(opinions, eq(opinions.id, opinionSources.opinionId))
    .leftJoin(contactPoints, eq(contactPoints.id, opinions.contactPointId))
    .leftJoin(organizations, eq(organizations.id, opinions.organizationId))
    .where(live)
    .orderBy(asc(opinionSources.addedAt));
  return rows.map((r) => ({ id: r.id, title: r.title || [...r.bodyText].slice(0, 60).join(""), status: r.status, owner: r.cpName ?? r.orgName ?? "" }));
}
