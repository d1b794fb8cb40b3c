import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { DirLockedError } from "../../db/dir-lock";
import { queryRows } from "../../db/query";
import { testDbKind } from "../support/test-db";

describe.skipIf(testDbKind() !== "pglite")("PGlite in a data folder", () => {
  it("keeps data across restarts and refuses a second opener while open", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "minyi-pglite-"));
    const first = await createDb({ kind: "pglite", dataDir: dir });
    await first.db.execute(sql`insert into organizations (id, level, name, path) values ('00000000-0000-4000-8000-000000000001', 'national', '测试', '00000000-0000-4000-8000-000000000001')`);
    await expect(createDb({ kind: "pglite", dataDir: dir })).rejects.toBeInstanceOf(DirLockedError);
    await first.close();
    const second = await createDb({ kind: "pglite", dataDir: dir });
    expect(await queryRows(second.db, sql`select name from organizations`)).toEqual([{ name: "测试" }]);
    await second.close();
  });
});
