/**
 * The text of an uploaded law: plain text (UTF-8, or GB18030 as Windows tools still write it),
 * Markdown, or a Word .docx (its paragraphs, through mammoth). Nothing is normalised here: the
 * parser sees the text exactly as the file holds it.
 */
import mammoth from "mammoth";

export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export type SourceFormat = "text" | "markdown";
export type SourceTextResult =
  | { ok: true; text: string; format: SourceFormat | undefined; fileName: string }
  | { ok: false; error: "unsupported_type" | "unreadable" | "empty" | "too_large" };

const DOCX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function extractSourceText(file: { name: string; bytes: Uint8Array }): Promise<SourceTextResult> {
  if (file.bytes.byteLength > MAX_SOURCE_BYTES) return { ok: false, error: "too_large" };
  if (file.bytes.byteLength === 0) return { ok: false, error: "empty" };
  const name = file.name.toLowerCase();
  const isZip = DOCX_MAGIC.every((b, i) => file.bytes[i] === b);
  if (name.endsWith(".docx") || isZip) {
    if (!isZip) return { ok: false, error: "unreadable" };
    try {
      const result = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) });
      return nonEmpty(docxParagraphs(result.value), "text", file.name);
    } catch {
      return { ok: false, error: "unreadable" };
    }
  }
  if (name.endsWith(".doc") || name.endsWith(".pdf") || name.endsWith(".wps")) return { ok: false, error: "unsupported_type" };
  const text = decodeText(file.bytes);
  if (text === null) return { ok: false, error: "unreadable" };
  return nonEmpty(text, name.endsWith(".md") || name.endsWith(".markdown") ? "markdown" : name.endsWith(".txt") ? "text" : undefined, file.name);
}

/** mammoth separates paragraphs with a blank line; a Word paragraph is one line of the law. */
function docxParagraphs(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(/\n\n/g, "\n");
}

function nonEmpty(text: string, format: SourceFormat | undefined, fileName: string): SourceTextResult {
  if (text.replace(/[\s\u200b-\u200d\ufeff]/g, "") === "") return { ok: false, error: "empty" };
  return { ok: true, text, format, fileName };
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; null for binary data. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8
  }
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
