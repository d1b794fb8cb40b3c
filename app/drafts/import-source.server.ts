/** Importing a version as officers do it: a Word/text/Markdown file, or text pasted from a web page. */
import type { Db } from "../../db/client";
import type { Principal } from "../accounts/policy";
import type { FieldErrors } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { extractSourceText, MAX_SOURCE_BYTES } from "./source-text.server";
import { importVersion } from "./versions.server";

export const MAX_PASTE_CHARS = 2_000_000;
export const MAX_LABEL_CHARS = 50;

export interface ImportForm {
  draftId: string;
  label: string;
  file: { name: string; bytes: Uint8Array } | null;
  pasted: string;
}

/** Reads the import form's fields; what is wrong is reported next to the field. */
export async function readImportForm(form: FormData, draftId: string): Promise<ImportForm> {
  const upload = form.get("file");
  const file = upload instanceof File && upload.size > 0 ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
  const label = form.get("label");
  const pasted = form.get("pasted");
  return { draftId, label: typeof label === "string" ? label.trim() : "", file, pasted: typeof pasted === "string" ? pasted : "" };
}

export async function importVersionFromForm(db: Db, actor: Principal | null, input: ImportForm, requestId?: string) {
  const errors: FieldErrors = {};
  if (input.label === "") errors.label = { key: "errors.required" };
  else if (input.label.length > MAX_LABEL_CHARS) errors.label = { key: "errors.tooLong", params: { max: MAX_LABEL_CHARS } };
  let text: string | null = null;
  let format: "text" | "markdown" | undefined;
  let fileName: string | null = null;
  if (input.file) {
    const extracted = await extractSourceText(input.file);
    if (extracted.ok) {
      ({ text, format, fileName } = extracted);
    } else {
      errors.file = extracted.error === "too_large"
        ? { key: "errors.fileTooLarge", params: { mb: MAX_SOURCE_BYTES / 1024 / 1024 } }
        : { key: `errors.file.${extracted.error}` };
    }
  } else if (input.pasted.trim() !== "") {
    if (input.pasted.length > MAX_PASTE_CHARS) errors.pasted = { key: "errors.tooLong", params: { max: MAX_PASTE_CHARS } };
    else text = input.pasted;
  } else {
    errors.file = { key: "errors.sourceMissing" };
  }
  if (Object.keys(errors).length > 0 || text === null) return invalid(errors) as Outcome<never>;
  return importVersion(db, actor, { draftId: input.draftId, label: input.label, sourceText: text, sourceFormat: format, sourceFileName: fileName }, requestId);
}
