/**
 * Rich text at write time: validate what the form sent and derive what read pages show.
 *
 * - `richTextFromJson`: the editor's hidden JSON field (a string) or an already parsed object.
 * - `richTextFromPlain`: the <textarea> when JavaScript is off.
 * - `richTextFromForm`: picks between the two — the JSON field exists only once the editor ran.
 *
 * All three return the same shape and apply the same checks: size (JSON bytes as received and as
 * stored, characters of plain text), then structure, then blankness. Expected failures are values.
 */
import { Buffer } from "node:buffer";
import type { FieldError } from "../forms";
import { canonicalEditorState, countCodePoints, hasForbiddenCharacters } from "./canonical-json.server";
import { plainTextToEditorState } from "./plain-text";
import { renderRichText } from "./render.server";
import {
  DEFAULT_RICH_TEXT_LIMITS, isBlankText, type CanonicalEditorState, type RichTextError, type RichTextLimits, type RichTextResult,
} from "./types";

export function richTextFromJson(json: unknown, limits?: RichTextLimits): RichTextResult {
  const { maxBytes } = { ...DEFAULT_RICH_TEXT_LIMITS, ...limits };
  let parsed: unknown = json;
  if (typeof json === "string") {
    // Cheap bound before the parse: UTF-8 is at most 3 bytes per UTF-16 unit.
    if (json.length > maxBytes || Buffer.byteLength(json, "utf8") > maxBytes) return { ok: false, error: "too_long" };
    try {
      parsed = JSON.parse(json);
    } catch {
      return { ok: false, error: "invalid" };
    }
  }
  const state = canonicalEditorState(parsed);
  return state ? finish(state, limits) : { ok: false, error: "invalid" };
}

export function richTextFromPlain(text: string, limits?: RichTextLimits): RichTextResult {
  if (typeof text !== "string") return { ok: false, error: "invalid" };
  const { maxChars } = { ...DEFAULT_RICH_TEXT_LIMITS, ...limits };
  // Blank lines are dropped below, so bound the raw input first (generously: 2× plus line endings).
  if (text.length > maxChars * 2 + 1024) return { ok: false, error: "too_long" };
  if (hasForbiddenCharacters(text.replace(/\r\n?|\n/g, ""))) return { ok: false, error: "invalid" };
  return finish(plainTextToEditorState(text), limits);
}

/**
 * The form's rich-text value: the JSON field when the editor sent one (non-empty), else the
 * textarea. Missing fields count as empty text.
 */
export function richTextFromForm(form: FormData, names: { name: string; jsonName: string }, limits?: RichTextLimits): RichTextResult {
  const json = form.get(names.jsonName);
  if (typeof json === "string" && json.trim() !== "") return richTextFromJson(json, limits);
  const text = form.get(names.name);
  return richTextFromPlain(typeof text === "string" ? text : "", limits);
}

/** The field error to show for a rejected rich text, with the existing message keys. */
export function richTextFieldError(error: RichTextError, limits?: RichTextLimits): FieldError {
  if (error === "empty") return { key: "errors.required" };
  if (error === "too_long") return { key: "errors.tooLong", params: { max: limits?.maxChars ?? DEFAULT_RICH_TEXT_LIMITS.maxChars } };
  return { key: "errors.invalid" };
}

function finish(state: CanonicalEditorState, limits: RichTextLimits | undefined): RichTextResult {
  const { maxChars, maxBytes } = { ...DEFAULT_RICH_TEXT_LIMITS, ...limits };
  const { html, text } = renderRichText(state);
  if (countCodePoints(text) > maxChars) return { ok: false, error: "too_long" };
  if (isBlankText(text)) return { ok: false, error: "empty" };
  // The stored form adds Lexical's default fields, so it can outgrow a minimal input.
  if (Buffer.byteLength(JSON.stringify(state), "utf8") > maxBytes) return { ok: false, error: "too_long" };
  return { ok: true, value: { json: state, html, text } };
}
