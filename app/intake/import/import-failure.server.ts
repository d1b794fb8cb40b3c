/**
 * A commit that did not happen: recorded on the import (status "failed", why, how far it had got)
 * and in the audit log. Also finds commits that stopped without a word (the process ended): their
 * transaction was rolled back by the database, so nothing was saved, but the import still says
 * "importing" until someone looks.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client";
import { commentImports } from "../../../db/schema";
import { recordAudit } from "../../platform/audit.server";
import type { FailureCode, ImportReport } from "./import-report";

export interface Failure {
  code: FailureCode;
  processed: number;
  report: ImportReport;
  actorId: string | null;
  now: Date;
  requestId?: string;
  message?: string;
}

/** Marks an import failed, only from "importing" (a failure never overwrites a result). */
export async function markFailed(tx: Executor, importId: string, f: Failure): Promise<boolean> {
  const report: ImportReport = { ...f.report, failure: { code: f.code, at: f.now.toISOString() } };
  const updated = await tx
    .update(commentImports)
    .set({ status: "failed", processedRows: f.processed, finishedAt: f.now, errors: report })
    .where(and(eq(commentImports.id, importId), eq(commentImports.status, "importing")))
    .returning({ id: commentImports.id });
  if (updated.length === 0) return false;
  await recordAudit(tx, {
    actorUserId: f.actorId, action: "import.failed", subjectType: "comment_import", subjectId: importId, at: f.now, requestId: f.requestId,
    detail: { code: f.code, processedBeforeFailure: f.processed, ...(f.message ? { message: f.message.slice(0, 500) } : {}) },
  });
  return true;
}

/** A commit is given this long to take its lock before a free "importing" row counts as abandoned. */
export const ABANDONED_AFTER_MS = 60_000;

/**
 * Marks an "importing" import failed when no transaction holds it (any process: a live commit
 * locks its row until it ends) and it started more than ABANDONED_AFTER_MS ago.
 */
export async function reclaimIfAbandoned(db: Db, importId: string, report: ImportReport, now: Date): Promise<boolean> {
  const started = report.commitStartedAt ? Date.parse(report.commitStartedAt) : 0;
  if (now.getTime() - started < ABANDONED_AFTER_MS) return false;
  return db.transaction(async (tx) => {
    const free = await tx
      .select({ id: commentImports.id })
      .from(commentImports)
      .where(and(eq(commentImports.id, importId), eq(commentImports.status, "importing")))
      .for("update", { skipLocked: true });
    if (free.length === 0) return false;
    return markFailed(tx, importId, { code: "interrupted", processed: 0, report, actorId: null, now });
  });
}
