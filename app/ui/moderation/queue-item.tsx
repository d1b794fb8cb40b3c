/**
 * One comment in the moderation queue: what was said (the stored, sanitised HTML; proposed wording
 * and reason as plain text), the facts, its status, a checkbox for the bulk action and its own
 * decision fields, which belong to the comment's small form (`decisionFormId`).
 */
import { Link } from "@remix-run/react";
import type { QueueItem } from "~/intake/comment-views.server";
import type { FieldError } from "../../platform/forms";
import { RichTextView } from "../editor/rich-text-view";
import { useFormatDate, useT } from "../i18n";
import { CommentMeta } from "./comment-meta";
import { DecisionButtons } from "./decision-buttons";
import { seenField, statusClass } from "./labels";

export const decisionFormId = (commentId: string) => `decide-${commentId}`;

interface QueueItemCardProps {
  item: QueueItem;
  selected: boolean;
  /** The reason typed and the error, when this comment's own decision came back refused. */
  failure?: { reason?: string; error?: FieldError };
  busy: boolean;
}

export function QueueItemCard({ item, selected, failure, busy }: QueueItemCardProps) {
  const t = useT();
  const date = useFormatDate();
  const headingId = `c-${item.id}`;
  return (
    <li className="mod-item" aria-labelledby={headingId}>
      <div className="mod-item__select">
        <input
          type="checkbox"
          name="comment"
          value={seenField(item)}
          id={`sel-${item.id}`}
          defaultChecked={selected}
          aria-label={t("moderation.selectComment", { code: item.receiptCode })}
        />
      </div>
      <div className="mod-item__main">
        <h3 id={headingId} className="mod-item__title">
          <span>{item.clauseLabel ?? t("moderation.wholeDraft")}</span>
          <span className="muted"> · {item.draft.title}</span>{" "}
          <span className={statusClass(item.moderationStatus)}>{t(`moderation.status.${item.moderationStatus}`)}</span>
        </h3>
        <RichTextView html={item.bodyHtml} className="mod-item__body" />
        {item.proposedText ? (
          <div className="mod-item__extra">
            <h4>{t("moderation.proposedText")}</h4>
            <p className="mod-plain">{item.proposedText}</p>
          </div>
        ) : null}
        {item.reason ? (
          <div className="mod-item__extra">
            <h4>{t("moderation.commentReason")}</h4>
            <p className="mod-plain">{item.reason}</p>
          </div>
        ) : null}
        <CommentMeta {...item} />
        {item.moderatedAt ? (
          <p className="mod-item__decided muted">
            {t(`moderation.status.${item.moderationStatus}`)}
            {item.moderationReason ? `：${item.moderationReason}` : ""} —{" "}
            {t("moderation.decidedBy", { name: item.moderatedByName ?? t("moderation.someone"), date: date(item.moderatedAt, true) })}
          </p>
        ) : null}
        <p><Link to={`/officer/comments/${item.id}`}>{t("moderation.details")}</Link></p>
        <details className="mod-item__decide" open={failure ? true : undefined}>
          <summary>{t("moderation.row.actions")}</summary>
          <DecisionButtons id={`reason-${item.id}`} form={decisionFormId(item.id)} error={failure?.error} defaultReason={failure?.reason} busy={busy} />
        </details>
      </div>
    </li>
  );
}
