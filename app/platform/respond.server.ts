/** Maps expected failures to HTTP: 400 with field errors (and the values typed), 403, 404, 409. */
import { data } from "@remix-run/node";
import type { FieldErrors } from "./forms";
import type { Outcome } from "./outcome";

export interface ActionFailure {
  ok: false;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
}

export function rejectForm(fieldErrors: FieldErrors, values: Record<string, string>, status = 400) {
  return data<ActionFailure>({ ok: false, fieldErrors, values }, { status });
}

/**
 * The one way actions answer a use case: `onOk` for success, the form back with its errors (400)
 * for invalid input, and 403/404/409 for the other expected failures.
 */
export function settle<T, R>(outcome: Outcome<T>, values: Record<string, string>, onOk: (value: T) => R): R | ReturnType<typeof rejectForm> {
  if (outcome.ok) return onOk(outcome.value);
  switch (outcome.error) {
    case "invalid":
      return rejectForm(outcome.fieldErrors, values);
    case "forbidden":
      throw data({ reason: "forbidden" }, { status: 403 });
    case "not_found":
      throw data({ reason: "not_found" }, { status: 404 });
    case "conflict":
      throw data({ reason: "conflict" }, { status: 409 });
  }
}

/** For loaders: the value, or the matching 403/404/409 (a loader has no form to send back). */
export function valueOrThrow<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  const status = { forbidden: 403, not_found: 404, conflict: 409, invalid: 400 }[outcome.error];
  throw data({ reason: outcome.error }, { status });
}

export function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}
