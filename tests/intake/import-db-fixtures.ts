/**
 * Shared setup for the import integration tests (import-*.db.test.ts): the seeded demo (staff at
 * 桐庐县城南街道, asked about the demo draft), a staff member of another contact point, sheets
 * built with exceljs, and shortcuts to upload and commit as a given user.
 */
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { comments, commentImports, memberships } from "../../db/schema";
import type { Principal } from "~/accounts/policy";
import { loadPrincipal } from "~/accounts/principal.server";
import { insertUser } from "~/accounts/users.server";
import { startCommit, type BatchWriter } from "~/intake/import/commit-import.server";
import { uploadImport } from "~/intake/import/upload-import.server";
import { openDraftsDb, SEED_NOW, type DraftsDb } from "../drafts/drafts-db-fixtures";

export { SEED_NOW };

export interface ImportDb extends DraftsDb {
  /** Staff of 桐庐县分水镇: asked about the same draft, but not for 城南街道's imports. */
  otherStaff: Principal;
  /** 城南街道, where the seeded staff member works. */
  contactPointId: string;
}

export async function openImportDb(): Promise<ImportDb> {
  const t = await openDraftsDb();
  const otherId = await insertUser(t.db, { username: "fenshui-staff", displayName: "分水联络", passwordHash: "not-a-hash" });
  await t.db.insert(memberships).values({ userId: otherId, role: "contact_point_staff", contactPointId: t.ids.contactPoints[1]! });
  return { ...t, otherStaff: (await loadPrincipal(t.db, otherId))!, contactPointId: t.ids.contactPoints[0]! };
}

/** An .xlsx whose first sheet holds `rows` (row 1 first), built in memory with exceljs. */
export async function xlsxOf(rows: unknown[][], setup?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("意见");
  for (const row of rows) sheet.addRow(row);
  setup?.(sheet);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function upload(
  t: ImportDb,
  bytes: Uint8Array,
  options: { actor?: Principal | null; name?: string; draftId?: string; contactPointId?: string; defaultChannel?: string; now?: Date } = {},
) {
  return uploadImport(
    t.db,
    options.actor === undefined ? t.actors.staff : options.actor,
    {
      contactPointId: options.contactPointId ?? t.contactPointId, draftId: options.draftId ?? t.ids.draftId,
      defaultChannel: options.defaultChannel ?? "symposium", file: { name: options.name ?? "意见汇总.xlsx", bytes },
    },
    { now: options.now ?? SEED_NOW },
  );
}

/** Uploads a sheet that must pass, commits it at once and waits for the commit to end. */
export async function uploadAndCommit(t: ImportDb, bytes: Uint8Array, options: { writeBatch?: BatchWriter; batchSize?: number } = {}) {
  const up = await upload(t, bytes);
  if (!up.ok || up.value.status !== "ready") throw new Error(`expected a ready import, got ${JSON.stringify(up)}`);
  const started = await startCommit(t.db, t.actors.staff, up.value.id, { now: SEED_NOW, releaseAfterMs: 0, ...options });
  if (!started.ok || !started.value.job) throw new Error(`expected the commit to start, got ${JSON.stringify(started)}`);
  return { importId: up.value.id, result: await started.value.job };
}

export async function importRow(t: ImportDb, importId: string) {
  const [row] = await t.db.select().from(commentImports).where(eq(commentImports.id, importId));
  return row!;
}

export async function commentCount(t: ImportDb, importId?: string): Promise<number> {
  const [{ n } = { n: 0 }] = await t.db.select({ n: count() }).from(comments).where(importId ? eq(comments.importId, importId) : undefined);
  return n;
}
