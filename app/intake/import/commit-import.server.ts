/**
 * Committing an import: all of it or nothing. The rows validation kept (staged-rows.ts) — or, when
 * they cannot be used, the stored file read again with the same rules — are written in batches of about a thousand comments inside ONE transaction, with one outbox message
 * for the whole import; any failure (a row that no longer reads, the database refusing a batch, the
 * process stopping) leaves no comment. The commit runs in the background: `startCommit` marks the
 * import "importing" and returns at once; progress is in import-progress, the outcome in
 * comment_imports (done/failed, processed_rows, finished_at) and in the audit log.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client";
import { attachments, commentImports } from "../../../db/schema";
import type { Principal } from "../../accounts/policy";
import { cstDate } from "../../drafts/china-time";
import { recordAudit } from "../../platform/audit.server";
import type { Outcome } from "../../platform/outcome";
import { enqueue } from "../../platform/outbox.server";
import { prepareBulkComments, writeBulkComments, type BulkComments } from "../bulk-comments.server";
import type { NewComment } from "../record-comments.server";
import { denied } from "../staff-access.server";
import { importContext, type ImportContext } from "./import-context.server";
import { markFailed } from "./import-failure.server";
import { finishProgress, reportProgress, trackImport } from "./import-progress.server";
import { importAccess, loadImport } from "./import-records.server";
import type { FailureCode, ImportReport } from "./import-report";
import { newCommentOf } from "./imported-comment";
import { WritePipeline } from "./write-pipeline";
import { scanSheet } from "./scan-sheet";
import { fieldsOf, readStagedChunks, stagedChunkSpans, type ImportedFields } from "./staged-rows";
import { sheetKind, sheetRows } from "./sheet-rows.server";

export const BATCH_SIZE = 5_000;

/**
 * How a batch is written inside the commit's transaction, in two steps (write-pipeline.ts): made
 * ready while the batch before it is being written, then written. A test may put a double in its place.
 */
export interface BatchWriter<P = unknown> {
  prepare(batch: NewComment[], now: Date): Promise<P>;
  write(tx: Executor, prepared: P): Promise<void>;
}
export const bulkCommentWriter: BatchWriter<BulkComments> = {
  prepare: prepareBulkComments,
  write: async (tx, prepared) => {
    await writeBulkComments(tx, prepared);
  },
};

export interface CommitOptions {
  actorId: string | null;
  /** When the commit was asked for: the comments' entry time. */
  now: Date;
  /** The time the commit ends (finished_at); the system clock unless a test fixes it. */
  clock?: () => Date;
  requestId?: string;
  writeBatch?: BatchWriter;
  batchSize?: number;
}

export type CommitResult = { ok: true; imported: number } | { ok: false; code: FailureCode; processed: number };

class CommitStopped extends Error {
  constructor(readonly code: FailureCode, readonly report?: Partial<ImportReport>) {
    super(code);
  }
}

