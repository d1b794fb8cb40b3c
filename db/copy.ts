/**
 * `COPY … FROM STDIN`: how a bulk write gets rows into a table. An INSERT that takes its rows as one
 * JSON parameter spent a third of PostgreSQL's time in an import parsing that JSON (twice: the
 * cast, then json_populate_recordset); COPY's text format is read once, field by field, by each
 * column's own input function. Same on both drivers: postgres.js streams the text to the server,
 * PGlite reads it from a Blob. Runs on whatever the executor is — the database, a transaction or a
 * savepoint — and like any statement, a refusal (a constraint, a bad value) fails all of it.
 */
import type { Executor } from "./client";

/** A field as COPY's text format carries it: NULL as \N; backslash, tab, newline and CR escaped. */
export function copyField(value: string | null): string {
  if (value === null) return "\\N";
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** Rows in COPY's text format: tab between fields, a newline after each row. */
export function copyText(rows: readonly (readonly (string | null)[])[]): string {
  let out = "";
  for (const row of rows) out += `${row.map(copyField).join("\t")}\n`;
  return out;
}

/** What drizzle keeps on every database and transaction object (not in its public types): the driver's client. */
interface DriverClient {
  /** postgres.js: a Sql, TransactionSql or savepoint. */
  unsafe?: (query: string) => { writable(): Promise<NodeJS.WritableStream> };
  /** PGlite, or one of its transactions. */
  query?: (query: string, params: unknown[], options: { blob: Blob }) => Promise<unknown>;
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes rows given as `copyText` made them (one value per column, in `columns`' order) into
 * `table`. Values must be in each column's text input form (ISO dates, uuids, JSON text); NUL
 * cannot be stored in PostgreSQL text at all, so callers refuse it before (text-rules.ts).
 */
export async function copyInto(tx: Executor, table: string, columns: readonly string[], data: string): Promise<void> {
  if (data.length === 0) return;
  const statement = `copy ${identifier(table)} (${columns.map(identifier).join(", ")}) from stdin`;
  const client = (tx as unknown as { session: { client: DriverClient } }).session.client;
  if (typeof client.unsafe === "function") {
    const stream = await client.unsafe(statement).writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      // "finish" comes once the server has answered CommandComplete (or the error, with the
      // patch in scripts/patches/postgres+3.4.9.patch: unpatched, a refused COPY never settles).
      stream.on("finish", resolve);
      stream.end(data);
    });
  } else if (typeof client.query === "function") {
    await client.query(`${statement.replace(/ from stdin$/, "")} from '/dev/blob'`, [], { blob: new Blob([data]) });
  } else {
    throw new Error("copyInto: unknown database driver");
  }
}
