/**
 * Correcting a view staff entered, while it is still as received (not yet consolidated or sent
 * up). Never silent: each edit writes a "comment.changed" outbox message and an audit entry with
 * what the view said before; showing the commenter's personal data for editing is audited too.
 */
import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { commenters, comments, drafts, provisions } from "../../db/schema";
import type { Principal } from "../accounts/policy";
import { can } from "../accounts/policy";
import { contactPointScope } from "../chain/organizations.server";
import { recordAudit } from "../platform/audit.server";
import { enqueue } from "../platform/outbox.server";
import type { FormResult } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { contactPointAccess, denied } from "./staff-access.server";
import type { EditInput } from "./staff-entry-input";
import { articleErrors, bodyOf, resolveArticle } from "./staff-entry.server";
import { isUuid } from "./comment-scope.server";

export interface EditableComment {
  id: string;
  receiptCode: string;
  draftTitle: string;
  versionId: string;
  articleLabel: string | null;
  /** The form's starting values (personal data in full: the reveal is audited). */
  values: Record<string, string>;
  /** Where the view was entered, to go back to. */
  returnTo: string;
}

async function loadComment(db: Executor, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ c: comments, who: commenters, label: provisions.label, draftSlug: drafts.slug, draftTitle: drafts.title })
    .from(comments)
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .leftJoin(commenters, eq(commenters.id, comments.commenterId))
    .leftJoin(provisions, eq(provisions.id, comments.provisionId))
    .where(eq(comments.id, id));
  return row ?? null;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadComment>>>;

/** Only staff-entered views of the user's own contact point, and only while they are as received. */
async function mayEdit(db: Executor, actor: Principal | null, row: Loaded | null): Promise<Outcome<Loaded>> {
  if (!row || row.c.source !== "staff" || !row.c.contactPointId) return { ok: false, error: "not_found" };
  const access = await contactPointAccess(db, actor, row.c.contactPointId, "comment.enter");
  if (access !== "write") return denied(access);
  if (row.c.processingStatus !== "received") return { ok: false, error: "conflict" };
  return { ok: true, value: row };
}

const returnTo = (row: Loaded) =>
  row.c.symposiumId ? `/staff/symposia/${row.c.symposiumId}/entry` : `/staff/entry?draft=${encodeURIComponent(row.draftSlug)}&channel=${row.c.channel}`;

export async function commentForEdit(db: Db, actor: Principal, id: string, options: { now: Date; requestId?: string }): Promise<Outcome<EditableComment>> {
  const allowed = await mayEdit(db, actor, await loadComment(db, id));
  if (!allowed.ok) return allowed;
  const { c, who, label, draftTitle } = allowed.value;
  const scope = await contactPointScope(db, c.contactPointId!);
  const reveal = !!who && [who.name, who.phone, who.email].some((v) => v) && !who.erasedAt && !!scope && can(actor, "personal_data.reveal", scope);
  if (reveal) {
    await recordAudit(db, {
      actorUserId: actor.id, action: "personal_data.reveal", subjectType: "commenter", subjectId: who!.id, at: options.now, requestId: options.requestId,
      detail: { commentId: c.id, purpose: "edit" },
    });
  }
  return {
    ok: true,
    value: {
      id: c.id, receiptCode: c.receiptCode, draftTitle, versionId: c.versionId, articleLabel: label, returnTo: returnTo(allowed.value),
      values: {
        article: label ?? "", articleKey: c.provisionKey ?? "", body: c.bodyText, proposedText: c.proposedText ?? "", reason: c.reason ?? "",
        name: reveal ? (who!.name ?? "") : "", category: c.category === "other" ? "" : c.category,
        contact: reveal ? (who!.phone ?? who!.email ?? "") : "", saidOn: c.saidOn ?? "",
      },
    },
  };
}

/**
 * The edit form as posted (read with `editInput`): saved by `editComment` when it reads, else
 * refused with all its errors — the article field's too (article not found), so nothing has to be
 * corrected twice; that one only for those who may edit the view, as it reads the draft's clauses.
 */
export async function saveCommentEdit(
  db: Db, actor: Principal, id: string, form: FormResult<EditInput>, options: { now: Date; requestId?: string },
): Promise<Outcome<{ returnTo: string }>> {
  if (form.ok) return editComment(db, actor, id, form.data, options);
  const allowed = await mayEdit(db, actor, await loadComment(db, id));
  return invalid({ ...(allowed.ok ? await articleErrors(db, allowed.value.c.versionId, form.values) : {}), ...form.fieldErrors });
}

export async function editComment(db: Db, actor: Principal, id: string, input: EditInput, options: { now: Date; requestId?: string }): Promise<Outcome<{ returnTo: string }>> {
  const allowed = await mayEdit(db, actor, await loadComment(db, id));
  if (!allowed.ok) return allowed;
  const { c, who, label } = allowed.value;
  const article = await resolveArticle(db, c.versionId, input);
  const body = bodyOf(input);
  if (!article.ok || !body.ok) {
    return invalid({ ...(!article.ok && article.error === "invalid" ? article.fieldErrors : {}), ...(!body.ok && body.error === "invalid" ? body.fieldErrors : {}) });
  }
  const clause = article.value === "whole" ? null : article.value;
  const next = {
    provisionId: clause?.provisionId ?? null, provisionKey: clause?.key ?? null, bodyJson: body.value.json, bodyHtml: body.value.html, bodyText: body.value.text,
    proposedText: input.proposedText ?? null, reason: input.reason ?? null, category: input.category, saidOn: input.saidOn,
  };
  const person = { name: input.name ?? null, phone: input.contact.phone ?? null, email: input.contact.email ?? null };
  const before = { provisionKey: c.provisionKey, article: label, body: c.bodyText, proposedText: c.proposedText, reason: c.reason, category: c.category, saidOn: c.saidOn };
  const after = { provisionKey: next.provisionKey, article: clause?.label ?? null, body: next.bodyText, proposedText: next.proposedText, reason: next.reason, category: next.category, saidOn: next.saidOn };
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => k !== "article" && before[k] !== after[k]);
  const personChanged = (["name", "phone", "email"] as const).filter((k) => (who?.[k] ?? null) !== person[k]);
  if (changed.length === 0 && personChanged.length === 0) return { ok: true, value: { returnTo: returnTo(allowed.value) } };
  await db.transaction(async (tx) => {
    let commenterId = c.commenterId;
    if (personChanged.length > 0) {
      if (commenterId) await tx.update(commenters).set(person).where(eq(commenters.id, commenterId));
      else [{ id: commenterId }] = await tx.insert(commenters).values({ ...person, createdAt: options.now }).returning({ id: commenters.id }) as [{ id: string }];
    }
    await tx.update(comments).set({ ...next, commenterId, updatedAt: options.now }).where(eq(comments.id, c.id));
    await enqueue(tx, { topic: "comment.changed", aggregateType: "comment", aggregateId: c.id, payload: { reason: "edited" } });
    await recordAudit(tx, {
      actorUserId: actor.id, action: "comment.edit", subjectType: "comment", subjectId: c.id, at: options.now, requestId: options.requestId,
      // What it said before (never the personal data itself: only which of it changed).
      detail: { changed: [...changed, ...personChanged], before: Object.fromEntries(changed.map((k) => [k, before[k]])), ...(changed.includes("provisionKey") ? { articleBefore: label } : {}) },
    });
  });
  return { ok: true, value: { returnTo: returnTo(allowed.value) } };
}
