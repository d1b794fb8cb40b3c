/** Attachments (zip-based office files, images, gzip'd staged rows) are kept uncompressed by the database: compressing them again only costs time. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { queryRows } from "../../db/query";
import { attachments } from "../../db/schema";
import { openTestDb } from "../support/test-db";

describe("attachment storage", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb();
  });
  afterAll(() => h?.close());

  it("stores file contents out of line and uncompressed, byte for byte", async () => {
    const [col] = await queryRows<{ storage: string }>(h.db, sql`select attstorage as storage from pg_attribute where attrelid = 'attachments'::regclass and attname = 'content'`);
    expect(col?.storage).toBe("e");
    // Repetitive content that pglz would have shrunk: kept at its full size, and intact.
    const bytes = new Uint8Array(200_000).map((_, i) => i % 7);
    const [row] = await h.db.insert(attachments).values({ fileName: "重复.bin", mediaType: "application/octet-stream", byteSize: bytes.byteLength, sha256: "x", content: bytes }).returning({ id: attachments.id });
    const [stored] = await queryRows<{ size: number; same: boolean }>(h.db, sql`select pg_column_size(content)::int as size, content = ${Buffer.from(bytes)} as same from attachments where id = ${row!.id}`);
    expect(stored!.size).toBeGreaterThanOrEqual(200_000);
    expect(stored!.same).toBe(true);
  });
});
