/**
 * Decides whether an input is Markdown or plain text, and derives a title from a file name.
 */

const MD_EXTENSIONS = /\.(md|markdown|mdown|mkd)$/i;
const TEXT_EXTENSIONS = /\.(txt|text)$/i;

/** Signals of Markdown that do not occur in plain law texts. */
const MD_SIGNALS: readonly RegExp[] = [
  /^ {0,3}#{1,6}[ \t]+\S/m, // ATX heading
  /^<!--[\s\S]*?-->[ \t]*$/m, // HTML comment (LawRefBook's INFO END)
  /^[^\r\n\t]*\S[^\r\n]*\r?\n {0,3}(?:={2,}|-{2,})[ \t]*\r?$/m, // setext heading
  /^[ \t]{0,3}[*+-]\t\S/m, // bullet with a tab
  /\]\([^)\s]*\)/, // link
];

export function detectFormat(input: string, fileName?: string): "text" | "markdown" {
  if (fileName) {
    if (MD_EXTENSIONS.test(fileName)) return "markdown";
    if (TEXT_EXTENSIONS.test(fileName)) return "text";
  }
  // Only look at the first 20,000 characters: markup, when present, shows early.
  const head = input.slice(0, 20000);
  return MD_SIGNALS.some((re) => re.test(head)) ? "markdown" : "text";
}

/**
 * "中华人民共和国刑法(2020-12-26).md" -> "中华人民共和国刑法";
 * "-中华人民共和国海商法_19921107.txt" -> "中华人民共和国海商法".
 */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base
    .replace(/\.[A-Za-z0-9]{1,8}$/, "")
    .replace(/^[-_\s]+/, "")
    .replace(/[_\s]*[(（]?\d{4}-?\d{2}-?\d{2}[)）]?$/, "")
    .replace(/_\d{8}$/, "")
    .trim();
}
