/**
 * The rows a validation found good, kept (gzip'd JSON) so that the commit only writes: reading an
 * .xlsx again costs as much as writing it. Each row is an array in a fixed order — a third of the
 * size of objects — and carries what `newCommentOf` needs: the clause by its stable key (resolved
 * against the version again at commit), the text, the commenter and the already-defaulted channel.
 * Pure apart from zlib.
 */
import { gunzipSync, gzipSync } from "node:zlib";
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

const FORMAT = "minyi.import-rows.v1";
export const STAGED_MEDIA_TYPE = "application/vnd.minyi.import-rows+json+gzip";

/** Collects rows as they are read (one JSON line each), then packs them into one compressed blob. */
export class StagedRowsWriter {
  private readonly lines: string[] = [];

  add(row: ImportedRow): void {
    this.lines.push(JSON.stringify(pack(fieldsOf(row))));
  }

  get count(): number {
    return this.lines.length;
  }

  /** Level 1: most of the size gain for a fraction of the time (the upload waits for it). */
  finish(): Uint8Array {
    const json = `{"format":"${FORMAT}","rows":[${this.lines.join(",")}]}`;
    return new Uint8Array(gzipSync(json, { level: 1 }));
  }
}

const isNullableString = (v: unknown) => v === null || typeof v === "string";

/** The rows back, checked field by field: a blob that does not read is an error, never a guess. */
export function readStagedRows(blob: Uint8Array): ImportedFields[] {
  const doc = JSON.parse(gunzipSync(blob).toString("utf8")) as { format?: unknown; rows?: unknown };
  if (doc.format !== FORMAT || !Array.isArray(doc.rows)) throw new Error("staged rows: unknown format");
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
