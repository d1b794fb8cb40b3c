/**
 * What the printable notice and paper form show: the draft as a comment would target it (its
 * latest published version and consultation), the body that issued it, and optionally the contact
 * point that prints them (?cp=<id>). Dates travel as ISO strings; the deadline is the last day on
 * which comments are taken (a consultation closes at the start of the following day).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { contactPoints, organizations } from "../../db/schema";
import { isUuid } from "./comment-scope.server";
import { commentTarget } from "./comment-target.server";
import type { Locale } from "../platform/i18n/locales";
import { translator } from "../platform/i18n/translate";
import { publicUrl, qrCodeSvg } from "../platform/qr-code.server";

export type PrintWindow =
  | { state: "none" }
  | { state: "upcoming"; opensOn: string; lastDay: string }
  | { state: "open"; lastDay: string }
  | { state: "closed"; lastDay: string };

export interface PrintTarget {
  draft: { slug: string; title: string };
  version: { label: string };
  organization: string | null;
  window: PrintWindow;
  /** Whether the public may comment online (otherwise only contact points collect). */
  publicComments: boolean;
  contactPoint: { name: string; address: string | null } | null;
}

/** The last instant before `closesAt`: its calendar day (Beijing time) is the deadline people read. */
const lastDayOf = (closesAt: Date) => new Date(closesAt.getTime() - 1).toISOString();

/**
 * The draft to print for, or null when there is none (no such draft, nothing published, or a
 * contact point id that names no open contact point).
 */
export async function printTarget(db: Executor, input: { slug: string; contactPointId: string | null; locale: Locale; now: Date }): Promise<PrintTarget | null> {
  const target = await commentTarget(db, { slug: input.slug }, input.now);
  if (!target) return null;
  let contactPoint: PrintTarget["contactPoint"] = null;
  if (input.contactPointId !== null) {
    if (!isUuid(input.contactPointId)) return null;
    const [cp] = await db
      .select({ name: contactPoints.name, nameEn: contactPoints.nameEn, address: contactPoints.address })
      .from(contactPoints)
      .where(and(eq(contactPoints.id, input.contactPointId), isNull(contactPoints.closedAt)));
    if (!cp) return null;
    contactPoint = { name: (input.locale === "en" ? cp.nameEn : null) ?? cp.name, address: cp.address };
  }
  const [org] = await db
    .select({ name: organizations.name, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, target.draft.organizationId));
  const w = target.window;
  const window: PrintWindow =
    w.state === "none"
      ? { state: "none" }
      : w.state === "upcoming"
        ? { state: "upcoming", opensOn: w.opensAt.toISOString(), lastDay: lastDayOf(w.closesAt) }
        : { state: w.state, lastDay: lastDayOf(w.closesAt) };
  return {
    draft: { slug: target.draft.slug, title: target.draft.title },
    version: { label: target.version.label },
    organization: org ? ((input.locale === "en" ? org.nameEn : null) ?? org.name) : null,
    window,
    publicComments: target.consultation?.publicComments ?? false,
    contactPoint,
  };
}

/** ?copies=N for the paper form: 1 when absent or unreadable, at most `max`. */
export function copiesParam(value: string | null, max: number): { copies: number; capped: boolean } {
  const n = value !== null && /^\s*\d{1,6}\s*$/.test(value) ? Number.parseInt(value, 10) : 1;
  if (n > max) return { copies: max, capped: true };
  return { copies: Math.max(1, n), capped: false };
}

export interface NoticeData extends PrintTarget {
  /** Absolute address of the comment page, when comments are taken online now. */
  commentUrl: string | null;
  /** The QR code for commentUrl, an inline SVG made on the server (no script, no references), labelled for screen readers. */
  qrSvg: string | null;
}

/**
 * The notice: the print target, plus the QR code to the comment page — only while comments are
 * taken online (a code that leads to a closed form helps nobody).
 */
export async function noticeData(
  db: Executor,
  input: { slug: string; contactPointId: string | null; locale: Locale; now: Date; request: Request; trustProxy: boolean },
): Promise<{ notice: NoticeData; pageTitle: string } | null> {
  const target = await printTarget(db, input);
  if (!target) return null;
  const t = translator(input.locale);
  const commentUrl = target.window.state === "open" && target.publicComments
    ? publicUrl(input.request, input.trustProxy, `/drafts/${encodeURIComponent(target.draft.slug)}/comment`)
    : null;
  const qrSvg = commentUrl ? qrCodeSvg(commentUrl, { errorCorrection: "Q", label: t("print.notice.qrLabel", { url: commentUrl }) }) : null;
  return { notice: { ...target, commentUrl, qrSvg }, pageTitle: t("print.notice.pageTitle", { title: target.draft.title }) };
}
