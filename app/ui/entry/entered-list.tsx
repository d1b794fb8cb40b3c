/**
 * What has been entered, newest first (numbered in the order entered), who said it masked, each
 * with a link to correct it while it is still as received.
 */
import { Link } from "@remix-run/react";
import type { EnteredRow } from "~/intake/staff-entered.server";
import { useFormatDate, useT } from "../i18n";

/** A row as the loader sends it (dates arrive as strings). */
export type EnteredRowView = Omit<EnteredRow, "createdAt"> & { createdAt: string | Date };

interface EnteredListProps {
  rows: EnteredRowView[];
  total: number;
  /** The reader is the contact point's own staff: rows link to editing. */
  editable: boolean;
  /** Where one comment's page is: /staff/comments or /officer/comments. */
  detailBase: string;
  headingId?: string;
}

export function EnteredList({ rows, total, editable, detailBase, headingId = "entered-title" }: EnteredListProps) {
  const t = useT();
  const date = useFormatDate();
  return (
    <section className="entered" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("staff.entry.list")}</h2>
      {total === 0 ? <p>{t("staff.entry.listEmpty")}</p> : <p className="muted">{t("staff.entry.listCount", { count: total })}</p>}
      <ol className="entered__list" reversed start={total}>
        {rows.map((r, i) => {
          const n = total - i;
          const label = r.articleLabel ?? t("staff.entry.wholeDraft");
          const contact = [r.saidBy.phone, r.saidBy.email].filter(Boolean).join(" · ");
          return (
            <li key={r.id} className="entered__row" data-testid="entered-row">
              <p className="entered__head">
                <span className="entered__n" aria-hidden="true">{n}.</span>
                <span className="entered__article">{label}</span>
                <span className="entered__meta">
                  {t(`staff.entry.category.${r.category}`)}
                  {r.saidOn ? ` · ${date(`${r.saidOn}T00:00:00+08:00`)}` : ""}
                </span>
              </p>
              <p className="entered__body">{r.body}</p>
              {r.proposedText || r.reason ? (
                <dl className="entered__extra">
                  {r.proposedText ? <div><dt>{t("staff.entry.proposedText")}</dt><dd>{r.proposedText}</dd></div> : null}
                  {r.reason ? <div><dt>{t("staff.entry.reason")}</dt><dd>{r.reason}</dd></div> : null}
                </dl>
              ) : null}
              <p className="entered__by">
                {t("staff.entry.saidByName", { name: r.saidBy.name ?? t("staff.entry.anonymous") })}
                {contact ? ` · ${contact}` : ""}
              </p>
              <p className="entered__foot muted">
                {t("staff.entry.receipt")} <Link to={`${detailBase}/${r.id}`}><code>{r.receiptCode}</code></Link>
                {r.enteredBy ? ` · ${t("staff.entry.enteredBy", { name: r.enteredBy, at: date(r.createdAt, true) })}` : ""}
                {editable ? (
                  r.editable ? (
                    <>
                      {" · "}
                      <Link to={`/staff/comments/${r.id}/edit`} aria-label={t("staff.entry.editLabel", { n, label })}>{t("staff.entry.edit")}</Link>
                    </>
                  ) : ` · ${t("staff.entry.locked")}`
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
      {rows.length < total ? <p className="muted">{t("staff.entry.listMore", { count: rows.length })}</p> : null}
    </section>
  );
}
