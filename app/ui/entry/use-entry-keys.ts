/**
 * Keys of the fast-entry form (with JavaScript): Enter in a one-line field or a select moves to the
 * next field, Enter in the last field saves, Ctrl+Enter (⌘+Enter) saves from anywhere — a textarea
 * keeps Enter for new lines. Enter that confirms an IME candidate (Chinese input) is left alone, and
 * so is an Enter the article picker used to choose a clause.
 */
import type { KeyboardEvent, RefObject } from "react";

export function useEntryKeys(form: RefObject<HTMLFormElement | null>, save: () => void) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== "Enter" || e.nativeEvent.isComposing || e.keyCode === 229 || e.altKey || e.shiftKey) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      save();
      return;
    }
    const target = e.target;
    if (e.defaultPrevented || !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    const fields = Array.from(form.current?.querySelectorAll<HTMLElement>("[data-entry-field]") ?? []);
    const at = fields.indexOf(target);
    if (at < 0) return;
    e.preventDefault();
    const next = fields[at + 1];
    if (next) next.focus();
    else save();
  };
}
