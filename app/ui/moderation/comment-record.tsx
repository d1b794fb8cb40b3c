/**
 * Everything about one comment for staff and officers: what was said, on which clause, by which
 * channel and from where, its receipt code and status, its moderation history and the opinions
 * that cite it. Proposed wording and reasons are shown as text; the body is the stored, sanitised HTML.
 */
import { Link } from "@remix-run/react";
import type { CommentDetail } from "~/intake/comment-views.server";
import { RichTextView } from "../editor/rich-text-view";
import { useFormatDate, useT } from "../i18n";
import { statusClass } from "./labels";

export function CommentRecord({ c }: { c: CommentDetail }) {
  const t = useT();
  const date = useFormatDate();
  const facts: [string, string | null][] = [
    [t("moderation.comment.draft"), c.draft.title],
    [t("moderation.comment.version"), c.versionLabel],
    [t("moderation.comment.clause"), c.clauseLabel ?? t("moderation.wholeDraft")],
    [t("moderation.comment.channel"), t(`channel.${c.channel}`)],
    [t("moderation.comment.category"), t(`category.${c.category}`)],
    [t("moderation.comment.source"), t(`moderation.source.${c.source}`)],
    [t("moderation.comment.contactPoint"), c.contactPointName],
    [t("moderation.comment.collectionPoint"), c.collectionPointName],
    [t("moderation.comment.symposium"), c.symposium ? t("moderation.comment.symposiumValue", { date: date(c.symposium.heldOn), place: c.symposium.place }) : null],
    [t("moderation.comment.region"), c.region],
    [t("moderation.comment.saidOn"), c.saidOn ? date(c.saidOn) : null],
    [t("moderation.comment.createdAt"), date(c.createdAt, true)],
    [t("moderation.comment.enteredBy"), c.enteredByName],
    [t("moderation.comment.status"), t(`receipt.step.${c.processingStatus}`)],
    [t("moderation.comment.moderationMode"), c.moderationMode ? t(`moderation.mode.${c.moderationMode}`) : null],
  ];
  return (
    <>
      <p className="mod-receipt">
        {t("moderation.comment.receipt")}：<code>{c.receiptCode}</code>{" "}
        <span className={statusClass(c.moderationStatus)}>{t(`moderation.status.${c.moderationStatus}`)}</span>
      </p>
      <h2>{t("moderation.comment.body")}</h2>
      <RichTextView html={c.bodyHtml} className="mod-body" />
      {c.proposedText ? (<><h3>{t("moderation.proposedText")}</h3><p className="mod-plain">{c.proposedText}</p></>) : null}
      {c.reason ? (<><h3>{t("moderation.commentReason")}</h3><p className="mod-plain">{c.reason}</p></>) : null}
      <dl className="mod-facts">
        {facts.filter(([, v]) => !!v).map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}
        {c.moderatedAt ? (
          <div>
            <dt>{t("moderation.comment.moderatedBy")}</dt>
            <dd>{t("moderation.decidedBy", { name: c.moderatedByName ?? t("moderation.someone"), date: date(c.moderatedAt, true) })}</dd>
          </div>
        ) : null}
        {c.moderationReason ? <div><dt>{t("moderation.comment.moderationReason")}</dt><dd className="mod-plain">{c.moderationReason}</dd></div> : null}
      </dl>
      <p><Link to={`/drafts/${c.draft.slug}${c.clauseKey ? `#${c.clauseKey}` : ""}`}>{t("officer.publicPage")}</Link></p>
    </>
  );
}

export function ModerationHistory({ history }: { history: CommentDetail["history"] }) {
  const t = useT();
  const date = useFormatDate();
  const label = (s: string | null) => (s ? t(`moderation.status.${s as "pending"}`) : "—");
  return (
    <>
      <h2>{t("moderation.history")}</h2>
      {history.length === 0 ? <p>{t("moderation.history.empty")}</p> : (
        <ol className="mod-history">
          {history.map((h, i) => (
            <li key={i}>
              <time dateTime={new Date(h.at).toISOString()}>{date(h.at, true)}</time> · {h.actorName ?? t("moderation.history.system")}：
              {t("moderation.history.entry", { from: label(h.from), to: label(h.to) })}
              {h.reason ? <span className="mod-plain">（{h.reason}）</span> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function CitingOpinions({ opinions }: { opinions: CommentDetail["opinions"] }) {
  const t = useT();
  return (
    <>
      <h2>{t("moderation.opinions")}</h2>
      {opinions.length === 0 ? <p>{t("moderation.opinions.none")}</p> : (
        <ul className="card-list">
          {opinions.map((o) => (
            <li key={o.id} className="card">
              {o.title} <span className="muted">· {o.owner} · {t(`moderation.opinion.status.${o.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
