/**
 * 座谈会: a contact point records a symposium it held on a draft it was asked about — date, place,
 * attendance, topic, the minutes or a photo of the sign-in sheet — and then enters what was said.
 * Only its own staff may record or add to one; officers above it may read it.
 */
import { count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { attachments, comments, contactPoints, drafts, symposia } from "../../db/schema";
import type { Principal } from "../accounts/policy";
import { cstDate } from "../drafts/china-time";
import { recordAudit } from "../platform/audit.server";
import type { FieldError, FieldErrors, FormResult } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { isUuid } from "./comment-scope.server";
import {
  checkAttachment, FILE_TOO_LARGE, MAX_ATTACHMENT_BYTES, readAttachment, sha256Hex, storeAttachment, uploadedFile, type StoredAttachment, type UploadedFile,
} from "./attachments.server";
import { askedDrafts, contactPointAccess, denied, type AskedDraft } from "./staff-access.server";
import { bySymposium, enteredComments, LIST_LIMIT, type EnteredRow } from "./staff-entered.server";
import type { SymposiumInput } from "./staff-entry-input";

const fileTooLarge: FieldError = { key: "errors.fileTooLarge", params: { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 } };
/** The minutes field's error for a file over the limit (also the answer to a body too big to read). */
export const MINUTES_TOO_LARGE: FieldErrors = { minutes: fileTooLarge };

/**
 * The new-symposium form as it opens: the drafts the user's contact points were asked about, and
 * the draft (`draft`, an id or a slug, else the newest) and date (today in China) to start from.
 */
export async function newSymposiumForm(
  db: Executor, actor: Principal | null, start: { draft: string | null; now: Date },
): Promise<{ options: AskedDraft[]; values: { draftId: string; heldOn: string } }> {
  const options = await askedDrafts(db, actor, "symposium.manage");
  const draftId = options.find((o) => o.draftId === start.draft || o.draftSlug === start.draft)?.draftId ?? options[0]?.draftId ?? "";
  return { options, values: { draftId, heldOn: cstDate(start.now) } };
}

/**
 * The new-symposium form as posted (read with `symposiumInput`), with the minutes field as the
 * bounded multipart reader left it (a file, FILE_TOO_LARGE, or nothing). A form with errors comes
 * back with them all — and, as a browser never sends a file back, a file that was chosen must be
 * chosen again; otherwise `createSymposium`.
 */
export async function createSymposiumFromForm(
  db: Db, actor: Principal | null, form: FormResult<SymposiumInput>, minutes: FormDataEntryValue | null, options: { now: Date; requestId?: string },
): Promise<Outcome<{ id: string }>> {
  const tooLarge = minutes === FILE_TOO_LARGE;
  if (!form.ok) {
    const chosen = minutes instanceof File && minutes.size > 0;
    return invalid({ ...form.fieldErrors, ...(tooLarge ? MINUTES_TOO_LARGE : chosen ? { minutes: { key: "staff.symposium.fileAgain" } } : {}) });
  }
  return createSymposium(db, actor, form.data, { file: tooLarge ? null : await uploadedFile(minutes), tooLarge }, options);
}

export interface SymposiumFile {
  file: UploadedFile | null;
  /** The upload was cut off at the size limit while reading the form. */
  tooLarge?: boolean;
}

export async function createSymposium(
  db: Db, actor: Principal | null, input: SymposiumInput, upload: SymposiumFile, options: { now: Date; requestId?: string },
): Promise<Outcome<{ id: string }>> {
  const access = await contactPointAccess(db, actor, input.contactPointId, "symposium.manage");
  if (access !== "write") return denied(access);
  const [asked] = await askedDrafts(db, actor, "symposium.manage", { draftId: input.draftId, contactPointId: input.contactPointId });
  if (!asked) return invalid({ draftId: { key: "errors.invalidChoice" } });
  let checked: ReturnType<typeof checkAttachment> | null = null;
  if (upload.tooLarge) return invalid(MINUTES_TOO_LARGE);
  if (upload.file) {
    checked = checkAttachment(upload.file);
    if (!checked.ok) {
      return invalid({
        minutes: checked.error === "too_large" ? fileTooLarge : { key: `staff.symposium.file.${checked.error}` },
      });
    }
  }
  const id = await db.transaction(async (tx) => {
    const attachmentId = upload.file && checked?.ok ? await storeAttachment(tx, upload.file, checked, { uploadedBy: actor?.id ?? null, now: options.now }) : null;
    const [row] = await tx
      .insert(symposia)
      .values({
        contactPointId: input.contactPointId, draftId: input.draftId, consultationId: asked.consultationId, heldOn: input.heldOn, place: input.place,
        attendance: input.attendance, topic: input.topic ?? null, minutesAttachmentId: attachmentId, createdBy: actor?.id ?? null, createdAt: options.now,
      })
      .returning({ id: symposia.id });
    await recordAudit(tx, {
      actorUserId: actor?.id ?? null, action: "symposium.create", subjectType: "symposium", subjectId: row!.id, at: options.now, requestId: options.requestId,
      detail: { draftId: input.draftId, heldOn: input.heldOn, attendance: input.attendance, attachmentId, attachmentSha256: attachmentId && upload.file ? sha256Hex(upload.file.bytes) : null },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

export interface SymposiumSummary {
  id: string;
  contactPointId: string;
  contactPointName: string;
  draftId: string;
  draftSlug: string;
  draftTitle: string;
  consultationId: string | null;
  heldOn: string;
  place: string;
  attendance: number;
  topic: string | null;
  minutes: { fileName: string; byteSize: number; mediaType: string } | null;
  comments: number;
}

async function loadSymposia(db: Executor, where: SQL | undefined, limit = 100): Promise<SymposiumSummary[]> {
  const rows = await db
    .select({
      id: symposia.id, contactPointId: symposia.contactPointId, contactPointName: contactPoints.name, draftId: drafts.id, draftSlug: drafts.slug,
      draftTitle: drafts.title, consultationId: symposia.consultationId, heldOn: symposia.heldOn, place: symposia.place, attendance: symposia.attendance,
      topic: symposia.topic, fileName: attachments.fileName, byteSize: attachments.byteSize, mediaType: attachments.mediaType,
    })
    .from(symposia)
    .innerJoin(contactPoints, eq(contactPoints.id, symposia.contactPointId))
    .innerJoin(drafts, eq(drafts.id, symposia.draftId))
    .leftJoin(attachments, eq(attachments.id, symposia.minutesAttachmentId))
    .where(where)
    .orderBy(desc(symposia.heldOn), desc(symposia.createdAt))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db.select({ id: comments.symposiumId, n: count() }).from(comments).where(inArray(comments.symposiumId, ids)).groupBy(comments.symposiumId)
    : [];
  return rows.map(({ fileName, byteSize, mediaType, ...r }) => ({
    ...r,
    minutes: fileName !== null && byteSize !== null && mediaType !== null ? { fileName, byteSize, mediaType } : null,
    comments: counts.find((c) => c.id === r.id)?.n ?? 0,
  }));
}

/** One symposium as its page shows it, and whether the user may add views to it. */
export async function symposiumPage(db: Executor, actor: Principal | null, symposiumId: string): Promise<Outcome<SymposiumSummary & { canEnter: boolean }>> {
  if (!isUuid(symposiumId)) return { ok: false, error: "not_found" };
  const [symposium] = await loadSymposia(db, eq(symposia.id, symposiumId), 1);
  if (!symposium) return { ok: false, error: "not_found" };
  const access = await contactPointAccess(db, actor, symposium.contactPointId, "comment.enter");
  if (access === "none") return { ok: false, error: "not_found" };
  return { ok: true, value: { ...symposium, canEnter: access === "write" } };
}

/** A symposium's page: the symposium (as `symposiumPage` gives it) and the views entered at it, newest first. */
export async function symposiumWithViews(
  db: Executor, actor: Principal | null, symposiumId: string,
): Promise<Outcome<{ symposium: SymposiumSummary & { canEnter: boolean }; entered: { rows: EnteredRow[]; total: number } }>> {
  const symposium = await symposiumPage(db, actor, symposiumId);
  if (!symposium.ok) return symposium;
  return { ok: true, value: { symposium: symposium.value, entered: await enteredComments(db, bySymposium(symposium.value.id), LIST_LIMIT) } };
}

/** The symposia of some contact points, latest first (for the staff home). */
export async function symposiaOf(db: Executor, contactPointIds: string[], limit = 20): Promise<SymposiumSummary[]> {
  if (contactPointIds.length === 0) return [];
  return loadSymposia(db, inArray(symposia.contactPointId, contactPointIds), limit);
}

/** The minutes file for download, to anyone who may read the symposium; every download is audited. */
export async function symposiumMinutes(
  db: Db, actor: Principal | null, symposiumId: string, options: { now: Date; requestId?: string },
): Promise<Outcome<StoredAttachment>> {
  if (!isUuid(symposiumId)) return { ok: false, error: "not_found" };
  const [row] = await db.select({ cp: symposia.contactPointId, attachmentId: symposia.minutesAttachmentId }).from(symposia).where(eq(symposia.id, symposiumId));
  if (!row || !row.attachmentId) return { ok: false, error: "not_found" };
  const access = await contactPointAccess(db, actor, row.cp, "comment.enter");
  if (access === "none") return { ok: false, error: "not_found" };
  const file = await readAttachment(db, row.attachmentId);
  if (!file) return { ok: false, error: "not_found" };
  await recordAudit(db, {
    actorUserId: actor?.id ?? null, action: "attachment.download", subjectType: "attachment", subjectId: file.id, at: options.now, requestId: options.requestId,
    detail: { symposiumId, fileName: file.fileName, sha256: file.sha256 },
  });
  return { ok: true, value: file };
}
