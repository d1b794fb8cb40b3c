/**
 * A comment from the public on a draft open for consultation: validated, rate-limited, idempotent
 * (a double click or a retried request never makes two), durable before the answer, and followed
 * by a receipt code. Personal data only with consent, kept apart, with a retention date.
 */
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { cstDate } from "../drafts/china-time";
import { msg } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { createRateLimiter, type RateLimiter } from "../platform/rate-limit.server";
import type { RichText } from "../platform/rich-text/types";
import { parseForm, type FieldErrors } from "../platform/forms";
import { richTextFieldError, richTextFromForm } from "../platform/rich-text/rich-text.server";
import { categoryField, emailField, LIMITS, phoneField, writtenText } from "./comment-fields";
import { clauseByKey, recentCommentTarget } from "./comment-target.server";
import { isBlank } from "./text-rules";
import { recordOneComment } from "./record-one-comment.server";
import { recordedByKey } from "./record-comments.server";

/** The wording people agree to; its version is stored with the consent. */
export const CONSENT_VERSION = "2026-11";
/** Personal data is kept for two years after the consultation closes. */
export const RETENTION_YEARS = 2;

export const PublicCommentInput = z
  .object({
    provision: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
    proposedText: writtenText(LIMITS.proposedText, { required: false }),
    reason: writtenText(LIMITS.reason, { required: false }),
    category: categoryField,
    region: writtenText(LIMITS.region, { required: false }),
    name: writtenText(LIMITS.name, { required: false }),
    phone: phoneField,
    email: emailField,
    consent: z.preprocess((v) => v === "on" || v === "yes" || v === "true", z.boolean()),
    /** A field people never see; software that fills every field fills it. */
    website: z.preprocess((v) => (v === undefined ? "" : v), z.string()),
    idempotencyKey: z.string({ error: msg("errors.invalid") }).regex(/^[A-Za-z0-9_-]{16,64}$/, msg("errors.invalid")),
  })
  .superRefine((c, ctx) => {
    if (needsConsent(c) && !c.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: msg("comment.consentRequired") });
  });

/** Any personal detail given: then consent is required. */
function needsConsent(values: { name?: unknown; phone?: unknown; email?: unknown }): boolean {
  return [values.name, values.phone, values.email].some((v) => typeof v === "string" && !isBlank(v));
}
export type PublicCommentInput = z.infer<typeof PublicCommentInput>;

/** A fresh key for each form shown: sending the same form twice records one comment. */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

export type SubmitResult =
  | Outcome<{ receiptCode: string; pending: boolean }>
  | { ok: false; error: "closed" }
  | { ok: false; error: "rate_limited"; retryAfterMs: number }
  | { ok: false; error: "spam" };

const TEN_MINUTES = 10 * 60 * 1000;
export const publicLimiters = {
  ip: createRateLimiter({ limit: 30, windowMs: TEN_MINUTES }),
  visitor: createRateLimiter({ limit: 10, windowMs: TEN_MINUTES }),
};

export interface SubmitContext {
  now: Date;
  clientIp: string;
  visitorId: string | null;
  /** Keys the client address hash, so abuse can be traced without keeping addresses. */
  secret: string;
  limiters?: { ip: RateLimiter; visitor: RateLimiter };
}

export async function submitPublicComment(
  db: Db,
  input: { slug: string; fields: PublicCommentInput; body: RichText },
  ctx: SubmitContext,
): Promise<SubmitResult> {
  const { fields } = input;
  if (fields.website !== "") return { ok: false, error: "spam" };
  const limiters = ctx.limiters ?? publicLimiters;
  const now = ctx.now.getTime();
  for (const [limiter, key] of [[limiters.ip, ctx.clientIp], [limiters.visitor, ctx.visitorId]] as const) {
    if (!key) continue;
    const r = limiter.hit(key, now);
    if (!r.allowed) {
      // A retry of a submission that already went through gets its receipt, whatever the limits say.
      const earlier = await recordedByKey(db, fields.idempotencyKey);
      if (earlier) return { ok: true, value: { receiptCode: earlier.receiptCode, pending: false } };
      return { ok: false, error: "rate_limited", retryAfterMs: r.retryAfterMs };
    }
  }
  const target = await recentCommentTarget(db, input.slug, ctx.now);
  if (!target) return { ok: false, error: "not_found" };
  if (!target.consultation || !target.consultation.publicComments || target.window.state !== "open") return { ok: false, error: "closed" };
  let provision: { id: string; key: string } | null = null;
  if (fields.provision) {
    provision = await clauseByKey(db, target.version.id, fields.provision);
    if (!provision) return invalid({ provision: { key: "comment.provisionUnknown" } });
  }
  const pending = target.consultation.moderation === "pre";
  const retainUntil = new Date(target.consultation.closesAt);
  retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + RETENTION_YEARS);
  const recorded = await recordOneComment(
    db,
    {
      draftId: target.draft.id, versionId: target.version.id, provisionId: provision?.id ?? null, provisionKey: provision?.key ?? null,
      consultationId: target.consultation.id, source: "public", channel: "online", category: fields.category, region: fields.region ?? null,
      body: input.body, proposedText: fields.proposedText ?? null, reason: fields.reason ?? null,
      moderationStatus: pending ? "pending" : "approved", idempotencyKey: fields.idempotencyKey,
      clientHash: createHmac("sha256", ctx.secret).update(ctx.clientIp).digest("base64url").slice(0, 22),
      commenter: needsConsent(fields)
        ? { name: fields.name ?? null, phone: fields.phone ?? null, email: fields.email ?? null, consentAt: ctx.now, consentVersion: CONSENT_VERSION, retainUntil: cstDate(retainUntil) }
        : null,
    },
    ctx.now,
  );
  if (recorded) return { ok: true, value: { receiptCode: recorded.receiptCode, pending } };
  // The same submission arrived twice (double click, retry): the first one's receipt answers both.
  const other = await recordedByKey(db, fields.idempotencyKey);
  if (!other) throw new Error("idempotency key conflicted but no comment holds it");
  return { ok: true, value: { receiptCode: other.receiptCode, pending } };
}

const BODY_LIMITS = { maxChars: LIMITS.body };

/** The public form as posted: every field checked, then submitted. What the route calls. */
export async function submitPublicCommentForm(
  db: Db,
  slug: string,
  form: FormData,
  ctx: SubmitContext,
): Promise<{ result: SubmitResult; values: Record<string, string> }> {
  const parsed = parseForm(PublicCommentInput, form);
  const body = richTextFromForm(form, { name: "body", jsonName: "bodyJson" }, BODY_LIMITS);
  const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(body.ok ? {} : { body: richTextFieldError(body.error, BODY_LIMITS) }) };
  // Said even when other fields are wrong too (zod checks it only once the rest parses).
  if (!errors.consent && needsConsent(parsed.values) && parsed.values.consent !== "on") errors.consent = { key: "comment.consentRequired" };
  if (!parsed.ok || !body.ok) return { result: invalid(errors), values: parsed.values };
  return { result: await submitPublicComment(db, { slug, fields: parsed.data, body: body.value }, ctx), values: parsed.values };
}
