/**
 * copyInto (COPY … FROM STDIN) on both drivers: every value arrives exactly as given, whatever it
 * holds; a refused COPY fails (and never hangs) and leaves nothing, in a transaction or a savepoint,
 * and the connection goes on working afterwards.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { copyField, copyInto, copyText } from "../../db/copy";
import { queryRows } from "../../db/query";
import { openTestDb } from "../support/test-db";

describe("COPY text format", () => {
  it("escapes what the format gives a meaning to, and nothing else", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField("\\N")).toBe("\\\\N");
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField("中文 “引号” '单' \"双\" ,;|")).toBe("中文 “引号” '单' \"双\" ,;|");
    expect(copyText([["1", null], ["", "x"]])).toBe("1\t\\N\n\tx\n");
  });
});

describe("copyInto", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb();
    await h.db.execute(sql`create table copy_probe (id int primary key, t text, j jsonb, d date)`);
  });
  afterAll(() => h?.close());

  // The text compared as stored bytes: PGlite's reader drops a leading U+FEFF from any text it returns.
  const stored = async () =>
    queryRows<{ id: number; t: string | null; j: string | null; d: string | null }>(
      h.db,
      sql`select id, encode(convert_to(t, 'UTF8'), 'hex') as t, j->>'t' as j, to_char(d, 'YYYY-MM-DD') as d from copy_probe order by id`,
    );
  const hex = (s: string) => Buffer.from(s, "utf8").toString("hex");

  const awkward = ["", " ", "\\", "\\.", "\\N", "tab\there", "line\nbreak", "cr\rlf\r\n", "\u3000全角空格\u3000", "𠮷野家", "\u2028\u2029", "﨑 (compatibility ideograph)", "<script>alert(1)</script>", "'; drop table copy_probe; --", "\ufeffBOM", "e\u0301"];

  it("stores every value exactly as given, with NULLs, JSON and dates", async () => {
    await h.db.transaction((tx) =>
      copyInto(tx, "copy_probe", ["id", "t", "j", "d"], copyText([
        ...awkward.map((t, i) => [String(i + 1), t, JSON.stringify({ t }), "2026-11-30"]),
        [String(awkward.length + 1), null, null, null],
      ])),
    );
    const rows = await stored();
    expect(rows.map((r) => r.t)).toEqual([...awkward.map(hex), null]);
    expect(rows.slice(0, awkward.length).map((r) => r.j?.replace(/^\ufeff/, ""))).toEqual(awkward.map((t) => t.replace(/^\ufeff/, "")));
    expect(rows.at(-1)).toEqual({ id: awkward.length + 1, t: null, j: null, d: null });
    expect(rows[0]!.d).toBe("2026-11-30");
  });

  it("fails as a whole when the database refuses a row, and the connection goes on (transaction and savepoint)", async () => {
    const before = (await stored()).length;
    // A duplicate key is found only once the rows are in, after the writer has finished sending.
    const refused = await h.db
      .transaction((tx) => copyInto(tx, "copy_probe", ["id", "t"], copyText([["1000", "new"], ["1", "duplicate"]])))
      .then(() => "written", (e: unknown) => String((e as { cause?: unknown }).cause ?? e));
    expect(refused).toMatch(/duplicate key|unique/);
    expect((await stored()).length).toBe(before);

    await h.db.transaction(async (tx) => {
      const inner = await tx
        .transaction((sp) => copyInto(sp, "copy_probe", ["id", "d"], copyText([["1001", "not a date"]])))
        .then(() => "written", (e: unknown) => String((e as { cause?: unknown }).cause ?? e));
      expect(inner).toMatch(/date/);
      await copyInto(tx, "copy_probe", ["id", "t"], copyText([["1002", "after the refusal"]]));
    });
    expect((await stored()).map((r) => r.id)).toContain(1002);
    expect((await stored()).map((r) => r.id)).not.toContain(1001);
    expect((await queryRows<{ one: number }>(h.db, sql`select 1 as one`))[0]!.one).toBe(1);
  });

  it("writes nothing, and asks nothing of the database, for no rows", async () => {
    const before = (await stored()).length;
    await copyInto(h.db, "copy_probe", ["id"], copyText([]));
    expect((await stored()).length).toBe(before);
  });
});
