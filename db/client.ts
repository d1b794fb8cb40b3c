/**
 * createDb(config): postgres.js when a URL is given, else PGlite (PostgreSQL in WASM) in a data
 * folder or in memory. Both are migrated with the same SQL files before they are handed out.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDirLock, type DirLock } from "./dir-lock";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbConfig =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; loadDataDir?: Blob | File };

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /** Closes connections (and releases the PGlite folder lock). Safe to call twice. */
  close(): Promise<void>;
  /** PGlite only: a tarball of the data folder, used to build test templates. */
  dumpDataDir?(): Promise<Blob>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** Any constant that identifies our migration lock among other advisory locks. */
const MIGRATION_LOCK_ID = 7_202_611;

export async function createDb(config: DbConfig, options: { migrate?: boolean } = {}): Promise<DbHandle> {
  const handle = config.kind === "postgres" ? await openPostgres(config) : await openPglite(config);
  if (options.migrate !== false) {
    try {
      await migrateHandle(handle, config);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

async function openPostgres(config: { url: string; maxConnections?: number }): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // idle_timeout lets a stopping process exit even if close() is never reached.
  const client = postgres(config.url, { max: config.maxConnections ?? 10, idle_timeout: 20, onnotice: () => {} });
  let closed = false;
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "postgres",
    async close() {
      if (closed) return;
      closed = true;
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(config: { kind: "pglite"; dataDir: string } | { kind: "pglite-memory"; loadDataDir?: Blob | File }): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  let lock: DirLock | undefined;
  let dataDir: string | undefined;
  if (config.kind === "pglite") {
    const root = path.resolve(config.dataDir);
    if (!existsSync(root)) mkdirSync(root, { recursive: true });
    // PGlite does not lock its folder; two processes on one folder would corrupt it.
    lock = acquireDirLock(root);
    dataDir = path.join(root, "pglite");
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create({
      dataDir,
      loadDataDir: config.kind === "pglite-memory" ? config.loadDataDir : undefined,
      extensions: { pg_trgm },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  let closed = false;
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "pglite",
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}

async function migrateHandle(handle: DbHandle, config: DbConfig): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (config.kind !== "postgres") throw new Error("unreachable");
  // Several app processes may start at once: one migrates, the others wait for it.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const single = postgres(config.url, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    try {
      await migrate(drizzle(single), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await single`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    }
  } finally {
    await single.end({ timeout: 5 });
  }
}
