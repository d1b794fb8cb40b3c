/**
 * The fields of a comment, whoever enters it (public form, staff entry, spreadsheet row), with the
 * same limits everywhere: what is too long is refused with a message, never cut. Pure (zod).
 */
import { z } from "zod";
import { COMMENTER_CATEGORIES } from "../../db/schema/vocabulary";
import { msg } from "../platform/forms";
import { normalisePhone, isEmail } from "./contact-details";
import { charLength, hasUnstorableCharacters, isBlank } from "./text-rules";

export const LIMITS = {
  body: 10_000,
  proposedText: 5_000,
  reason: 5_000,
  name: 50,
  affiliation: 100,
  address: 200,
  region: 100,
} as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && isBlank(v) ? undefined : v);
const storable = (max: number) =>
  z
    .string({ error: msg("errors.required") })
    .refine((s) => !hasUnstorableCharacters(s), msg("errors.unstorable"))
    .refine((s) => charLength(s) <= max, msg("errors.tooLong", { max }));
const writtenRequired = (max: number) => z.preprocess(blankToUndefined, storable(max));
const writtenOptional = (max: number) => z.preprocess(blankToUndefined, storable(max).optional());

/** Free text as people wrote it: stored exactly; blank is "not given" (an error when required). */
export function writtenText(max: number, options: { required: true }): ReturnType<typeof writtenRequired>;
export function writtenText(max: number, options: { required: false }): ReturnType<typeof writtenOptional>;
export function writtenText(max: number, options: { required: boolean }) {
  return options.required ? writtenRequired(max) : writtenOptional(max);
}

export const phoneField = z.preprocess(
  (v) => (typeof v === "string" && isBlank(v) ? undefined : v),
  z
    .string()
    .transform((s, ctx) => {
      const r = normalisePhone(s);
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: msg("errors.phone") });
        return z.NEVER;
      }
      return r.value;
    })
    .optional(),
);

export const emailField = z.preprocess(
  (v) => (typeof v === "string" && isBlank(v) ? undefined : typeof v === "string" ? v.trim() : v),
  z.string().refine(isEmail, msg("errors.email")).optional(),
);

export const categoryField = z.enum(COMMENTER_CATEGORIES, { error: msg("errors.invalidChoice") });
