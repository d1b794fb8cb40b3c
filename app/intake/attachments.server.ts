/**
 * Files kept with a contact point's records: the minutes of a symposium or a photo of its sign-in
 * sheet. The type is read from the bytes (never from the name or the browser's claim), the size is
 * bounded, and a SHA-256 of the content is stored with it so a copy can be checked later.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { attachments } from "../../db/schema";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type AttachmentCheck =
  | { ok: true; mediaType: string; fileName: string }
  | { ok: false; error: "too_large" | "unsupported_type" | "empty" };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the bytes are: PDF, JPEG, PNG, or a Word .docx (a zip named .docx); anything else is refused. */
export function detectMediaType(file: UploadedFile): string | null {
  const { bytes } = file;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && /\.docx$/i.test(file.name)) return DOCX;
  return null;
}

/** The name as shown and offered for download: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = [...base.replace(/[\u0000-\u001f\u007f]/g, "").trim()].slice(-120).join("");
  return cleaned === "" ? "attachment" : cleaned;
}

export function checkAttachment(file: UploadedFile): AttachmentCheck {
  if (file.bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: "too_large" };
  const mediaType = detectMediaType(file);
  if (!mediaType) return { ok: false, error: "unsupported_type" };
  return { ok: true, mediaType, fileName: cleanFileName(file.name) };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Stores a checked file inside the caller's transaction and returns its id. */
export async function storeAttachment(
  tx: Executor,
  file: UploadedFile,
  checked: { mediaType: string; fileName: string },
  options: { uploadedBy: string | null; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(attachments)
    .values({
      fileName: checked.fileName, mediaType: checked.mediaType, byteSize: file.bytes.byteLength, sha256: sha256Hex(file.bytes),
      content: file.bytes, uploadedBy: options.uploadedBy, createdAt: options.now,
    })
    .returning({ id: attachments.id });
  return row!.id;
}

export interface StoredAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  content: Uint8Array;
}

export async function readAttachment(db: Executor, id: string): Promise<StoredAttachment | null> {
  const [row] = await db
    .select({ id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, byteSize: attachments.byteSize, sha256: attachments.sha256, content: attachments.content })
    .from(attachments)
    .where(eq(attachments.id, id));
  return row ?? null;
}

/** The file from a parsed multipart form (a File with content), or null when none was chosen. */
export async function uploadedFile(value: FormDataEntryValue | null): Promise<UploadedFile | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** Stands in for a file that was over the limit: the rest of the form is still read, so nothing typed is lost. */
export const FILE_TOO_LARGE = "\u0000file-too-large";
const MAX_TEXT_PART = 256 * 1024;

/**
 * A multipart upload handler that keeps files up to `maxBytes` in memory and reads past a bigger
 * one (answering FILE_TOO_LARGE) instead of failing the whole form.
 */
export function boundedUploadHandler(maxBytes: number) {
  return async ({ filename, contentType, data }: { filename?: string; contentType: string; data: AsyncIterable<Uint8Array> }): Promise<File | string> => {
    const limit = typeof filename === "string" ? maxBytes : MAX_TEXT_PART;
    let size = 0;
    let chunks: Uint8Array[] = [];
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) chunks = [];
      else chunks.push(chunk);
    }
    if (size > limit) return FILE_TOO_LARGE;
    if (typeof filename === "string") return new File(chunks as Uint8Array<ArrayBuffer>[], filename, { type: contentType });
    return new TextDecoder().decode(Buffer.concat(chunks));
  };
}
