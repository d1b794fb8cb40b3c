import type { FieldErrors } from "./forms";

/** What a use case returns: a value, or an expected failure the route maps to a status and message. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: "forbidden" | "not_found" | "conflict" }
  | { ok: false; error: "invalid"; fieldErrors: FieldErrors };

export function invalid(fieldErrors: FieldErrors): { ok: false; error: "invalid"; fieldErrors: FieldErrors } {
  return { ok: false, error: "invalid", fieldErrors };
}
