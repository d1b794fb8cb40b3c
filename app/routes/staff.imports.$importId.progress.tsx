import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { readSessionId } from "~/accounts/sessions.server";
import { admitViewer, viewerKey } from "~/intake/import/import-progress.server";
import { importProgressView } from "~/intake/import/import-views.server";
import { valueOrThrow } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import { ImportProgress } from "~/ui/import/import-progress";
import { ImportFacts } from "~/ui/import/import-report";
import importStyles from "~/ui/import.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = () => [{ title: "导入意见 · 民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const importId = params.importId ?? "";
  const view = valueOrThrow(await importProgressView(context.db, user, importId, new Date()));
  // This page's database work is done: the commit may start, and this session may poll it from memory.
  admitViewer(importId, viewerKey(await readSessionId(request, context.config.sessionSecrets)));
  return view;
}

export default function ImportProgressPage() {
  const t = useT();
  const { summary, processed, total } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="progress-title">
      <p className="breadcrumbs"><Link to="/staff">{t("staff.title")}</Link> · <Link to={`/staff/imports/${summary.id}`}>{t("import.progress.viewReport")}</Link></p>
      <h1 id="progress-title">{t("import.progress.title")}</h1>
      <ImportFacts summary={summary} />
      {summary.status === "importing" || summary.status === "done" ? (
        <ImportProgress key={`${summary.status}-${processed}`} importId={summary.id} initial={{ status: summary.status, processed, total }} />
      ) : null}
      {summary.status === "importing" ? <p>{t("import.progress.background")}</p> : null}
      {summary.status === "done" ? (
        <p className="notice notice--ok" role="status">{t("import.progress.done", { count: summary.processedRows })}</p>
      ) : null}
      {summary.status === "failed" ? (
        <div className="notice notice--error" role="alert">
          <p>{t("import.progress.failed")}</p>
          {summary.failure ? <p>{t(`import.failure.${summary.failure}`)}</p> : null}
        </div>
      ) : null}
      {summary.status === "ready" || summary.status === "invalid" ? <p className="notice">{t("import.progress.notStarted")}</p> : null}
      {summary.status === "done" || summary.status === "failed" ? (
        <p className="import-actions">
          <Link to="/staff">{t("import.progress.backToStaff")}</Link>
          <Link to={`/staff/imports/new?draftId=${summary.draftId}`}>{t("import.progress.another")}</Link>
          <Link to={`/staff/imports/${summary.id}`}>{t("import.progress.viewReport")}</Link>
        </p>
      ) : null}
    </section>
  );
}
