/**
 * The rows a validation found good, kept (gzip'd JSON) so that the commit only writes: reading an
 * .xlsx again costs as much as writing it. Each row is an array in a fixed order — a third of the
 * size of objects — and carries what `newCommentOf` needs: the clause by its stable key (resolved
 * against the version again at commit), the text, the commenter and the already-defaulted channel.
 * The blob is a run of gzip members of STAGED_CHUNK_ROWS rows each, their sizes kept beside it:
 * the commit unpacks one chunk while the one before is being written, instead of unpacking a
 * hundred thousand rows (a second) before writing the first. Pure apart from zlib.
 */
import { promisify } from "node:util";
import { gunzip, gzipSync } from "node:zlib";
import { CHANNELS, COMMENTER_CATEGORIES, type Channel, type CommenterCategory } from "../../../db/schema/vocabulary";
import type { ImportedRow } from "./row-rules";

/** What a comment is made of, once its sheet row has been read. */
export interface ImportedFields {
  clauseKey: string | null;
  body: { html: string; text: string };
  proposedText: string | null;
  reason: string | null;
  name: string | null;
  category: CommenterCategory;
  channel: Channel;
  phone: string | null;
  email: string | null;
  saidOn: string | null;
}

export const fieldsOf = (row: ImportedRow): ImportedFields => ({
  clauseKey: row.clause?.key ?? null, body: { html: row.body.html, text: row.body.text }, proposedText: row.proposedText, reason: row.reason,
  name: row.name, category: row.category, channel: row.channel, phone: row.phone, email: row.email, saidOn: row.saidOn,
});

type Packed = [string | null, string, string, string | null, string | null, string | null, string, string, string | null, string | null, string | null];

const pack = (f: ImportedFields): Packed => [f.clauseKey, f.body.html, f.body.text, f.proposedText, f.reason, f.name, f.category, f.channel, f.phone, f.email, f.saidOn];

const gunzipAsync = promisify(gunzip);

const FORMAT = "minyi.import-rows.v2";
/** v1: one member for all rows, written before chunks existed; read the same way. */
const FORMATS: readonly unknown[] = ["minyi.import-rows.v1", FORMAT];
export const STAGED_CHUNK_ROWS = 1_000;

/** One gzip member of the blob: its size in bytes and how many rows it holds. */
export interface StagedChunk {
  bytes: number;
  rows: number;
}
export const STAGED_MEDIA_TYPE = "application/vnd.minyi.import-rows+json+gzip";

/** Collects rows as they are read (one JSON line each), compressing every STAGED_CHUNK_ROWS of them. */
export class StagedRowsWriter {
  private lines: string[] = [];
  private readonly members: Buffer[] = [];
  private readonly chunks: StagedChunk[] = [];
  private total = 0;

  constructor(private readonly chunkRows = STAGED_CHUNK_ROWS) {}

  add(row: ImportedRow): void {
    this.lines.push(JSON.stringify(pack(fieldsOf(row))));
    this.total++;
    if (this.lines.length >= this.chunkRows) this.seal();
  }

  get count(): number {
    return this.total;
  }

  /** Level 1: most of the size gain for a fraction of the time (the upload waits for it). */
  private seal(): void {
    if (this.lines.length === 0) return;
    const member = gzipSync(`{"format":"${FORMAT}","rows":[${this.lines.join(",")}]}`, { level: 1 });
    this.members.push(member);
    this.chunks.push({ bytes: member.byteLength, rows: this.lines.length });
    this.lines = [];
  }

  finish(): { blob: Uint8Array; chunks: StagedChunk[] } {
    this.seal();
    return { blob: new Uint8Array(Buffer.concat(this.members)), chunks: [...this.chunks] };
  }
}

const isNullableString = (v: unknown) => v === null || typeof v === "string";

/**
 * Where each chunk lies in the blob, or null when the sizes do not add up to it (nor the rows to
 * `rows`). A blob kept without sizes (v1) is one chunk.
 */
export function stagedChunkSpans(blobBytes: number, rows: number, chunks: readonly StagedChunk[] | undefined): { start: number; end: number; rows: number }[] | null {
  const list = chunks ?? [{ bytes: blobBytes, rows }];
  let start = 0;
  const spans = list.map((c) => ({ start, end: (start += c.bytes), rows: c.rows }));
  const counted = list.reduce((n, c) => n + c.rows, 0);
  return start === blobBytes && counted === rows && list.every((c) => c.bytes > 0 && c.rows > 0) ? spans : null;
}

/**
 * Every chunk's rows in turn, with the chunk's expected row count. The next chunk is inflated (in
 * zlib's thread pool) while the caller uses this one.
 */
export async function* readStagedChunks(blob: Uint8Array, spans: readonly { start: number; end: number; rows: number }[]): AsyncGenerator<{ rows: ImportedFields[]; expected: number }> {
  const inflate = (i: number) => (i < spans.length ? gunzipAsync(blob.subarray(spans[i]!.start, spans[i]!.end)) : null);
  let next = inflate(0);
  // Never left unhandled while the caller works: awaited (and so rethrown) when its turn comes.
  next?.catch(() => undefined);
  for (let i = 0; i < spans.length; i++) {
    const json = await next!;
    next = inflate(i + 1);
    next?.catch(() => undefined);
    yield { rows: parseStagedRows(json), expected: spans[i]!.rows };
  }
}

/** One chunk's rows back, checked field by field: a chunk that does not read is an error, never a guess. */
function parseStagedRows(json: Buffer): ImportedFields[] {
  const doc = JSON.parse(json.toString("utf8")) as { format?: unknown; rows?: unknown };
  if (!FORMATS.includes(doc.format) || !Array.isArray(doc.rows)) throw new Error("staged rows: unknown format");
  return doc.rows.map((r: unknown, i) => {
    const p = r as unknown[];
    const ok = Array.isArray(p) && p.length === 11 && isNullableString(p[0]) && typeof p[1] === "string" && typeof p[2] === "string"
      && [3, 4, 5, 8, 9, 10].every((k) => isNullableString(p[k]))
      && (COMMENTER_CATEGORIES as readonly unknown[]).includes(p[6]) && (CHANNELS as readonly unknown[]).includes(p[7]);
    if (!ok) throw new Error(`staged rows: row ${i} does not read`);
    const [clauseKey, html, text, proposedText, reason, name, category, channel, phone, email, saidOn] = p as Packed;
    return { clauseKey, body: { html, text }, proposedText, reason, name, category: category as CommenterCategory, channel: channel as Channel, phone, email, saidOn };
  });
}
