/**
 * Law-text parser: plain text or Markdown of a Chinese law -> tree of provisions
 * (编 分编 章 节 条 款 项 目, 序言, 附则, annexes, numbered points).
 */
import { buildTree } from "./build-tree";
import { detectFormat, titleFromFileName } from "./detect-layout";
import { extractFrontMatter } from "./front-matter";
import { normaliseLines } from "./normalise-lines";
import type { ParsedLaw, ParseOptions } from "./types";

export type {
  ParsedLaw,
  ParsedProvision,
  ParseOptions,
  ParseSummary,
  ParseWarning,
  ProvisionKind,
} from "./types";
export { articleLabel, formatChineseNumber, parseChineseNumber } from "./chinese-numbers";
export { bodyText, flatten, summarize } from "./summarize";
export { detectFormat } from "./detect-layout";
export { removeWhitespace } from "./normalise-lines";
export { PARSE_WARNING_CODES, type ParseWarningCode } from "./warning-codes";

export function parseLaw(input: string, options: ParseOptions = {}): ParsedLaw {
  const format = options.format ?? detectFormat(input, options.fileName);
  const lines = normaliseLines(input, format === "markdown");
  const front = extractFrontMatter(lines);
  const { body, warnings } = buildTree(lines, front.bodyStart, format === "markdown");
  let title = front.title;
  if (title === "" && options.fileName) title = titleFromFileName(options.fileName);
  if (title === "") warnings.unshift({ line: 1, code: "missing-title", message: "no title found" });
  return {
    title,
    subtitle: front.subtitleLines.length > 0 ? front.subtitleLines.join("\n") : null,
    format,
    body,
    warnings,
    frontMatter: front.frontMatter,
  };
}
