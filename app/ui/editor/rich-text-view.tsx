/**
 * Shows stored rich text on read pages. It takes only the `html` that `richTextFromJson` /
 * `richTextFromPlain` derived at write time (escaped text in p, br, strong, em, u, h2–h4, blockquote;
 * no attributes), never user input, and never loads the editor.
 */
export function RichTextView({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `rich-text ${className}` : "rich-text"} dangerouslySetInnerHTML={{ __html: html }} />;
}
