/**
 * Plain text (the no-JavaScript <textarea>) → canonical Lexical JSON. Shared by the server
 * (`richTextFromPlain`) and the client editor (the textarea's content becomes the editor's first
 * content), so both read a textarea the same way:
 * - line endings: CRLF and CR become LF (browsers submit CRLF); nothing else about the text changes;
 * - blank lines (only whitespace or zero-width characters) separate paragraphs and are not kept;
 * - a single line break inside a paragraph becomes a linebreak node, a tab a tab node, as Lexical does.
 */
import {
  isBlankText, lineBreakNode, paragraphNode, rootNode, tabNode, textNode,
  type CanonicalEditorState, type CanonicalInline, type CanonicalParagraph,
} from "./types";

export function plainTextToEditorState(input: string): CanonicalEditorState {
  const paragraphs: CanonicalParagraph[] = [];
  let current: CanonicalInline[] | null = null;
  for (const line of input.replace(/\r\n?/g, "\n").split("\n")) {
    if (isBlankText(line)) {
      if (current) paragraphs.push(paragraphNode(current));
      current = null;
      continue;
    }
    if (current) current.push(lineBreakNode());
    else current = [];
    appendLine(current, line);
  }
  if (current) paragraphs.push(paragraphNode(current));
  // An empty document is one empty paragraph, as in a fresh Lexical editor.
  return rootNode(paragraphs.length > 0 ? paragraphs : [paragraphNode([])]);
}

function appendLine(into: CanonicalInline[], line: string): void {
  const parts = line.split("\t");
  parts.forEach((part, i) => {
    if (i > 0) into.push(tabNode());
    if (part !== "") into.push(textNode(part));
  });
}
