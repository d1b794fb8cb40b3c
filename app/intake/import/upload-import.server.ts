/**
 * Uploading a sheet: the file is checked (kind, size), read once from start to end with the same
 * rules a commit will apply, and stored with its report and, when every row is good, the rows as
 * read (staged-rows.ts), so the commit need not read the sheet again. No comment exists until the
 * import is committed. A file that is not a sheet at all is refused next to the field.
 */
import { createHash } from "node:crypto";
import type { Db } from "../../../db/client";
import { attachments, commentImports } from "../../../db/schema";
import { CHANNELS, type Channel } from "../../../db/schema/vocabulary";
import type { Principal } from "../../accounts/policy";
import { cstDate } from "../../drafts/china-time";
import { recordAudit } from "../../platform/audit.server";
import type { FieldErrors } from "../../platform/forms";
import { XLSX_MEDIA_TYPE } from "../../platform/media-types";
import { invalid, type Outcome } from "../../platform/outcome";
import { isUuid } from "../comment-scope.server";
import { COLUMN_NAMES, IMPORT_COLUMNS } from "./import-columns";
import { importAccess, importChoices } from "./import-records.server";
import type { ImportReport } from "./import-report";
import { importContext } from "./import-context.server";
import { MAX_IMPORT_ROWS, scanSheet } from "./scan-sheet";
import { sheetKind, sheetRows } from "./sheet-rows.server";
import { STAGED_MEDIA_TYPE, StagedRowsWriter } from "./staged-rows";

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const IMPORT_ACCEPT = `.xlsx,.csv,${XLSX_MEDIA_TYPE},text/csv`;

export interface UploadInput {
  contactPointId: string;
  draftId: string;
  defaultChannel: string;
  file: { name: string; bytes: Uint8Array } | null;
}

/** What the upload page needs: where the user may import to, the columns a sheet may have, and the limits. */
export interface NewImportForm {
  choices: { contactPointId: string; contactPointName: string; draftId: string; draftTitle: string; versionLabel: string }[];
  /** The draft to select first (from the link that led here), if any. */
  preselectDraftId: string | null;
  /** The template's column headers, as one line to show. */
  columns: string;
  limits: { maxMb: number; maxRows: number; accept: string };
}

export async function newImportForm(db: Db, actor: Principal | null, preselectDraftId: string | null): Promise<NewImportForm> {
  const choices = await importChoices(db, actor);
  return {
    choices: choices.map(({ contactPointId, contactPointName, draftId, draftTitle, versionLabel }) => ({ contactPointId, contactPointName, draftId, draftTitle, versionLabel })),
    preselectDraftId,
    columns: IMPORT_COLUMNS.map((c) => COLUMN_NAMES[c].header).join("、"),
    // Server-side limits travel as data: the page must not import server modules (they are empty in the browser).
    limits: { maxMb: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS, accept: IMPORT_ACCEPT },
  };
}

/** A request body this big is not read at all: the largest sheet and a megabyte for the rest of the form. */
const MAX_UPLOAD_BODY_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;
const SHEET_TOO_LARGE: FieldErrors = { file: { key: "errors.fileTooLarge", params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } } };

/**
 * The upload form from its request: refused unread (the file field's error, for a 413) when its
 * declared length is over the limit; else what `uploadImport` takes, and the values to put back
 * into the form should it be refused.
 */
export async function readUploadRequest(
  request: Request,
): Promise<{ ok: true; input: UploadInput; values: Record<string, string> } | { ok: false; fieldErrors: FieldErrors }> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_UPLOAD_BODY_BYTES) return { ok: false, fieldErrors: SHEET_TOO_LARGE };
  const form = await request.formData();
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const upload = form.get("file");
  const file = upload instanceof File && upload.size > 0 ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
  const values = { contactPointId: text("contactPointId"), draftId: text("draftId"), defaultChannel: text("defaultChannel") };
  return { ok: true, input: { ...values, file }, values };
}

