/**
 * CSV as Excel and WPS write it: UTF-8 (with or without a byte-order mark), GB18030 (what "CSV" means
 * on Chinese Windows), or UTF-16 with a byte-order mark ("Unicode text", tab-separated). Quoted
 * fields may hold commas, doubled quotes and line breaks. Read as a stream of records: the file is
 * decoded a chunk at a time and no record is kept after it is handed on. Pure (no Node APIs but
 * Buffer's UTF-8 check).
 */
import { isUtf8 } from "node:buffer";

const CHUNK_BYTES = 1 << 20;

export type CsvEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export function csvEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return isUtf8(bytes) ? "utf-8" : "gb18030";
}

/** Text of the file a chunk at a time, without a leading byte-order mark. */
export function* decodedChunks(bytes: Uint8Array, encoding = csvEncoding(bytes)): Generator<string> {
  // gb18030 decodes any byte sequence; fatal makes a file that is neither encoding unreadable instead of garbled.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const end = Math.min(bytes.length, start + CHUNK_BYTES);
    yield decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
  }
}

/** The separator of the first line: comma, tab or semicolon, whichever appears most outside quotes. */
export function detectDelimiter(sample: string): "," | "\t" | ";" {
  const line = sample.replace(/"[^"]*"/g, "").split(/\r?\n/, 1)[0] ?? "";
  const tally = { ",": 0, "\t": 0, ";": 0 };
  for (const c of line) if (c === "," || c === "\t" || c === ";") tally[c]++;
  if (tally["\t"] > tally[","] && tally["\t"] >= tally[";"]) return "\t";
  if (tally[";"] > tally[","]) return ";";
  return ",";
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Records (arrays of fields) of CSV text given in chunks; a field, and a record, may span chunks. */
export function* csvRecords(chunks: Iterable<string>, delimiter?: string): Generator<string[]> {
  let field = "";
  let record: string[] = [];
  let quoted = false;
  /** Just after the closing quote of a quoted field: a second quote is an escaped quote. */
  let afterQuote = false;
  /** A record ended with CR: an LF right after it (even in the next chunk) belongs to it. */
  let skipLf = false;
  /** Something of the current record has been read. */
  let dirty = false;
  let special: RegExp | null = null;
  for (const chunk of chunks) {
    if (!special) {
      const sep = delimiter ?? detectDelimiter(chunk);
      special = new RegExp(`["\\r\\n${sep === "\t" ? "\\t" : sep}]`, "g");
    }
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (skipLf) {
        skipLf = false;
        if (chunk.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      dirty = true;
      if (quoted) {
        const q = chunk.indexOf('"', i);
        field += chunk.slice(i, q < 0 ? n : q);
        if (q < 0) break;
        quoted = false;
        afterQuote = true;
        i = q + 1;
        continue;
      }
      special.lastIndex = i;
      const m = special.exec(chunk);
      const j = m ? m.index : n;
      if (j > i) {
        field += chunk.slice(i, j);
        afterQuote = false;
      }
      if (!m) break;
      const c = chunk.charCodeAt(j);
      i = j + 1;
      if (c === QUOTE) {
        if (afterQuote) field += '"';
        if (afterQuote || field === "") quoted = true;
        else field += '"';
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      record.push(field);
      field = "";
      if (c === CR || c === LF) {
        yield record;
        record = [];
        dirty = false;
        skipLf = c === CR;
      }
    }
  }
  if (dirty) {
    record.push(field);
    yield record;
  }
}
