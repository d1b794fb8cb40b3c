import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { cstDate } from "~/drafts/china-time";
import { ConsultationInput, saveConsultation } from "~/drafts/consultations.server";
import { draftPage } from "~/drafts/drafts.server";
import { importVersionFromForm, readImportForm } from "~/drafts/import-source.server";
import { MAX_SOURCE_BYTES } from "~/drafts/source-text.server";
import { parseForm } from "~/platform/forms";
import { rejectForm, settle, valueOrThrow, type ActionFailure } from "~/platform/respond.server";
import { ConsultationForm } from "~/ui/drafts/consultation-form";
import { ImportForm } from "~/ui/drafts/import-form";
import { useFormatDate, useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title} · 民意` : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  return valueOrThrow(await draftPage(context.db, user, params.draftId ?? ""));
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_SOURCE_BYTES + 1024 * 1024) return rejectForm({ file: { key: "errors.fileTooLarge", params: { mb: MAX_SOURCE_BYTES / 1024 / 1024 } } }, { intent: "import" }, 413);
  const draftId = params.draftId ?? "";
  const form = await request.formData();
  if (form.get("intent") === "import") {
    const input = await readImportForm(form, draftId);
    const values = { intent: "import", label: input.label, pasted: input.pasted.length > 200_000 ? "" : input.pasted };
    return settle(await importVersionFromForm(context.db, user, input, context.requestId), values, ({ seq }) => redirect(`/officer/drafts/${draftId}/v/${seq}`));
  }
  const parsed = parseForm(ConsultationInput, form);
  if (!parsed.ok) return rejectForm(parsed.fieldErrors, { ...parsed.values, intent: "consultation" });
  return settle(await saveConsultation(context.db, user, parsed.data, context.requestId), { ...parsed.values, intent: "consultation" }, () =>
    data({ ok: true as const, saved: "consultation" }),
  );
}

export default function DraftWorkspace() {
  const t = useT();
  const date = useFormatDate();
  const { draft, versions, consultations, contactPoints } = useLoaderData<typeof loader>();
  const result = useActionData<ActionFailure | { ok: true; saved: string }>();
  const failure = result && !result.ok ? result : undefined;
  const busy = useNavigation().state === "submitting";
  const published = versions.find((v) => v.status === "published");
  const consultation = published ? consultations.find((c) => c.versionId === published.id) : undefined;
  return (
    <section className="page--wide" aria-labelledby="draft-title">
      <p className="breadcrumbs"><Link to="/officer">{t("officer.title")}</Link></p>
      <h1 id="draft-title">{draft.title}</h1>
      <p><Link to={`/drafts/${draft.slug}`}>{t("officer.publicPage")}</Link> · <code>/drafts/{draft.slug}</code></p>

      <h2>{t("officer.versions")}</h2>
      {versions.length === 0 ? <p>{t("officer.noVersions")}</p> : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("officer.version.label")}</th>
                <th scope="col">{t("officer.version.status")}</th>
                <th scope="col">{t("officer.version.articles")}</th>
                <th scope="col">{t("officer.version.warnings")}</th>
                <th scope="col">{t("officer.version.date")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td><Link to={`/officer/drafts/${draft.id}/v/${v.seq}`}>{v.seq}. {v.label}</Link></td>
                  <td>{t(`officer.version.${v.status}`)}</td>
                  <td>{v.articles}</td>
                  <td>{v.warnings}</td>
                  <td>{date(v.publishedAt ?? v.createdAt, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="import">{t("officer.importVersion")}</h2>
      <ImportForm failure={failure?.values.intent === "import" ? failure : undefined} busy={busy} />

      <h2 id="consultation">{t("officer.consultation")}</h2>
      {published ? (
        <>
          {result?.ok ? <p className="notice notice--ok" role="status">{t("admin.saved")}</p> : null}
          <ConsultationForm
            versionId={published.id}
            versionLabel={published.label}
            contactPoints={contactPoints}
            current={consultation ? {
              opensOn: cstDate(new Date(consultation.opensAt)),
              closesOn: cstDate(new Date(new Date(consultation.closesAt).getTime() - 1)),
              moderation: consultation.moderation, publicComments: consultation.publicComments,
              contactPointIds: consultation.contactPointIds, requestText: consultation.requestText ?? "",
            } : undefined}
            failure={failure?.values.intent === "consultation" ? failure : undefined}
          />
        </>
      ) : <p>{t("officer.consultationNeedsPublished")}</p>}
    </section>
  );
}
