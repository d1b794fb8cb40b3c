import { Link } from "@remix-run/react";
import type { WindowState } from "~/drafts/consultation-window";
import type { ReadingBlock } from "~/drafts/reading-blocks";
import { useFormatDate, useT } from "../i18n";
import type { Wire } from "../wire";


/** The article the comment is about, quoted as printed. */
export function QuotedClause({ clause, slug }: { clause: Extract<ReadingBlock, { type: "article" }>; slug: string }) {
  return (
    <blockquote className="quoted-clause" cite={`/drafts/${slug}#${clause.key}`}>
      {clause.lines.map((line, i) => (
        <p key={line.key} className={line.kind === "item" ? "item" : line.kind === "subitem" ? "subitem" : undefined}>
          {i === 0 ? <strong>{clause.label} </strong> : null}
          {line.label}
          {line.text}
        </p>
      ))}
      <footer><Link to={`/drafts/${slug}#${clause.key}`}>{clause.label}</Link></footer>
    </blockquote>
  );
}

/** Why there is no form: not open yet, closed, or not open to the public online. */
export function ClosedNotice({ window }: { window: Wire<WindowState> }) {
  const t = useT();
  const date = useFormatDate();
  return (
    <div className="notice" role="status">
      <p>{t("comment.closed")}</p>
      {window.state === "closed" ? <p>{t("comment.closedWhen", { date: date(new Date(new Date(window.closesAt).getTime() - 1)) })}</p> : null}
      {window.state === "upcoming" ? <p>{t("comment.notYet", { date: date(window.opensAt) })}</p> : null}
    </div>
  );
}
