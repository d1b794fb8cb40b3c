/**
 * A fresh, migrated database for one test file: PGlite in memory loaded from the run's template,
 * or (TEST_DB=postgres) a new PostgreSQL database cloned from the template database.
 */
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { createDb, type DbHandle } from "../../db/client";
import { adminUrl, databaseUrl } from "./pg-urls";

export const testDbKind = (): "postgres" | "pglite" => (process.env.TEST_DB === "postgres" ? "postgres" : "pglite");

export async function openTestDb(): Promise<DbHandle> {
  if (testDbKind() === "postgres") {
    const base = process.env.DATABASE_URL!;
    const template = inject("pgTemplateDb");
    const name = `minyi_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const { default: postgres } = await import("postgres");
    const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template}"`);
    const handle = await createDb({ kind: "postgres", url: databaseUrl(base, name), maxConnections: 20 }, { migrate: false });
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  }
  const tarball = readFileSync(inject("pgliteTemplate"));
  return createDb({ kind: "pglite-memory", loadDataDir: new Blob([tarball]) }, { migrate: false });
}
