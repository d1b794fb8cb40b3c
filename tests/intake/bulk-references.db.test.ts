/**
 * An import's references checked once per batch (bulk-references.server.ts) keep every guarantee
 * the per-row foreign-key triggers gave: the list covers every foreign key of comments, a missing
 * row refuses the whole batch, the triggers are back on afterwards, the rows referred to cannot
 * be deleted before the commit, and a role that may not turn triggers off still imports.
 */
import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query";
import { comments, provisions, users } from "../../db/schema";
import { insertUser } from "~/accounts/users.server";
import { COMMENT_REFERENCES, maySkipRowTriggers, MissingReference } from "~/intake/bulk-references.server";
import { commentTarget } from "~/intake/comment-target.server";
import { prepareBulkComments, writeBulkComments } from "~/intake/bulk-comments.server";
import { recordComments, type NewComment } from "~/intake/record-comments.server";
import { databaseUrl } from "../support/pg-urls";
import { refusal } from "../support/db-errors";
import { testDbKind } from "../support/test-db";
import { openImportDb, SEED_NOW, type ImportDb } from "./import-db-fixtures";

describe("references checked once per batch", () => {
  let t: ImportDb;
  let base: Omit<NewComment, "body">;
  let provisionIds: string[];
  beforeAll(async () => {
    t = await openImportDb();
    const target = (await commentTarget(t.db, { draftId: t.ids.draftId }, SEED_NOW))!;
    provisionIds = (await t.db.select({ id: provisions.id }).from(provisions).where(eq(provisions.versionId, target.version.id)).limit(5)).map((p) => p.id);
    base = {
      draftId: t.ids.draftId, versionId: target.version.id, provisionId: provisionIds[0]!, provisionKey: null, consultationId: target.consultation?.id ?? null,
      contactPointId: t.contactPointId, source: "import", channel: "symposium", category: "resident", moderationStatus: "approved", enteredBy: t.actors.staff.id,
    };
  });
  afterAll(() => t?.h.close());

  const batch = (n: number, change: Partial<NewComment> = {}): NewComment[] =>
    Array.from({ length: n }, (_, i) => ({ ...base, provisionId: provisionIds[i % provisionIds.length]!, body: { json: null, html: `<p>意见${i}</p>`, text: `意见${i}` }, commenter: { name: `张${i}` }, ...change }));
  const writeBulk = async (tx: Parameters<typeof writeBulkComments>[0], list: NewComment[]) => writeBulkComments(tx, await prepareBulkComments(list, SEED_NOW));
  const total = async () => (await t.db.select({ n: count() }).from(comments))[0]!.n;

  it("covers every foreign key of comments", async () => {
    const rows = await queryRows<{ column: string; target: string }>(
      t.db,
      sql`select a.attname as column, c.confrelid::regclass::text as target
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.conrelid = 'comments'::regclass and c.contype = 'f'`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.column, r.target]))).toEqual(COMMENT_REFERENCES);
  });

  it("writes a batch, and leaves the per-row checks on for what follows in the transaction", async () => {
    const before = await total();
    await t.db.transaction(async (tx) => {
      await writeBulk(tx, batch(40));
      expect((await queryRows<{ role: string }>(tx, sql`select current_setting('session_replication_role') as role`))[0]!.role).toBe("origin");
      // An ordinary insert in the same transaction is still checked row by row by the database.
      const message = await refusal(tx.transaction((sp) => recordComments(sp, batch(1, { provisionId: randomUUID() }), { now: SEED_NOW, outbox: "none" })));
      expect(message).toMatch(/foreign key/);
    });
    expect(await total()).toBe(before + 40);
  });

  it("refuses the whole batch when one row refers to nothing, naming the column", async () => {
    const before = await total();
    const rows = batch(30);
    rows[17] = { ...rows[17]!, provisionId: randomUUID() };
    const error = await t.db
      .transaction((tx) => writeBulk(tx, rows))
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MissingReference);
    expect(error).toMatchObject({ column: "provision_id", missing: 1 });
    expect(await total()).toBe(before);
  });

  it.runIf(testDbKind() === "postgres")("keeps the rows referred to from being deleted until the commit (PostgreSQL)", async () => {
    const userId = await insertUser(t.db, { username: `bulk-${Date.now()}`, displayName: "临时录入员", passwordHash: "not-a-hash" });
    const { default: postgres } = await import("postgres");
    const url = (t.db as unknown as { session: { client: { options: { host: string[]; port: number[]; database: string; user: string } } } }).session.client.options;
    const other = postgres({ host: url.host[0], port: url.port[0], database: url.database, username: url.user, max: 1, onnotice: () => {} });
    try {
      let deleteOutcome = "";
      await t.db.transaction(async (tx) => {
        await writeBulk(tx, batch(10, { enteredBy: userId }));
        // Another session cannot delete the user these uncommitted rows point at: it waits for the lock.
        deleteOutcome = await other.begin(async (o) => {
          await o`set local lock_timeout = '300ms'`;
          await o`delete from users where id = ${userId}`;
          return "deleted";
        }).catch((e: { code?: string }) => `refused ${e.code}`);
      });
      expect(deleteOutcome).toBe("refused 55P03");
      expect((await t.db.select({ n: count() }).from(comments).where(eq(comments.enteredBy, userId)))[0]!.n).toBe(10);
      expect(await t.db.select({ id: users.id }).from(users).where(eq(users.id, userId))).toHaveLength(1);
    } finally {
      await other.end();
    }
  });

  it.runIf(testDbKind() === "postgres")("still imports for a role that may not turn row triggers off (PostgreSQL)", async () => {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const opts = (t.db as unknown as { session: { client: { options: { host: string[]; port: number[]; database: string; user: string } } } }).session.client.options;
    const role = `minyi_plain_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres({ host: opts.host[0], port: opts.port[0], database: opts.database, username: opts.user, max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${role} login`);
    await admin.unsafe(`grant select, insert, update, delete on all tables in schema public to ${role}; grant usage on all sequences in schema public to ${role}`);
    const plain = postgres(databaseUrl(`postgres://${role}@${opts.host[0]}:${opts.port[0]}/x`, opts.database), { max: 1, onnotice: () => {} });
    try {
      const db = drizzle(plain) as unknown as ImportDb["db"];
      expect(await db.transaction((tx) => maySkipRowTriggers(tx))).toBe(false);
      const before = await total();
      await db.transaction((tx) => writeBulk(tx, batch(25)));
      expect(await total()).toBe(before + 25);
    } finally {
      await plain.end();
      await admin.unsafe(`drop owned by ${role}; drop role ${role}`);
      await admin.end();
    }
  });

  it("may turn them off as the test database's own role (superuser here; the embedded database too)", async () => {
    expect(await t.db.transaction((tx) => maySkipRowTriggers(tx))).toBe(true);
  });
});
