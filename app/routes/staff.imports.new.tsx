import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { COLUMN_NAMES, IMPORT_COLUMNS } from "~/intake/import/import-columns";
import { importChoices } from "~/intake/import/import-records.server";
import { MAX_IMPORT_ROWS } from "~/intake/import/scan-sheet";
import { IMPORT_ACCEPT, MAX_IMPORT_BYTES, readUploadForm, uploadImport } from "~/intake/import/upload-import.server";
import { rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import { UploadForm } from "~/ui/import/upload-form";
import importStyles from "~/ui/import.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = () => [{ title: "导入意见表 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const choices = await importChoices(context.db, user);
  return {
    choices: choices.map(({ contactPointId, contactPointName, draftId, draftTitle, versionLabel }) => ({ contactPointId, contactPointName, draftId, draftTitle, versionLabel })),
    preselectDraftId: new URL(request.url).searchParams.get("draftId"),
    columns: IMPORT_COLUMNS.map((c) => COLUMN_NAMES[c].header).join("、"),
    // Server-side limits travel as data: the page must not import server modules (they are empty in the browser).
    limits: { maxMb: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS, accept: IMPORT_ACCEPT },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const tooLarge = { file: { key: "errors.fileTooLarge" as const, params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } } };
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMPORT_BYTES + 1024 * 1024) return rejectForm(tooLarge, {}, 413);
  const input = await readUploadForm(await request.formData());
  const values = { contactPointId: input.contactPointId, draftId: input.draftId, defaultChannel: input.defaultChannel };
  const outcome = await uploadImport(context.db, user, input, { now: new Date(), requestId: context.requestId });
  return settle(outcome, values, ({ id }) => redirect(`/staff/imports/${id}`));
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