/** Runs the commit of an import already marked "importing", and records its outcome. */
export async function commitImport(db: Db, importId: string, options: CommitOptions): Promise<CommitResult> {
  const writer = (options.writeBatch ?? bulkCommentWriter) as BatchWriter<unknown>;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const clock = options.clock ?? (() => new Date());
  let processed = 0;
  const row = await loadImport(db, importId);
  if (!row || row.status !== "importing") {
    finishProgress(importId, "failed", processed);
    return { ok: false, code: "interrupted", processed };
  }
  try {
    const context = await importContext(db, { contactPointId: row.contactPointId, draftId: row.draftId }, options.now);
    if (!context) throw new CommitStopped("changed");
    const imported = await db.transaction(async (tx) => {
      // Held until the end: another process can tell a live commit from an interrupted one.
      const locked = await tx
        .select({ id: commentImports.id })
        .from(commentImports)
        .where(and(eq(commentImports.id, importId), eq(commentImports.status, "importing")))
        .for("update");
      if (locked.length === 0) throw new CommitStopped("interrupted");
      const pipeline = new WritePipeline<NewComment, { count: number; prepared: unknown }>(
        batchSize,
        async (batch) => ({ count: batch.length, prepared: await writer.prepare(batch, options.now) }),
        async ({ count, prepared }) => {
          await writer.write(tx, prepared);
          processed += count;
          reportProgress(importId, processed);
        },
      );
      const meta = { importId, enteredBy: options.actorId };
      const staged = await stagedChunksFor(tx, row.report, context);
      if (staged) {
        try {
          for await (const chunk of staged) for (const fields of chunk) await pipeline.add(newCommentOf(fields, context, meta));
        } finally {
          await pipeline.settle();
        }
      } else {
        // Nothing kept from validation (or kept for another version): read the sheet again, same rules.
        const [file] = row.attachmentId ? await tx.select({ content: attachments.content, fileName: attachments.fileName }).from(attachments).where(eq(attachments.id, row.attachmentId)) : [];
        const kind = file ? sheetKind({ name: file.fileName, bytes: file.content }) : null;
        if (!file || !kind?.ok) throw new CommitStopped("changed");
        const scan = await scanSheet(sheetRows(file.content, kind.kind), { clauses: context.clauses, defaultChannel: row.report.defaultChannel, today: cstDate(options.now) }, {
          stopAtFirstError: true,
          onRow: (r) => pipeline.add(newCommentOf(fieldsOf(r), context, meta)),
        }).finally(() => pipeline.settle());
        if (scan.errors.count > 0) throw new CommitStopped("changed", { errors: scan.errors.kept, errorCount: scan.errors.count });
      }
      await pipeline.finish();
      if (row.report.staged) {
        // Derived from the sheet, which stays: no longer needed once the comments exist.
        await tx.delete(attachments).where(eq(attachments.id, row.report.staged.attachmentId));
        const { staged: _, ...report } = row.report;
        await tx.update(commentImports).set({ errors: report }).where(eq(commentImports.id, importId));
      }
      await enqueue(tx, { topic: "comments.imported", aggregateType: "comment_import", aggregateId: importId, payload: { draftId: row.draftId, count: processed } });
      await tx.update(commentImports).set({ status: "done", processedRows: processed, finishedAt: clock() }).where(eq(commentImports.id, importId));
      await recordAudit(tx, {
        actorUserId: options.actorId, action: "import.committed", subjectType: "comment_import", subjectId: importId, at: options.now, requestId: options.requestId,
        detail: { comments: processed, draftId: row.draftId, contactPointId: row.contactPointId },
      });
      return processed;
    });
    finishProgress(importId, "done", imported);
    return { ok: true, imported };
  } catch (error) {
    const stopped = error instanceof CommitStopped ? error : null;
    const code = stopped?.code ?? "error";
    const reason = stopped ? undefined : describeError(error);
    if (reason) console.error(JSON.stringify({ level: "error", msg: "import commit failed", importId, requestId: options.requestId, error: reason }));
    const failure = { code, processed, report: { ...row.report, ...stopped?.report }, actorId: options.actorId, now: clock(), requestId: options.requestId, message: reason };
    try {
      await db.transaction((tx) => markFailed(tx, importId, failure));
    } finally {
      finishProgress(importId, "failed", processed);
    }
    return { ok: false, code, processed };
  }
}

/**
 * The rows validation kept, chunk by chunk, when they can be written as they are: read against the
 * version the commit writes into, all there. Otherwise null, and the sheet is read again. The blob
 * is read at once (no query may run on the connection while a batch is being copied in); each
 * chunk is unpacked only when the pipeline asks for it. A chunk that does not read, or names a
 * clause the version lacks, stops the commit ("changed": validate again).
 */
