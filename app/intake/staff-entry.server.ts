/**
 * Fast entry of views gathered offline. The context — a symposium, or a channel (letter, phone,
 * visit, e-mail, questionnaire) — and the draft stay fixed while staff type one view after another.
 * Each view is written through recordComments: source "staff", approved, with the contact point,
 * the symposium, who said it (commenter) apart from who entered it (the user), and an idempotency
 * key per form render so a double submit never makes two comments.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { contactPoints, draftVersions, symposia } from "../../db/schema";
import type { Channel } from "../../db/schema/vocabulary";
import type { Principal } from "../accounts/policy";
import { cstDate } from "../drafts/china-time";
import { recordAudit } from "../platform/audit.server";
import type { FieldErrors } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { richTextFieldError, richTextFromPlain } from "../platform/rich-text/rich-text.server";
import { findClause, type ClauseOption } from "./article-reference";
import { LIMITS } from "./comment-fields";
import { clauseOptions, commentTarget, provisionByKey } from "./comment-target.server";
import { AlreadyRecorded, recordComments, recordedByKey } from "./record-comments.server";
import { askedDrafts, contactPointAccess, denied } from "./staff-access.server";
import { MAX_ARTICLE_INPUT, type EditInput, type EntryInput } from "./staff-entry-input";
import { halfWidthDigits } from "./text-rules";
import { isUuid } from "./comment-scope.server";

/** Channels of a batch without a symposium (symposium views go through their symposium). */
export const BATCH_CHANNELS = ["letter", "phone", "visit", "email", "questionnaire"] as const satisfies readonly Channel[];
export type BatchChannel = (typeof BATCH_CHANNELS)[number];
export const isBatchChannel = (v: string | null): v is BatchChannel => (BATCH_CHANNELS as readonly string[]).includes(v ?? "");

export interface EntryContext {
  contactPoint: { id: string; name: string; regionCode: string | null };
  draft: { id: string; slug: string; title: string };
  version: { id: string; label: string };
  consultationId: string | null;
  channel: Channel;
  symposium: { id: string; heldOn: string; place: string; topic: string | null; attendance: number } | null;
  /** 日期 before anything is typed: the symposium's date, else today (China time). */
  defaultSaidOn: string;
}

async function contactPointRow(db: Executor, id: string) {
  const [cp] = await db.select({ id: contactPoints.id, name: contactPoints.name, regionCode: contactPoints.regionCode }).from(contactPoints).where(eq(contactPoints.id, id));
  return cp ?? null;
}

/** Entering a symposium's views: only its own contact point's staff; officers above may read it elsewhere (403). */
export async function symposiumEntryContext(db: Executor, actor: Principal | null, symposiumId: string, now: Date): Promise<Outcome<EntryContext>> {
  if (!isUuid(symposiumId)) return { ok: false, error: "not_found" };
  const [s] = await db.select().from(symposia).where(eq(symposia.id, symposiumId));
  if (!s) return { ok: false, error: "not_found" };
  const access = await contactPointAccess(db, actor, s.contactPointId, "comment.enter");
  if (access !== "write") return denied(access);
  const target = await commentTarget(db, { draftId: s.draftId }, now);
  const cp = await contactPointRow(db, s.contactPointId);
  if (!target || !cp) return { ok: false, error: "not_found" };
  return {
    ok: true,
    value: {
      contactPoint: cp, draft: { id: target.draft.id, slug: target.draft.slug, title: target.draft.title }, version: { id: target.version.id, label: target.version.label },
      consultationId: s.consultationId, channel: "symposium", defaultSaidOn: s.heldOn,
      symposium: { id: s.id, heldOn: s.heldOn, place: s.place, topic: s.topic, attendance: s.attendance },
    },
  };
}

/** Entering letters, calls, visits…: a draft the user's contact point was asked about, and a channel. */
export async function batchEntryContext(
  db: Executor, actor: Principal | null, where: { draft: string; channel: string | null; contactPointId?: string | null }, now: Date,
): Promise<Outcome<EntryContext>> {
  if (!isBatchChannel(where.channel) || where.draft === "") return { ok: false, error: "not_found" };
  const target = await commentTarget(db, isUuid(where.draft) ? { draftId: where.draft } : { slug: where.draft }, now);
  if (!target) return { ok: false, error: "not_found" };
  const asked = await askedDrafts(db, actor, "comment.enter", { draftId: target.draft.id });
  const mine = asked.find((a) => a.contactPointId === where.contactPointId) ?? (where.contactPointId ? undefined : asked[0]);
  if (!mine) return { ok: false, error: "not_found" };
  const cp = await contactPointRow(db, mine.contactPointId);
  if (!cp) return { ok: false, error: "not_found" };
  return {
    ok: true,
    value: {
      contactPoint: cp, draft: { id: target.draft.id, slug: target.draft.slug, title: target.draft.title }, version: { id: target.version.id, label: target.version.label },
      consultationId: mine.consultationId, channel: where.channel, symposium: null, defaultSaidOn: cstDate(now),
    },
  };
}

// A published version's text never changes, so its clause list is kept (a few versions at a time).
const clauseCache = new Map<string, ClauseOption[]>();

