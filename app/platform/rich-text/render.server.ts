/**
 * Canonical JSON → HTML and plain text, in one walk, with no DOM.
 *
 * Why not `$generateHtmlFromNodes` under `withDOM` (stack-notes §5)? It costs ~6 ms per document in
 * happy-dom (the intake needs ~1,000 conversions/s on 2 cores), and its output carries Lexical's
 * `style="white-space: pre-wrap;"`, `class`, `dir` and `<b>`/`<i>` wrappers that would then need a
 * sanitiser. Here the output can only hold the tags this file writes — p, br, strong, em, u, h2–h4,
 * blockquote — with no attributes at all, and every text is escaped. Read pages show it inside an
 * element with `white-space: pre-wrap` (see the report's CSS) so spaces and tabs keep their width.
 *
 * Plain text follows Lexical's `getTextContent()` exactly: blocks joined by "\n\n", linebreak "\n",
 * tab "\t", so the text the client editor writes into the textarea is the text stored here.
 */
import { TEXT_FORMAT, type CanonicalEditorState, type CanonicalInline, type CanonicalParagraph, type CanonicalQuote } from "./types";

export function renderRichText(state: CanonicalEditorState): { html: string; text: string } {
  const out = { html: "", text: "" };
  const blocks = state.root.children;
  blocks.forEach((b, i) => {
    if (b.type === "paragraph") renderParagraph(b, out);
    else if (b.type === "heading") {
      out.html += `<${b.tag}>`;
      renderInlines(b.children, out);
      out.html += `</${b.tag}>`;
    } else renderQuote(b, out);
    if (i !== blocks.length - 1) out.text += "\n\n";
  });
  return out;
}

function renderParagraph(p: CanonicalParagraph, out: { html: string; text: string }): void {
  out.html += "<p>";
  renderInlines(p.children, out);
  out.html += "</p>";
}

function renderQuote(q: CanonicalQuote, out: { html: string; text: string }): void {
  out.html += "<blockquote>";
  let run: CanonicalInline[] = [];
  const flush = () => {
    if (run.length) renderInlines(run, out, false);
    run = [];
  };
  q.children.forEach((c, i) => {
    if (c.type !== "paragraph") {
      run.push(c);
      return;
    }
    flush();
    renderParagraph(c, out);
    if (i !== q.children.length - 1) out.text += "\n\n";
  });
  flush();
  if (q.children.length === 0) out.html += "<br>";
  out.html += "</blockquote>";
}

/** An empty block gets a <br> so it keeps its line, and so does one ending in a line break. */
function renderInlines(nodes: CanonicalInline[], out: { html: string; text: string }, padEmpty = true): void {
  for (const n of nodes) {
    if (n.type === "linebreak") {
      out.html += "<br>";
      out.text += "\n";
      continue;
    }
    out.text += n.text;
    const f = n.format;
    out.html +=
      (f & TEXT_FORMAT.bold ? "<strong>" : "") + (f & TEXT_FORMAT.italic ? "<em>" : "") + (f & TEXT_FORMAT.underline ? "<u>" : "") +
      escapeHtml(n.text) +
      (f & TEXT_FORMAT.underline ? "</u>" : "") + (f & TEXT_FORMAT.italic ? "</em>" : "") + (f & TEXT_FORMAT.bold ? "</strong>" : "");
  }
  const last = nodes[nodes.length - 1];
  if ((padEmpty && !last) || last?.type === "linebreak") out.html += "<br>";
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
