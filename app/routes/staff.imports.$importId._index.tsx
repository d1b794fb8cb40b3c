import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { readSessionId } from "~/accounts/sessions.server";
import { startCommit } from "~/intake/import/commit-import.server";
import { viewerKey } from "~/intake/import/import-progress.server";
import { importReportView } from "~/intake/import/import-views.server";
import { settle, valueOrThrow } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import { ImportFacts, ImportIssues, ImportNotices } from "~/ui/import/import-report";
import importStyles from "~/ui/import.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = () => [{ title: "意见表检查结果 · 民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1) || 1;
  return valueOrThrow(await importReportView(context.db, user, params.importId ?? "", { page }));
}

/** Confirming a ready import: the commit starts in the background and the progress page follows it. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const importId = params.importId ?? "";
  const viewer = viewerKey(await readSessionId(request, context.config.sessionSecrets));
  const outcome = await startCommit(context.db, user, importId, { now: new Date(), requestId: context.requestId, viewer });
  return settle(outcome, {}, () => redirect(`/staff/imports/${importId}/progress`));
}

export default function ImportReportPage() {
  const t = useT();
  const { summary, errors, page, pages, keptErrors } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const started = summary.status === "importing" || summary.status === "done" || summary.status === "failed";
  return (
    <section className="page page--wide" aria-labelledby="report-title">
      <p className="breadcrumbs"><Link to="/staff">{t("staff.title")}</Link> · <Link to="/staff/imports/new">{t("import.new.title")}</Link></p>
      <h1 id="report-title">{t("import.report.title")}</h1>
      <ImportFacts summary={summary} />
      {summary.status === "ready" ? (
        <>
          <p className="notice notice--ok" role="status">{t("import.report.ready", { count: summary.totalRows })}</p>
          {summary.canCommit ? (
            <Form method="post" className="import-actions">
              <button type="submit" disabled={busy}>{busy ? t("import.report.committing") : t("import.report.commit", { count: summary.totalRows })}</button>
            </Form>
          ) : null}
        </>
      ) : null}
      {summary.status === "invalid" ? (
        <>
          <p className="notice notice--error" role="alert">{t("import.report.invalid", { count: summary.errorCount })}</p>
          <p className="import-actions"><Link className="button" to={`/staff/imports/new?draftId=${summary.draftId}`}>{t("import.report.uploadAgain")}</Link></p>
        </>
      ) : null}
      {started ? <p className="import-actions"><Link className="button" to={`/staff/imports/${summary.id}/progress`}>{t("import.report.seeProgress")}</Link></p> : null}
      <ImportNotices notices={summary.notices} />
      <ImportIssues issues={errors} errorCount={summary.errorCount} keptErrors={keptErrors} page={page} pages={pages} pageHref={(p) => `?page=${p}`} />
    </section>
  );
}
