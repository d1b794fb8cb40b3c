/**
 * The same migrations must give the same database on PGlite (PostgreSQL 18 in WASM) and on a
 * PostgreSQL 15 server: tables, columns and types, constraints, indexes and triggers.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { createDb } from "../../db/client";
import { queryRows } from "../../db/query";
import { openTestDb, testDbKind } from "../support/test-db";

async function describeSchema(handle: DbHandle) {
  const q = (query: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(handle.db, query);
  return {
    columns: await q(sql`
      select table_name, column_name, data_type, udt_name, is_nullable, column_default, is_identity, is_generated
      from information_schema.columns where table_schema = 'public' order by table_name, column_name`),
    constraints: await q(sql`
      select conrelid::regclass::text as table_name, conname, contype, pg_get_constraintdef(oid) as def
      from pg_constraint where connamespace = 'public'::regnamespace
      -- PostgreSQL 18 also lists NOT NULL as constraints (contype n); nullability is compared with the columns.
      and contype <> 'n' order by 1, 2`),
    indexes: await q(sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`),
    triggers: await q(sql`
      select event_object_table, trigger_name, event_manipulation, action_timing
      from information_schema.triggers where trigger_schema = 'public' order by 1, 2, 3`),
    enums: await q(sql`
      select t.typname, e.enumlabel, e.enumsortorder from pg_type t join pg_enum e on e.enumtypid = t.oid
      join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' order by 1, 3`),
  };
}

describe.skipIf(testDbKind() !== "postgres")("schema parity between PGlite and PostgreSQL", () => {
  let server: DbHandle;
  let lite: DbHandle;
  beforeAll(async () => {
    server = await openTestDb();
    lite = await createDb({ kind: "pglite-memory" });
  });
  afterAll(async () => {
    await server?.close();
    await lite?.close();
  });

  it("has the same tables, columns, constraints, indexes, triggers and enums", async () => {
    const [a, b] = await Promise.all([describeSchema(server), describeSchema(lite)]);
    expect(a.columns.length).toBeGreaterThan(150);
    expect(b.columns).toEqual(a.columns);
    expect(b.constraints).toEqual(a.constraints);
    expect(b.indexes).toEqual(a.indexes);
    expect(b.triggers).toEqual(a.triggers);
    expect(b.enums).toEqual(a.enums);
  });
});
