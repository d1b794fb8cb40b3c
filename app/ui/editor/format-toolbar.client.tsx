/**
 * Bold / italic / underline, as an ARIA toolbar: one tab stop, arrow keys move between buttons,
 * aria-pressed follows the selection. The visible words are the accessible names (label in name),
 * styled to show what they do. Ctrl/⌘+B, I, U are handled by Lexical itself.
 */
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from "lexical";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

export interface RichTextToolbarLabels {
  toolbar: string;
  bold: string;
  italic: string;
  underline: string;
}

const FORMATS = [
  { format: "bold", key: "B" },
  { format: "italic", key: "I" },
  { format: "underline", key: "U" },
] as const;
type Format = (typeof FORMATS)[number]["format"];

export function FormatToolbar({ labels, controls }: { labels: RichTextToolbarLabels; controls: string }) {
  const [editor] = useLexicalComposerContext();
  const [active, setActive] = useState<Record<Format, boolean>>({ bold: false, italic: false, underline: false });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) =>
        editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return;
          const next = { bold: selection.hasFormat("bold"), italic: selection.hasFormat("italic"), underline: selection.hasFormat("underline") };
          setActive((prev) => (prev.bold === next.bold && prev.italic === next.italic && prev.underline === next.underline ? prev : next));
        }),
      ),
    [editor],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = FORMATS.length - 1;
    const target =
      event.key === "ArrowRight" ? (focusIndex === last ? 0 : focusIndex + 1)
      : event.key === "ArrowLeft" ? (focusIndex === 0 ? last : focusIndex - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    setFocusIndex(target);
    buttons.current[target]?.focus();
  }

  return (
    <div role="toolbar" aria-label={labels.toolbar} aria-controls={controls} className="rich-text-editor__toolbar" onKeyDown={onKeyDown}>
      {FORMATS.map(({ format, key }, i) => (
        <button
          key={format}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          className={`rich-text-editor__button rich-text-editor__button--${format}`}
          aria-pressed={active[format]}
          aria-keyshortcuts={`Control+${key} Meta+${key}`}
          title={`${labels[format]} (Ctrl+${key})`}
          tabIndex={i === focusIndex ? 0 : -1}
          // Keep the editor's selection when clicked with a mouse.
          onMouseDown={(e) => e.preventDefault()}
          onFocus={() => setFocusIndex(i)}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
        >
          {labels[format]}
        </button>
      ))}
    </div>
  );
}
