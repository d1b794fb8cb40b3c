import { Link } from "@remix-run/react";
import type { Receipt } from "~/intake/receipts.server";
import type { MessageKey } from "~/platform/i18n/translate";
import { RichTextView } from "../editor/rich-text-view";
import { useFormatDate, useT } from "../i18n";
import type { Wire } from "../wire";


const STEPS = ["received", "consolidated", "submitted", "answered"] as const;

/** A commenter's view of their comment: what they said, and how far it has travelled. */
export function ReceiptView({ receipt }: { receipt: Wire<Receipt> }) {
  const t = useT();
  const date = useFormatDate();
  const reached = STEPS.indexOf(receipt.processing);
  return (
    <>
      <dl className="receipt">
        <div><dt>{t("receipt.code")}</dt><dd className="receipt-code">{receipt.code}</dd></div>
        <div><dt>{t("receipt.draft")}</dt><dd><Link to={`/drafts/${receipt.draft.slug}`}>{receipt.draft.title}</Link>（{receipt.versionLabel}）</dd></div>
        <div>
          <dt>{t("receipt.clause")}</dt>
          <dd>{receipt.clause ? <Link to={`/drafts/${receipt.draft.slug}#${receipt.clause.key}`}>{receipt.clause.label}</Link> : t("receipt.whole")}</dd>
        </div>
        <div><dt>{t("receipt.submittedAt")}</dt><dd>{date(receipt.createdAt, true)} · {t(`channel.${receipt.channel}`)}</dd></div>
      </dl>
      <h2>{t("receipt.yourComment")}</h2>
      <RichTextView html={receipt.bodyHtml} className="receipt-body" />
      {receipt.proposedText ? <><h3>{t("comment.proposedText")}</h3><p className="pre-wrap">{receipt.proposedText}</p></> : null}
      {receipt.reason ? <><h3>{t("comment.reason")}</h3><p className="pre-wrap">{receipt.reason}</p></> : null}
      <h2>{t("receipt.progress")}</h2>
      {receipt.moderation.status !== "approved" ? (
        <p className="notice" role="status">
          {t(`receipt.${receipt.moderation.status}` as MessageKey)}
          {receipt.moderation.reason ? ` · ${t("receipt.moderationReason", { reason: receipt.moderation.reason })}` : ""}
        </p>
      ) : null}
      <ol className="steps">
        {STEPS.map((step, i) => (
          <li key={step} className={i <= reached ? "steps__done" : undefined} aria-current={i === reached ? "step" : undefined}>
            {t(`receipt.step.${step}`)}
          </li>
        ))}
      </ol>
      {receipt.adoption ? (
        <div className="notice notice--ok">
          <p><strong>{t(`receipt.adoption.${receipt.adoption.status}`)}</strong> · {date(receipt.adoption.decidedAt)}</p>
          {receipt.adoption.reason ? <p className="pre-wrap">{receipt.adoption.reason}</p> : null}
        </div>
      ) : null}
    </>
  );
}
