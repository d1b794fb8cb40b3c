/**
 * What validating a sheet found, kept with the import (comment_imports.errors, jsonb) so the report
 * page can show it and the commit can re-read the file the same way: every problem with its row
 * (as numbered in the sheet) and column (as headed in the sheet), notices, and the choices made on
 * the upload form. Pure: no database, usable by the UI.
 */
import { z } from "zod";
import { CHANNELS, type Channel } from "../../../db/schema/vocabulary";
import type { StagedChunk } from "./staged-rows";

/** Problems that stop an import. Each has a message "import.issue.<code>". */
export const ISSUE_CODES = [
  // a cell
  "required", "tooLong", "unstorable", "cellError", "articleNotFound", "articleUnreadable", "category", "channel", "contact",
  "contactTwice", "dateFormat", "dateFuture", "dateTooOld",
  // the whole file
  "noHeader", "duplicateColumn", "noRows", "tooManyRows", "unreadable",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Things worth knowing that do not stop an import. Each has a message "import.notice.<code>". */
export const NOTICE_CODES = ["extraColumns", "defaultChannel", "exampleSkipped"] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** Why a commit failed (nothing was saved). Each has a message "import.failure.<code>". */
export const FAILURE_CODES = ["changed", "interrupted", "error"] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

type Params = Record<string, string | number>;

export interface ImportIssue {
  /** Row number as the spreadsheet shows it; null for the whole file. */
  row: number | null;
  /** The column's header as written in the sheet; null for the whole row or file. */
  column: string | null;
  code: IssueCode;
  params?: Params;
}

export interface ImportNotice {
  code: NoticeCode;
  params?: Params;
}

export interface ImportReport {
  /** At most MAX_REPORTED_ERRORS, in sheet order. */
  errors: ImportIssue[];
  /** All errors found, also those not kept. */
  errorCount: number;
  notices: ImportNotice[];
  /** 渠道 of rows that leave it empty, as chosen on the upload form. */
  defaultChannel: Channel;
  /** Set when a commit starts (ISO time): a commit that stopped long ago without a result was interrupted. */
  commitStartedAt?: string;
  failure?: { code: FailureCode; at: string };
  /** The good rows as validation read them (an attachment), for the version they were read against. */
  staged?: { attachmentId: string; versionId: string; rows: number; chunks?: StagedChunk[] };
}

/** Errors kept with an import: enough to fix a sheet; a file with more gets a count. */
export const MAX_REPORTED_ERRORS = 1_000;

const params = z.record(z.string(), z.union([z.string(), z.number()])).optional();
const ReportSchema = z.object({
  errors: z.array(z.object({ row: z.number().nullable(), column: z.string().nullable(), code: z.enum(ISSUE_CODES), params })),
  errorCount: z.number(),
  notices: z.array(z.object({ code: z.enum(NOTICE_CODES), params })),
  defaultChannel: z.enum(CHANNELS),
  commitStartedAt: z.string().optional(),
  failure: z.object({ code: z.enum(FAILURE_CODES), at: z.string() }).optional(),
  staged: z
    .object({ attachmentId: z.string(), versionId: z.string(), rows: z.number(), chunks: z.array(z.object({ bytes: z.number(), rows: z.number() })).optional() })
    .optional(),
});

/** The stored report, read defensively (an import made before this shape existed reads as an unreadable file). */
export function readStoredReport(json: unknown): ImportReport {
  const parsed = ReportSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return { errors: [{ row: null, column: null, code: "unreadable" }], errorCount: 1, notices: [], defaultChannel: "symposium" };
}

/** Collects issues in sheet order, keeping the first MAX_REPORTED_ERRORS and counting the rest. */
export class IssueList {
  readonly kept: ImportIssue[] = [];
  count = 0;
  constructor(private readonly max = MAX_REPORTED_ERRORS) {}
  add(issue: ImportIssue): void {
    this.count++;
    if (this.kept.length < this.max) this.kept.push(issue);
  }
}