/** The name kept and offered back: no folders, no control characters, at most 120 characters. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base === "" ? "import" : [...base].slice(-120).join("");
}

// An uploaded CSV keeps no charset: it may be GB18030 as well as UTF-8.
const MEDIA_TYPES = { xlsx: XLSX_MEDIA_TYPE, csv: "text/csv" } as const;

export async function uploadImport(
  db: Db,
  actor: Principal | null,
  input: UploadInput,
  options: { now: Date; requestId?: string },
): Promise<Outcome<{ id: string; status: "ready" | "invalid" }>> {
  if (!actor) return { ok: false, error: "forbidden" };
  const errors: FieldErrors = {};
  if (!isUuid(input.contactPointId)) errors.contactPointId = { key: "errors.invalidChoice" };
  else if ((await importAccess(db, actor, input.contactPointId)) !== "write") return { ok: false, error: "forbidden" };
  const [choice] = isUuid(input.contactPointId) && isUuid(input.draftId)
    ? await importChoices(db, actor, { contactPointId: input.contactPointId, draftId: input.draftId })
    : [];
  if (!choice) errors.draftId = { key: "errors.invalidChoice" };
  if (!(CHANNELS as readonly string[]).includes(input.defaultChannel)) errors.defaultChannel = { key: "errors.invalidChoice" };
  const file = input.file;
  const kind = file ? sheetKind(file) : null;
  if (!file) errors.file = { key: "import.file.missing" };
  else if (file.bytes.byteLength > MAX_IMPORT_BYTES) errors.file = { key: "errors.fileTooLarge", params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } };
  else if (kind && !kind.ok) errors.file = { key: kind.error === "legacy_excel" ? "import.file.legacyExcel" : "import.file.unsupported" };
  if (Object.keys(errors).length > 0 || !choice || !file || !kind?.ok) return invalid(errors);

  const defaultChannel = input.defaultChannel as Channel;
  const context = await importContext(db, { contactPointId: input.contactPointId, draftId: input.draftId }, options.now);
  if (!context) return invalid({ draftId: { key: "errors.invalidChoice" } });
  let scan;
  const staged = new StagedRowsWriter();
  try {
    scan = await scanSheet(sheetRows(file.bytes, kind.kind), { clauses: context.clauses, defaultChannel, today: cstDate(options.now) }, { onRow: (row) => staged.add(row) });
  } catch {
    return invalid({ file: { key: "import.file.unreadable" } });
  }
  const status = scan.errors.count > 0 ? "invalid" : "ready";
  const report: ImportReport = { errors: scan.errors.kept, errorCount: scan.errors.count, notices: scan.notices, defaultChannel };
  const fileName = cleanFileName(file.name);
  const kept = status === "ready" ? staged.finish() : null;
  const id = await db.transaction(async (tx) => {
    if (kept) {
      const [blob] = await tx
        .insert(attachments)
        .values({
          fileName: `${fileName}.rows.json.gz`, mediaType: STAGED_MEDIA_TYPE, byteSize: kept.blob.byteLength,
          sha256: createHash("sha256").update(kept.blob).digest("hex"), content: kept.blob, uploadedBy: actor.id, createdAt: options.now,
        })
        .returning({ id: attachments.id });
      report.staged = { attachmentId: blob!.id, versionId: context.versionId, rows: staged.count, chunks: kept.chunks };
    }
    const [attachment] = await tx
      .insert(attachments)
      .values({
        fileName, mediaType: MEDIA_TYPES[kind.kind], byteSize: file.bytes.byteLength, sha256: createHash("sha256").update(file.bytes).digest("hex"),
        content: file.bytes, uploadedBy: actor.id, createdAt: options.now,
      })
      .returning({ id: attachments.id });
    const [row] = await tx
      .insert(commentImports)
      .values({
        contactPointId: input.contactPointId, draftId: input.draftId, attachmentId: attachment!.id, status, totalRows: scan.dataRows,
        errors: report, createdBy: actor.id, createdAt: options.now,
      })
      .returning({ id: commentImports.id });
    await recordAudit(tx, {
      actorUserId: actor.id, action: "import.validated", subjectType: "comment_import", subjectId: row!.id, at: options.now, requestId: options.requestId,
      detail: { status, rows: scan.dataRows, errors: scan.errors.count, fileName, draftId: input.draftId, contactPointId: input.contactPointId, defaultChannel },
    });
    return row!.id;
  });
  return { ok: true, value: { id, status } };
}
