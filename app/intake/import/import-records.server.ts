/**
 * The rows behind an import: which drafts a user may import into (those whose consultation asked one
 * of their contact points), an import with its draft, contact point and file, and who may see or
 * commit it (staff of its own contact point; officers above it only see it; others are told it does
 * not exist).
 */
import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { attachments, commentImports, contactPoints, drafts } from "../../../db/schema";
import type { Principal } from "../../accounts/policy";
import { isUuid } from "../comment-scope.server";
import { askedDrafts, contactPointAccess, type Access, type AskedDraft } from "../staff-access.server";
import { readStoredReport, type ImportReport } from "./import-report";

export type ImportChoice = AskedDraft;

/** Drafts the user may import comments into, per contact point, newest consultation first (one row per contact point and draft). */
export function importChoices(db: Executor, actor: Principal | null, filter: { contactPointId?: string; draftId?: string } = {}): Promise<ImportChoice[]> {
  return askedDrafts(db, actor, "comment.enter", filter);
}

export interface ImportRow {
  id: string;
  status: "validating" | "invalid" | "ready" | "importing" | "done" | "failed";
  contactPointId: string;
  contactPointName: string;
  contactPointRegion: string | null;
  draftId: string;
  draftTitle: string;
  draftSlug: string;
  attachmentId: string | null;
  fileName: string | null;
  byteSize: number | null;
  totalRows: number;
  processedRows: number;
  report: ImportReport;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export async function loadImport(db: Executor, importId: string): Promise<ImportRow | null> {
  if (!isUuid(importId)) return null;
  const [row] = await db
    .select({
      id: commentImports.id, status: commentImports.status, contactPointId: commentImports.contactPointId, contactPointName: contactPoints.name,
      contactPointRegion: contactPoints.regionCode, draftId: commentImports.draftId, draftTitle: drafts.title, draftSlug: drafts.slug,
      attachmentId: commentImports.attachmentId, fileName: attachments.fileName, byteSize: attachments.byteSize, totalRows: commentImports.totalRows,
      processedRows: commentImports.processedRows, errors: commentImports.errors, createdBy: commentImports.createdBy,
      createdAt: commentImports.createdAt, finishedAt: commentImports.finishedAt,
    })
    .from(commentImports)
    .innerJoin(drafts, eq(drafts.id, commentImports.draftId))
    .innerJoin(contactPoints, eq(contactPoints.id, commentImports.contactPointId))
    .leftJoin(attachments, eq(attachments.id, commentImports.attachmentId))
    .where(eq(commentImports.id, importId));
  if (!row) return null;
  const { errors, ...rest } = row;
  return { ...rest, contactPointId: row.contactPointId!, report: readStoredReport(errors) };
}

/**
 * Staff of the import's contact point may upload and commit; officers above it may read it; anyone
 * else may not know of it. The same rule as entering views by hand (`contactPointAccess`): what an
 * import writes is recorded as collected by the contact point, so only its own staff write it, even
 * though the policy lets officers above enter views.
 */
export function importAccess(db: Executor, actor: Principal | null, contactPointId: string): Promise<Access> {
  return contactPointAccess(db, actor, contactPointId, "comment.enter");
}