async function stagedChunksFor(tx: Executor, report: ImportReport, context: ImportContext): Promise<AsyncIterable<ImportedFields[]> | null> {
  const staged = report.staged;
  if (!staged || staged.versionId !== context.versionId) return null;
  const [blob] = await tx.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, staged.attachmentId));
  const spans = blob ? stagedChunkSpans(blob.content.byteLength, staged.rows, staged.chunks) : null;
  if (!blob || !spans) return null;
  return (async function* () {
    const chunks = readStagedChunks(blob.content, spans);
    for (;;) {
      let next: IteratorResult<{ rows: ImportedFields[]; expected: number }>;
      try {
        next = await chunks.next();
      } catch {
        throw new CommitStopped("changed");
      }
      if (next.done) return;
      const { rows, expected } = next.value;
      if (rows.length !== expected || rows.some((r) => r.clauseKey !== null && !context.provisionIds.has(r.clauseKey))) throw new CommitStopped("changed");
      yield rows;
    }
  })();
}

/**
 * What went wrong, for the log and the audit: the database's own message and code when there is one.
 * Never the failed query or its parameters (drizzle puts both in its message): they hold personal data.
 */
export function describeError(error: unknown): string {
  const e = error as { cause?: unknown; message?: unknown; name?: unknown } | null;
  const db = (e?.cause ?? null) as { code?: unknown; message?: unknown; constraint_name?: unknown; constraint?: unknown } | null;
  if (db && typeof db.message === "string") {
    const constraint = db.constraint_name ?? db.constraint;
    return [db.code, db.message, constraint ? `(${String(constraint)})` : null].filter(Boolean).join(" ").slice(0, 300);
  }
  const message = typeof e?.message === "string" ? e.message : String(error);
  return `${typeof e?.name === "string" ? e.name : "Error"}: ${message.split("\n", 1)[0]!.slice(0, 200)}`.replace(/params:.*/s, "");
}

/**
 * The user asks for a ready import to be committed: it becomes "importing" (at most once: a second
 * click finds it no longer ready) and the commit starts in the background. `job` settles when it ends.
 */
export async function startCommit(
  db: Db,
  actor: Principal | null,
  importId: string,
  options: { now: Date; requestId?: string; viewer?: string | null; releaseAfterMs?: number; writeBatch?: BatchWriter; batchSize?: number; clock?: () => Date },
): Promise<Outcome<{ started: boolean; job: Promise<CommitResult> | null }>> {
  const row = await loadImport(db, importId);
  if (!row) return { ok: false, error: "not_found" };
  const access = await importAccess(db, actor, row.contactPointId);
  if (access !== "write" || !actor) return denied(access);
  if (row.status === "importing" || row.status === "done") return { ok: true, value: { started: false, job: null } };
  if (row.status !== "ready") return { ok: false, error: "conflict" };
  const report: ImportReport = { ...row.report, commitStartedAt: options.now.toISOString() };
  const claimed = await db
    .update(commentImports)
    .set({ status: "importing", errors: report })
    .where(and(eq(commentImports.id, importId), eq(commentImports.status, "ready")))
    .returning({ id: commentImports.id });
  if (claimed.length === 0) return { ok: true, value: { started: false, job: null } };
  const { released } = trackImport(importId, row.totalRows, options.viewer ?? null, { releaseAfterMs: options.releaseAfterMs });
  const job = released
    .then(() => commitImport(db, importId, { actorId: actor.id, now: options.now, clock: options.clock, requestId: options.requestId, writeBatch: options.writeBatch, batchSize: options.batchSize }))
    .catch((error: unknown): CommitResult => {
      // Not even the failure could be recorded (the database is gone): the import stays "importing"
      // until a page finds it abandoned; this process stops showing it as running.
      console.error(JSON.stringify({ level: "error", msg: "import commit crashed", importId, error: describeError(error) }));
      finishProgress(importId, "failed", 0);
      return { ok: false, code: "error", processed: 0 };
    });
  return { ok: true, value: { started: true, job } };
}
