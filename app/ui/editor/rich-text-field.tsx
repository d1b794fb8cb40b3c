/**
 * A rich-text form field that works without JavaScript.
 *
 * The server renders a labelled <textarea name={name}>, which is the whole field when JavaScript is
 * off (the action then calls `richTextFromPlain`, or `richTextFromForm`, which picks for it). After
 * hydration the Lexical editor is loaded lazily (React.lazy + Suspense) and mounted beside the
 * textarea; while it loads, or if it fails to load, the textarea stays the field, so typing is never
 * lost. Once the editor is in the page it starts from the textarea's current text (or from
 * `defaultJson` if the text was not touched), the textarea is hidden but kept in the form with the
 * editor's plain text, and a hidden input `jsonName` carries the Lexical JSON.
 *
 * This module must not import Lexical: everything Lexical lives behind the lazy boundary
 * (./rich-text-editor.client.tsx), checked by tests/platform/rich-text-field.test.ts.
 * To clear the field after a save (e.g. the staff entry screen), change its `key`.
 */
import { Component, Suspense, lazy, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { RichTextToolbarLabels } from "./format-toolbar.client";

export type { RichTextToolbarLabels };

const RichTextEditor = lazy(() => import("./rich-text-editor.client"));

/** Until the message catalogue has `editor.*` keys, routes pass translated labels; these are zh-CN. */
export const DEFAULT_TOOLBAR_LABELS: RichTextToolbarLabels = { toolbar: "文字格式", bold: "加粗", italic: "倾斜", underline: "下划线" };

export interface RichTextFieldProps {
  /** Form field for the plain text (the textarea). */
  name: string;
  /** Hidden form field for the Lexical JSON; present only while the editor runs. */
  jsonName: string;
  label: string;
  /** Defaults to `f-${name}`, as `Field` does. */
  id?: string;
  hint?: string;
  /** Already translated error message; shown under the field and announced. */
  error?: string;
  /** More ids describing the field (e.g. a quoted article), in addition to hint and error. */
  describedBy?: string;
  required?: boolean;
  defaultText?: string;
  /** JSON as submitted before (a string) or as stored (an object); used only if the text is unchanged. */
  defaultJson?: string | object | null;
  rows?: number;
  toolbarLabels?: Partial<RichTextToolbarLabels>;
  /** false keeps the plain textarea (e.g. where the editor adds nothing). */
  enhance?: boolean;
}

export function RichTextField(props: RichTextFieldProps) {
  const { name, jsonName, label, hint, error, required, defaultText = "", rows = 8, enhance = true } = props;
  const id = props.id ?? `f-${name}`;
  const labelId = `${id}-label`;
  const editorId = `${id}-editor`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, props.describedBy ?? null].filter(Boolean).join(" ") || undefined;
  const labels = { ...DEFAULT_TOOLBAR_LABELS, ...props.toolbarLabels };

  const textarea = useRef<HTMLTextAreaElement>(null);
  const jsonInput = useRef<HTMLInputElement | null>(null);
  const latestJson = useRef("");
  const focusEditor = useRef<(() => void) | null>(null);
  // "plain": server render and first client render (they must match); "loading": editor requested.
  const [mode, setMode] = useState<"plain" | "loading" | "ready">("plain");

  useEffect(() => {
    if (enhance) setMode("loading");
  }, [enhance]);

  const defaultJsonString = typeof props.defaultJson === "string" ? props.defaultJson : props.defaultJson ? JSON.stringify(props.defaultJson) : undefined;
  const initial = useCallback(() => {
    const text = textarea.current?.value ?? defaultText;
    return text === defaultText && defaultJsonString ? { text, json: defaultJsonString } : { text };
  }, [defaultText, defaultJsonString]);

  const onChange = useCallback((text: string, json: string) => {
    if (textarea.current) textarea.current.value = text;
    latestJson.current = json;
    if (jsonInput.current) jsonInput.current.value = json;
  }, []);

  const onReady = useCallback((focus: () => void) => {
    const hadFocus = typeof document !== "undefined" && document.activeElement === textarea.current;
    focusEditor.current = focus;
    setMode("ready");
    if (hadFocus) focus();
  }, []);

  const ready = mode === "ready";
  return (
    <div className={`field rich-text-field${error ? " field--error" : ""}`}>
      <label
        id={labelId}
        htmlFor={id}
        onClick={ready ? (e) => { e.preventDefault(); focusEditor.current?.(); } : undefined}
      >
        {label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
      </label>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      <textarea
        ref={textarea}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultText}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        // A hidden required control would block submission with a message nobody can see.
        required={required && !ready ? true : undefined}
        hidden={ready}
      />
      {mode !== "plain" ? (
        <EditorBoundary onError={() => setMode("plain")}>
          <Suspense fallback={null}>
            <RichTextEditor
              id={editorId}
              labelId={labelId}
              describedBy={describedBy}
              invalid={!!error}
              required={required}
              labels={labels}
              initial={initial}
              onChange={onChange}
              onReady={onReady}
            />
          </Suspense>
        </EditorBoundary>
      ) : null}
      {ready ? (
        <input
          type="hidden"
          name={jsonName}
          ref={(el) => {
            jsonInput.current = el;
            if (el) el.value = latestJson.current;
          }}
        />
      ) : null}
      {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : null}
    </div>
  );
}

/** If the editor cannot load or crashes, fall back to the textarea, which still holds the text. */
class EditorBoundary extends Component<{ onError: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    this.props.onError();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
