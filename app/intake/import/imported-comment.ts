/**
 * A sheet row's fields as the comment recordComments writes: source "import", approved (staff
 * vouch for what they collected), with the import, the contact point and who entered it; the
 * commenter's name and contact apart from the view, with no consent date (gathered offline). Pure.
 */
import type { NewComment } from "../record-comments.server";
import type { ImportContext } from "./import-context.server";
import type { ImportedFields } from "./staged-rows";

export function newCommentOf(row: ImportedFields, context: ImportContext, meta: { importId: string; enteredBy: string | null }): NewComment {
  const key = row.clauseKey;
  return {
    draftId: context.draftId,
    versionId: context.versionId,
    provisionId: key ? (context.provisionIds.get(key) ?? null) : null,
    provisionKey: key,
    consultationId: context.consultationId,
    contactPointId: context.contactPointId,
    importId: meta.importId,
    source: "import",
    channel: row.channel,
    category: row.category,
    region: context.region,
    // A spreadsheet cell is plain text: the text is the source, so no editor JSON is stored
    // (it is derived from the text if the comment is ever edited). Saves a third of the write.
    body: { json: null, html: row.body.html, text: row.body.text },
    proposedText: row.proposedText,
    reason: row.reason,
    moderationStatus: "approved",
    enteredBy: meta.enteredBy,
    saidOn: row.saidOn,
    commenter: { name: row.name, phone: row.phone, email: row.email, consentAt: null },
  };
}
