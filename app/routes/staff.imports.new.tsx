import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { newImportForm, readUploadRequest, uploadImport } from "~/intake/import/upload-import.server";
import { rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import { UploadForm } from "~/ui/import/upload-form";
import importStyles from "~/ui/import.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = () => [{ title: "导入意见表 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  return newImportForm(context.db, user, new URL(request.url).searchParams.get("draftId"));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const form = await readUploadRequest(request);
  if (!form.ok) return rejectForm(form.fieldErrors, {}, 413);
  return settle(await uploadImport(context.db, user, form.input, { now: new Date(), requestId: context.requestId }), form.values, ({ id }) => redirect(`/staff/imports/${id}`));
}

export default function NewImport() {
  const t = useT();
  const { choices, preselectDraftId, columns, limits } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="page" aria-labelledby="import-title">
      <p className="breadcrumbs"><Link to="/staff">{t("staff.title")}</Link></p>
      <h1 id="import-title">{t("import.new.title")}</h1>
      <p className="lead">{t("import.new.lead")}</p>
      <h2>{t("import.template.heading")}</h2>
      <ul className="import-templates">
        <li><a href="/staff/imports/template.xlsx" download>{t("import.template.xlsx")}</a></li>
        <li><a href="/staff/imports/template.csv" download>{t("import.template.csv")}</a></li>
      </ul>
      <p className="import-columns">{t("import.template.hint", { columns })}</p>
      {choices.length === 0 ? (
        <p className="notice">{t("import.noDrafts")}</p>
      ) : (
        <UploadForm
          choices={choices}
          failure={failure && !failure.ok ? failure : undefined}
          busy={busy}
          preselectDraftId={preselectDraftId}
          maxMb={limits.maxMb}
          maxRows={limits.maxRows}
          accept={limits.accept}
        />
      )}
    </section>
  );
}