/** The clauses of a published version (null for an unpublished or unknown one: its text is not public yet). */
export async function publishedClauseOptions(db: Executor, versionId: string): Promise<ClauseOption[] | null> {
  const cached = clauseCache.get(versionId);
  if (cached) return cached;
  if (!isUuid(versionId)) return null;
  const [v] = await db.select({ id: draftVersions.id }).from(draftVersions).where(and(eq(draftVersions.id, versionId), eq(draftVersions.status, "published")));
  if (!v) return null;
  const options = await clauseOptions(db, versionId);
  if (clauseCache.size >= 16) clauseCache.delete(clauseCache.keys().next().value!);
  clauseCache.set(versionId, options);
  return options;
}

export type ResolvedArticle = { key: string; label: string; provisionId: string } | "whole";

/** The clause the article field names (the picker's key first, else the typed text), or a field error. */
export async function resolveArticle(db: Executor, versionId: string, input: { article: string; articleKey?: string }): Promise<Outcome<ResolvedArticle>> {
  const options = (await publishedClauseOptions(db, versionId)) ?? (await clauseOptions(db, versionId));
  // The picker's key counts only while the field still shows the clause it chose (text typed after wins).
  const picked = input.articleKey ? options.find((o) => o.key === input.articleKey && o.label === input.article) : undefined;
  const chosen = picked ?? findClause(options, input.article);
  if (chosen === "whole") return { ok: true, value: "whole" };
  const provision = chosen ? await provisionByKey(db, versionId, chosen.key) : null;
  if (!chosen || !provision) return invalid({ article: { key: "staff.entry.articleNotFound", params: { input: input.article } } });
  return { ok: true, value: { key: chosen.key, label: chosen.label, provisionId: provision.id } };
}

/**
 * The article field's error for a form that failed elsewhere too, so every problem is shown at once
 * (the schema cannot know which clauses the draft has).
 */
export async function articleErrors(db: Executor, versionId: string, values: Record<string, string>): Promise<FieldErrors> {
  const article = halfWidthDigits(values.article ?? "").trim();
  if (article === "" || article.length > MAX_ARTICLE_INPUT) return {};
  const resolved = await resolveArticle(db, versionId, { article, articleKey: values.articleKey || undefined });
  return fieldErrorsOf(resolved);
}

/** The view as stored: plain text from the textarea, with its HTML and Lexical forms derived. */
export function bodyOf(input: EntryInput | EditInput): Outcome<{ json: unknown; html: string; text: string }> {
  const body = richTextFromPlain(input.body ?? "", { maxChars: LIMITS.body });
  return body.ok ? { ok: true, value: body.value } : invalid({ body: richTextFieldError(body.error, { maxChars: LIMITS.body }) });
}

function fieldErrorsOf(outcome: Outcome<unknown>): FieldErrors {
  return !outcome.ok && outcome.error === "invalid" ? outcome.fieldErrors : {};
}

export interface EnteredComment {
  id: string;
  receiptCode: string;
  /** The clause's label (第十三条), or null for the whole draft. */
  label: string | null;
  /** True when this form had been saved before (a double submit): nothing new was written. */
  repeated: boolean;
}

export async function enterComment(
  db: Db, actor: Principal, ctx: EntryContext, input: EntryInput, options: { now: Date; requestId?: string },
): Promise<Outcome<EnteredComment>> {
  const idempotencyKey = `staff:${actor.id}:${input.formKey}`;
  const article = await resolveArticle(db, ctx.version.id, input);
  const body = bodyOf(input);
  if (!article.ok || !body.ok) return invalid({ ...fieldErrorsOf(article), ...fieldErrorsOf(body) });
  const label = article.value === "whole" ? null : article.value.label;
  const clause = article.value === "whole" ? null : article.value;
  try {
    const recorded = await db.transaction(async (tx) => {
      const [one] = await recordComments(
        tx,
        [{
          draftId: ctx.draft.id, versionId: ctx.version.id, provisionId: clause?.provisionId ?? null, provisionKey: clause?.key ?? null,
          consultationId: ctx.consultationId, contactPointId: ctx.contactPoint.id, symposiumId: ctx.symposium?.id ?? null,
          source: "staff", channel: ctx.channel, category: input.category, region: ctx.contactPoint.regionCode, body: body.value,
          proposedText: input.proposedText ?? null, reason: input.reason ?? null, moderationStatus: "approved", enteredBy: actor.id,
          saidOn: input.saidOn, idempotencyKey,
          commenter: { name: input.name ?? null, phone: input.contact.phone ?? null, email: input.contact.email ?? null },
        }],
        { now: options.now, outbox: "each" },
      );
      await recordAudit(tx, {
        actorUserId: actor.id, action: "comment.enter", subjectType: "comment", subjectId: one!.id, at: options.now, requestId: options.requestId,
        detail: { channel: ctx.channel, draftId: ctx.draft.id, symposiumId: ctx.symposium?.id ?? null, contactPointId: ctx.contactPoint.id, provisionKey: clause?.key ?? null },
      });
      return one!;
    });
    return { ok: true, value: { ...recorded, label, repeated: false } };
  } catch (error) {
    if (!(error instanceof AlreadyRecorded)) throw error;
    // The same form arrived twice at the same moment: the other request wrote it.
    const existing = await recordedByKey(db, idempotencyKey);
    if (!existing) throw error;
    return { ok: true, value: { ...existing, label, repeated: true } };
  }
}
