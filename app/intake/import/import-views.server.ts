/**
 * What the import pages show: the report (counts, notices, the problems a page at a time, whether it
 * can be committed) and the progress of a commit (from this process's registry, or indeterminate).
 */
import type { Db } from "../../../db/client";
import type { Channel, ImportStatus } from "../../../db/schema/vocabulary";
import type { Principal } from "../../accounts/policy";
import type { Outcome } from "../../platform/outcome";
import { reclaimIfAbandoned } from "./import-failure.server";
import { progressOf } from "./import-progress.server";
import { denied } from "../staff-access.server";
import { importAccess, loadImport, type ImportRow } from "./import-records.server";
import type { FailureCode, ImportIssue, ImportNotice } from "./import-report";

export const ERRORS_PER_PAGE = 100;

export interface ImportSummary {
  id: string;
  status: ImportStatus;
  fileName: string | null;
  byteSize: number | null;
  draftId: string;
  draftTitle: string;
  draftSlug: string;
  contactPointName: string;
  totalRows: number;
  processedRows: number;
  createdAt: Date;
  finishedAt: Date | null;
  errorCount: number;
  notices: ImportNotice[];
  defaultChannel: Channel;
  failure: FailureCode | null;
  /** Whether this user may commit it now. */
  canCommit: boolean;
}

function summaryOf(row: ImportRow, canWrite: boolean): ImportSummary {
  return {
    id: row.id, status: row.status, fileName: row.fileName, byteSize: row.byteSize, draftId: row.draftId, draftTitle: row.draftTitle,
    draftSlug: row.draftSlug, contactPointName: row.contactPointName, totalRows: row.totalRows, processedRows: row.processedRows,
    createdAt: row.createdAt, finishedAt: row.finishedAt, errorCount: row.report.errorCount, notices: row.report.notices,
    defaultChannel: row.report.defaultChannel, failure: row.report.failure?.code ?? null, canCommit: canWrite && row.status === "ready",
  };
}

export interface ImportReportView {
  summary: ImportSummary;
  /** The problems on this page, in sheet order. */
  errors: ImportIssue[];
  page: number;
  pages: number;
  /** Problems kept with the import (a huge file has more than are kept: errorCount says how many). */
  keptErrors: number;
}

export async function importReportView(db: Db, actor: Principal | null, importId: string, options: { page?: number } = {}): Promise<Outcome<ImportReportView>> {
  const row = await loadImport(db, importId);
  if (!row) return { ok: false, error: "not_found" };
  const access = await importAccess(db, actor, row.contactPointId);
  if (access === "none") return denied(access);
  const kept = row.report.errors;
  const pages = Math.max(1, Math.ceil(kept.length / ERRORS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Math.floor(options.page ?? 1)));
  return {
    ok: true,
    value: { summary: summaryOf(row, access === "write"), errors: kept.slice((page - 1) * ERRORS_PER_PAGE, page * ERRORS_PER_PAGE), page, pages, keptErrors: kept.length },
  };
}

export interface ImportProgressView {
  summary: ImportSummary;
  /** Rows written so far, or null when this process is not the one committing (indeterminate). */
  processed: number | null;
  total: number;
}

export async function importProgressView(db: Db, actor: Principal | null, importId: string, now: Date): Promise<Outcome<ImportProgressView>> {
  let row = await loadImport(db, importId);
  if (!row) return { ok: false, error: "not_found" };
  const access = await importAccess(db, actor, row.contactPointId);
  if (access === "none") return denied(access);
  const live = progressOf(importId);
  if (row.status === "importing" && !live && (await reclaimIfAbandoned(db, importId, row.report, now))) {
    row = (await loadImport(db, importId)) ?? row;
  }
  const summary = summaryOf(row, access === "write");
  if (row.status === "done") return { ok: true, value: { summary, processed: row.processedRows, total: row.totalRows } };
  return { ok: true, value: { summary, processed: row.status === "importing" ? (live ? live.processed : null) : row.processedRows, total: row.totalRows } };
}
