/**
 * Keeps what was typed into the fast-entry form in this tab's sessionStorage until it is saved, so
 * leaving to edit an earlier view, a reload or a lost connection never loses a half-typed view. The
 * form's key is kept with it: sending the restored form again cannot make a second comment.
 */
import { useCallback, useEffect, useState, type RefObject } from "react";

export interface UnsavedEntry {
  formKey: string;
  values: Record<string, string>;
}

const read = (key: string): UnsavedEntry | null => {
  try {
    const raw = window.sessionStorage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as UnsavedEntry) : null;
    return parsed && typeof parsed.formKey === "string" && parsed.values && typeof parsed.values === "object" ? parsed : null;
  } catch {
    return null;
  }
};

/** Fields worth restoring: anything typed other than the defaults. */
const TYPED = ["article", "body", "proposedText", "reason", "name", "contact"];

export function useUnsavedEntry(storageKey: string, form: RefObject<HTMLFormElement | null>) {
  const [restored, setRestored] = useState<UnsavedEntry | null>(null);
  useEffect(() => {
    const found = read(storageKey);
    if (found && TYPED.some((f) => (found.values[f] ?? "").trim() !== "")) setRestored(found);
  }, [storageKey]);

  const remember = useCallback(() => {
    const el = form.current;
    if (!el) return;
    const values: Record<string, string> = {};
    for (const [k, v] of new FormData(el)) if (typeof v === "string" && k !== "formKey" && k !== "js") values[k] = v;
    const formKey = (el.elements.namedItem("formKey") as HTMLInputElement | null)?.value ?? "";
    try {
      if (TYPED.some((f) => (values[f] ?? "").trim() !== "")) window.sessionStorage.setItem(storageKey, JSON.stringify({ formKey, values }));
      else window.sessionStorage.removeItem(storageKey);
    } catch {
      // Storage full or disabled: nothing else to do.
    }
  }, [form, storageKey]);

  const forget = useCallback(() => {
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch {
      // ignore
    }
  }, [storageKey]);

  return { restored, remember, forget };
}
