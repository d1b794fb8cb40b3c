/**
 * The forms of staff entry: one view as a contact point's staff write it down (article, view,
 * proposed wording, reason, who said it, when), and a symposium. Pure (zod); the same limits as
 * every other way in (comment-fields.ts).
 */
import { z } from "zod";
import { msg } from "../platform/forms";
import { cstDate } from "../drafts/china-time";
import { categoryField, emailField, LIMITS, phoneField, writtenText } from "./comment-fields";
import { halfWidthDigits, isBlank } from "./text-rules";

/** What may be typed into the article field: "128", "第一百二十八条", "133-1", or nothing for the whole draft. */
export const MAX_ARTICLE_INPUT = 40;

const blankToUndefined = (v: unknown) => (typeof v === "string" && isBlank(v) ? undefined : typeof v === "string" ? v.trim() : v);

/** A real calendar date (YYYY-MM-DD) no later than today in China; 2027-02-30 is refused, not rolled over. */
export function pastDate(now: () => Date) {
  return z
    .string({ error: msg("errors.required") })
    .trim()
    .min(1, msg("errors.required"))
    .regex(/^\d{4}-\d{2}-\d{2}$/, msg("errors.dateFormat"))
    .refine((d) => {
      const ms = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d && d >= "1990-01-01";
    }, msg("errors.dateFormat"))
    .refine((d) => d <= cstDate(now()), msg("staff.entry.dateInFuture"));
}

/**
 * 联系方式: one field for a phone number or an e-mail address, as people give either; an "@"
 * decides which it is.
 */
export const contactField = z.preprocess(blankToUndefined, z.string().max(254, msg("errors.tooLong", { max: 254 })).optional()).transform((v, ctx) => {
  if (v === undefined) return { phone: undefined, email: undefined };
  const parsed = v.includes("@") ? emailField.safeParse(v) : phoneField.safeParse(v);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? msg("errors.invalid") });
    return z.NEVER;
  }
  return v.includes("@") ? { phone: undefined, email: parsed.data } : { phone: parsed.data, email: undefined };
});

/** 身份: blank means "not said" and is stored as other. */
export const entryCategoryField = z.preprocess((v) => (v === "" || v === undefined ? "other" : v), categoryField);

export function entryFields(now: () => Date) {
  return {
    article: z.preprocess((v) => (typeof v === "string" ? halfWidthDigits(v).trim() : ""), z.string().max(MAX_ARTICLE_INPUT, msg("errors.tooLong", { max: MAX_ARTICLE_INPUT }))),
    /** Set by the picker when a clause was chosen from the list; the typed text is read otherwise. */
    articleKey: z.preprocess(blankToUndefined, z.string().max(200).optional()),
    body: writtenText(LIMITS.body, { required: true }),
    proposedText: writtenText(LIMITS.proposedText, { required: false }),
    reason: writtenText(LIMITS.reason, { required: false }),
    name: writtenText(LIMITS.name, { required: false }),
    category: entryCategoryField,
    contact: contactField,
    saidOn: pastDate(now),
  };
}

/** One view entered on the fast-entry screen; `formKey` is fresh per form render (idempotency). */
export function entryInput(now: () => Date = () => new Date()) {
  return z.object({ ...entryFields(now), formKey: z.string({ error: msg("errors.invalid") }).uuid(msg("errors.invalid")) });
}
export type EntryInput = z.infer<ReturnType<typeof entryInput>>;

export function editInput(now: () => Date = () => new Date()) {
  return z.object(entryFields(now));
}
export type EditInput = z.infer<ReturnType<typeof editInput>>;

const attendance = z.preprocess(
  (v) => (typeof v === "string" ? halfWidthDigits(v).trim() : v),
  z
    .string({ error: msg("errors.required") })
    .min(1, msg("errors.required"))
    .regex(/^\d{1,6}$/, msg("staff.symposium.attendanceFormat"))
    .transform(Number),
);

export function symposiumInput(now: () => Date = () => new Date()) {
  return z.object({
    contactPointId: z.string({ error: msg("errors.required") }).uuid(msg("errors.invalidChoice")),
    draftId: z.string({ error: msg("errors.required") }).uuid(msg("errors.invalidChoice")),
    heldOn: pastDate(now),
    place: writtenText(200, { required: true }),
    attendance,
    topic: writtenText(200, { required: false }),
  });
}
export type SymposiumInput = z.infer<ReturnType<typeof symposiumInput>>;
