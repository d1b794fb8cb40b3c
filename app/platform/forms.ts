/**
 * Form parsing shared by every action: zod schemas whose messages are message keys, turned into
 * field errors that the UI shows next to each field in the reader's language.
 */
import { z } from "zod";
import { isMessageKey, type MessageKey } from "./i18n/translate";

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

export type FormResult<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Encode a message key with parameters into a zod message: "errors.tooLong?max=200". */
export function msg(key: MessageKey, params?: Record<string, string | number>): string {
  if (!params) return key;
  return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

export function decodeMessage(message: string): FieldError {
  const [key, query] = message.split("?", 2) as [string, string | undefined];
  if (!isMessageKey(key)) return { key: "errors.invalid" };
  if (!query) return { key };
  const params: Record<string, string | number> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = /^\d+$/.test(v) ? Number(v) : v;
  return { key, params };
}

/** A required single-line text field: trimmed, not blank, at most `max` characters (never cut). */
export function requiredText(max: number) {
  return z
    .string({ error: msg("errors.required") })
    .trim()
    .min(1, msg("errors.required"))
    .max(max, msg("errors.tooLong", { max }));
}

/** An optional text field: blank becomes undefined. */
export function optionalText(max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, msg("errors.tooLong", { max })).optional(),
  );
}

export function choice<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: msg("errors.invalidChoice") });
}

/** What was typed, to put back into a rejected form (never passwords). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !k.startsWith("password")) values[k] = v;
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): FormResult<z.infer<S>> {
  const values = formValues(form);
  const input: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).map((v) => (typeof v === "string" ? v : undefined));
    // Repeated fields (checkbox groups) arrive as arrays; names ending in [] always do.
    input[key.endsWith("[]") ? key.slice(0, -2) : key] = key.endsWith("[]") || all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (!fieldErrors[field]) fieldErrors[field] = decodeMessage(issue.message);
  }
  return { ok: false, fieldErrors, values };
}
