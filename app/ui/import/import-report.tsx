import { Link } from "@remix-run/react";
import type { ImportIssue, ImportNotice } from "~/intake/import/import-report";
import type { ImportSummary } from "~/intake/import/import-views.server";
import type { MessageKey, Translate } from "~/platform/i18n/translate";
import { useFormatDate, useLocale, useT } from "../i18n";

/** What the sheet's problem says, in the reader's language. */
export function issueText(t: Translate, issue: ImportIssue): string {
  return t(`import.issue.${issue.code}`, issue.params);
}

export function noticeText(t: Translate, notice: ImportNotice): string {
  const params = { ...notice.params };
  if (notice.code === "defaultChannel" && typeof params.channel === "string") params.channel = t(`channel.${params.channel}` as MessageKey);
  return t(`import.notice.${notice.code}`, params);
}

export function StatusBadge({ status }: { status: ImportSummary["status"] }) {
  const t = useT();
  return <span className={`import-status import-status--${status}`}>{t(`import.status.${status}`)}</span>;
}

/** File, draft, contact point, when, status and counts. Dates arrive as strings after serialisation. */
export function ImportFacts({ summary }: { summary: Omit<ImportSummary, "createdAt" | "finishedAt"> & { createdAt: string | Date } }) {
  const t = useT();
  const date = useFormatDate();
  const locale = useLocale();
  return (
    <dl className="import-facts">
      <dt>{t("import.report.file")}</dt>
      <dd>{summary.fileName ?? "—"}</dd>
      <dt>{t("import.report.draft")}</dt>
      <dd>{summary.draftTitle}</dd>
      <dt>{t("import.report.contactPoint")}</dt>
      <dd>{summary.contactPointName}</dd>
      <dt>{t("import.report.uploadedAt")}</dt>
      <dd>{date(summary.createdAt, true)}</dd>
      <dt>{t("import.report.status")}</dt>
      <dd><StatusBadge status={summary.status} /></dd>
      <dt>{t("import.report.rows")}</dt>
      <dd>{summary.totalRows.toLocaleString(locale)}</dd>
      <dt>{t("import.report.problems")}</dt>
      <dd>{summary.errorCount.toLocaleString(locale)}</dd>
    </dl>
  );
}

export function ImportNotices({ notices }: { notices: ImportNotice[] }) {
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <>
      <h2>{t("import.report.notices")}</h2>
      <ul className="import-notices">
        {notices.map((n) => <li key={n.code}>{noticeText(t, n)}</li>)}
      </ul>
    </>
  );
}

interface IssuesProps {
  issues: ImportIssue[];
  errorCount: number;
  keptErrors: number;
  page: number;
  pages: number;
  /** Link to another page of the list, e.g. "?page=2". */
  pageHref: (page: number) => string;
}

/** The problems, row by row as numbered in the sheet, with the column as headed in the sheet. */
export function ImportIssues({ issues, errorCount, keptErrors, page, pages, pageHref }: IssuesProps) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <section aria-labelledby="problems">
      <h2 id="problems">{t("import.report.problemList")}</h2>
      {errorCount > keptErrors ? <p className="notice">{t("import.report.errorsKept", { kept: keptErrors, count: errorCount })}</p> : null}
      <div className="table-scroll">
        <table className="data import-issues">
          <thead>
            <tr>
              <th scope="col">{t("import.report.col.row")}</th>
              <th scope="col">{t("import.report.col.column")}</th>
              <th scope="col">{t("import.report.col.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={`${issue.row}-${issue.column}-${i}`}>
                <td>{issue.row === null ? t("import.report.wholeFile") : t("import.report.rowNumber", { row: String(issue.row) })}</td>
                <td>{issue.column ?? (issue.row === null ? "—" : t("import.report.wholeRow"))}</td>
                <td>{issueText(t, issue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="import-pages" aria-label={t("import.report.problemList")}>
          {page > 1 ? <Link to={pageHref(page - 1)} rel="prev">{t("import.report.prev")}</Link> : null}
          <span>{t("import.report.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={pageHref(page + 1)} rel="next">{t("import.report.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
