/** queryRowsPrepared: the same rows as queryRows, and on PostgreSQL a statement prepared once per connection. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { queryRows, queryRowsPrepared } from "../../db/query";
import { openTestDb, testDbKind } from "../support/test-db";

describe("prepared raw queries", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb();
  });
  afterAll(() => h?.close());

  const probe = (n: number) => sql`select ${n}::int as n, 'prepared-probe' as tag, g from generate_series(1, ${n}::int) as g order by g`;

  it("return what queryRows returns, on the database and in a transaction", async () => {
    for (const n of [1, 3, 5]) expect(await queryRowsPrepared(h.db, "probe", probe(n))).toEqual(await queryRows(h.db, probe(n)));
    await h.db.transaction(async (tx) => {
      expect(await queryRowsPrepared(tx, "probe", probe(2))).toEqual([{ n: 2, tag: "prepared-probe", g: 1 }, { n: 2, tag: "prepared-probe", g: 2 }]);
    });
  });

  it.runIf(testDbKind() === "postgres")("stay prepared on the connection that ran them (PostgreSQL), unlike queryRows", async () => {
    const prepared = async (tx: Parameters<Parameters<typeof h.db.transaction>[0]>[0], tag: string) =>
      (await queryRows<{ statement: string }>(tx, sql`select statement from pg_prepared_statements`)).filter((r) => r.statement.includes(tag)).length;
    await h.db.transaction(async (tx) => {
      await queryRows(tx, sql`select 'plain-probe' as tag`);
      expect(await prepared(tx, "plain-probe")).toBe(0);
      await queryRowsPrepared(tx, "probe", probe(4));
      await queryRowsPrepared(tx, "probe", probe(6));
      // Parsed once: the second run reused it.
      expect(await prepared(tx, "prepared-probe")).toBe(1);
    });
  });
});
