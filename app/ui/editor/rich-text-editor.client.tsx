/**
 * The Lexical editor behind `RichTextField`. Client only (`.client.tsx`: the classic compiler empties
 * it in the server build) and loaded lazily, so no read page and no first paint carries Lexical.
 *
 * It registers no extra node types: the editor produces paragraphs, text (bold/italic/underline),
 * line breaks and tabs. Pasted headings, quotes, links, lists become paragraphs of text; other
 * formats, inline styles, alignment and indent are stripped as they arrive, so what the user sees is
 * what the server keeps (app/platform/rich-text/).
 */
import { LexicalComposer, type InitialConfigType } from "@lexical/react/LexicalComposer";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { OnChangePlugin } from "@lexical/react/LexicalOnChangePlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import {
  $getRoot, $parseSerializedNode, ParagraphNode, TextNode, mergeRegister,
  type EditorState, type LexicalEditor, type LexicalNode, type SerializedLexicalNode,
} from "lexical";
import { useEffect, useRef } from "react";
import { plainTextToEditorState } from "../../platform/rich-text/plain-text";
import { ALLOWED_TEXT_FORMAT_MASK } from "../../platform/rich-text/types";
import { FormatToolbar, type RichTextToolbarLabels } from "./format-toolbar.client";

export interface RichTextEditorProps {
  /** id of the editable element. */
  id: string;
  labelId: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  labels: RichTextToolbarLabels;
  /** Read once, when the editor is created: the textarea's current text, and JSON if it still matches. */
  initial: () => { text: string; json?: string };
  onChange: (text: string, json: string) => void;
  /** Called once the editor is in the page, with a way to focus it. */
  onReady: (focus: () => void) => void;
}

const THEME = {
  paragraph: "rich-text-editor__p",
  text: { bold: "rich-text-editor__bold", italic: "rich-text-editor__italic", underline: "rich-text-editor__underline" },
};

export default function RichTextEditor(props: RichTextEditorProps) {
  const initialConfig: InitialConfigType = {
    namespace: "minyi-rich-text",
    theme: THEME,
    onError: (error) => {
      throw error;
    },
    editorState: () => $setInitialContent(props.initial()),
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="rich-text-editor">
        <FormatToolbar labels={props.labels} controls={props.id} />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id={props.id}
              className="rich-text-editor__input"
              role="textbox"
              aria-multiline="true"
              aria-labelledby={props.labelId}
              aria-describedby={props.describedBy}
              aria-invalid={props.invalid || undefined}
              aria-required={props.required || undefined}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <OnChangePlugin onChange={(state) => props.onChange(...serialise(state))} />
      <KeepAllowedFormatsPlugin />
      <ReadyPlugin onChange={props.onChange} onReady={props.onReady} />
    </LexicalComposer>
  );
}

function serialise(state: EditorState): [text: string, json: string] {
  return [state.read(() => $getRoot().getTextContent()), JSON.stringify(state.toJSON())];
}

/** Saved JSON if it parses with this editor's nodes, else the text read the way the server reads it. */
function $setInitialContent({ text, json }: { text: string; json?: string }): void {
  const root = $getRoot();
  if (json) {
    try {
      const parsed = JSON.parse(json) as { root?: { children?: SerializedLexicalNode[] } };
      const nodes: LexicalNode[] = (parsed.root?.children ?? []).map((c) => $parseSerializedNode(c));
      if (nodes.length > 0) {
        root.clear().append(...nodes);
        return;
      }
    } catch {
      // fall through to the text, which the field always has
    }
  }
  root.clear().append(...plainTextToEditorState(text).root.children.map((c) => $parseSerializedNode(c)));
}

/** Strip what the server would drop anyway, as soon as it arrives (typically by paste). */
function KeepAllowedFormatsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          const format = node.getFormat();
          if ((format & ~ALLOWED_TEXT_FORMAT_MASK) !== 0) node.setFormat(format & ALLOWED_TEXT_FORMAT_MASK);
          if (node.getStyle() !== "") node.setStyle("");
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          if (node.getFormatType() !== "") node.setFormat("");
          if (node.getIndent() !== 0) node.setIndent(0);
        }),
      ),
    [editor],
  );
  return null;
}

/** Push the first content to the form (OnChangePlugin skips the initial state), then say so. */
function ReadyPlugin({ onChange, onReady }: Pick<RichTextEditorProps, "onChange" | "onReady">) {
  const [editor] = useLexicalComposerContext();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    onChange(...serialise(editor.getEditorState()));
    onReady(() => focusAtEnd(editor));
  }, [editor, onChange, onReady]);
  return null;
}

function focusAtEnd(editor: LexicalEditor): void {
  editor.focus(undefined, { defaultSelection: "rootEnd" });
}
