/**
 * 提出人的个人信息: how it leaves the database. Lists and detail pages get it masked here, in the
 * service layer, so no component can forget to mask it. The full details go out only through
 * `revealCommenter`, to roles allowed "personal_data.reveal" for the comment's scope who also reach
 * the comment on the page the reveal is asked from, and only after the reveal is written to the
 * audit log.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { commenters, comments } from "../../db/schema";
import { can, type Principal } from "../accounts/policy";
import { recordAudit } from "../platform/audit.server";
import type { Outcome } from "../platform/outcome";
import { commentScope, readsAs, type CommentViewer } from "./comment-scope.server";
import { maskAddress, maskEmail, maskName, maskPhone } from "./masking";

/** What a commenter row holds that may identify a person. */
export interface CommenterRow {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  idNumber: string | null;
  affiliation: string | null;
  erasedAt: Date | null;
}

/** A commenter as any list or page may show them: partly hidden (张*, 138****5678, z***@example.com). */
export interface MaskedCommenter {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** Whether an ID number is on file; the number itself is never shown masked or otherwise in lists. */
  hasIdNumber: boolean;
  affiliation: string | null;
  erased: boolean;
  /** Whether there is anything a reveal would show. */
  revealable: boolean;
}

/**
 * The commenter's columns, to select as one nested object (null when a left join finds none). The id
 * comes first: drizzle decides a left-joined object is absent from its first column.
 */
export const commenterColumns = {
  id: commenters.id, name: commenters.name, phone: commenters.phone, email: commenters.email, address: commenters.address,
  idNumber: commenters.idNumber, affiliation: commenters.affiliation, erasedAt: commenters.erasedAt,
};

export const PERSONAL_FIELDS = ["name", "phone", "email", "address", "idNumber"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export function maskedCommenter(row: CommenterRow | null): MaskedCommenter | null {
  if (!row) return null;
  if (row.erasedAt) return { name: null, phone: null, email: null, address: null, hasIdNumber: false, affiliation: null, erased: true, revealable: false };
  return {
    name: maskName(row.name) || null,
    phone: maskPhone(row.phone) || null,
    email: maskEmail(row.email) || null,
    address: maskAddress(row.address) || null,
    hasIdNumber: !!row.idNumber,
    affiliation: row.affiliation,
    erased: false,
    revealable: PERSONAL_FIELDS.some((f) => !!row[f]),
  };
}

export interface RevealedCommenter extends Omit<CommenterRow, "erasedAt"> {
  commenterId: string;
  /** The fields that held something and were shown (as written to the audit log). */
  fields: PersonalField[];
}

/**
 * The full personal details of a comment's commenter, for this response only. Refused (forbidden)
 * unless `actor` reaches the comment on `context.viewer`'s pages — a contact point's staff only their
 * own contact point's comments, an officer those in their subtree (the same reach as
 * `commentDetail`) — and may reveal personal data in its scope; not_found when there is no such
 * comment, it has no commenter, or the details were erased. The audit entry is written before
 * anything is returned: if it cannot be written, nothing is revealed.
 */
export async function revealCommenter(
  db: Executor,
  actor: Principal | null,
  commentId: string,
  context: { requestId?: string | null; now: Date; viewer: CommentViewer },
): Promise<Outcome<RevealedCommenter>> {
  const scope = await commentScope(db, commentId);
  if (!scope) return { ok: false, error: "not_found" };
  if (!readsAs(actor, scope, context.viewer)) return { ok: false, error: "forbidden" };
  if (!can(actor, "personal_data.reveal", scope)) return { ok: false, error: "forbidden" };
  const [row] = await db
    .select(commenterColumns)
    .from(comments)
    .innerJoin(commenters, eq(commenters.id, comments.commenterId))
    .where(eq(comments.id, commentId));
  if (!row || row.erasedAt) return { ok: false, error: "not_found" };
  const fields = PERSONAL_FIELDS.filter((f) => !!row[f]);
  await recordAudit(db, {
    actorUserId: actor?.id ?? null,
    action: "personal_data.reveal",
    subjectType: "commenter",
    subjectId: row.id,
    detail: { commentId, fields },
    requestId: context.requestId ?? null,
    at: context.now,
  });
  return {
    ok: true,
    value: {
      commenterId: row.id, name: row.name, phone: row.phone, email: row.email, address: row.address,
      idNumber: row.idNumber, affiliation: row.affiliation, fields,
    },
  };
}
