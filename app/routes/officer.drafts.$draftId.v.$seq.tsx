import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/accounts/guard.server";
import { versionPreview } from "~/drafts/version-preview.server";
import { discardVersion, publishVersion, saveExplanation } from "~/drafts/versions.server";
import { richTextFieldError, richTextFromForm } from "~/platform/rich-text/rich-text.server";
import { notFound, rejectForm, settle, valueOrThrow, type ActionFailure } from "~/platform/respond.server";
import { RichTextField } from "~/ui/editor/rich-text-field";
import { useT } from "~/ui/i18n";
import { ParseWarnings } from "~/ui/drafts/parse-warnings";
import { StructureCounts } from "~/ui/drafts/structure-counts";
import { LawBody } from "~/ui/law/law-body";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title}（${d.version.label}） · 民意` : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const seq = Number(params.seq);
  if (!Number.isInteger(seq)) notFound();
  return valueOrThrow(await versionPreview(context.db, user, params.draftId ?? "", seq));
}

const Intent = z.object({ intent: z.enum(["publish", "discard", "explanation"]), versionId: z.string().uuid() });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const form = await request.formData();
  const intent = Intent.safeParse(Object.fromEntries(form));
  if (!intent.success) throw data({ reason: "bad_request" }, { status: 400 });
  const { versionId } = intent.data;
  const draftPage = `/officer/drafts/${params.draftId}`;
  switch (intent.data.intent) {
    case "publish":
      return settle(await publishVersion(context.db, user, versionId, new Date(), context.requestId), {}, () => redirect(`${draftPage}#consultation`));
    case "discard":
      return settle(await discardVersion(context.db, user, versionId, context.requestId), {}, () => redirect(draftPage));
    case "explanation": {
      const names = { name: "explanation", jsonName: "explanationJson" };
      const rich = richTextFromForm(form, names, { maxChars: 50_000 });
      const values = { explanation: String(form.get("explanation") ?? ""), explanationJson: String(form.get("explanationJson") ?? "") };
      if (!rich.ok) return rejectForm({ explanation: richTextFieldError(rich.error, { maxChars: 50_000 }) }, values);
      return settle(await saveExplanation(context.db, user, versionId, rich.value, context.requestId), values, () => data({ ok: true as const }));
    }
  }
}

export default function VersionPreviewPage() {
  const t = useT();
  const { draft, version, counts, warnings, toc, blocks, previousPublishedSeq } = useLoaderData<typeof loader>();
  const result = useActionData<ActionFailure | { ok: true }>();
  const failure = result && !result.ok ? result : undefined;
  const published = version.status === "published";
  return (
    <section className="page--wide" aria-labelledby="version-title">
      <p className="breadcrumbs"><Link to={`/officer/drafts/${draft.id}`}>{draft.title}</Link></p>
      <h1 id="version-title">{version.label} <span className="badge">{t(`officer.version.${version.status}`)}</span></h1>
      {version.sourceFileName ? <p className="muted">{t("officer.import.from", { file: version.sourceFileName })}</p> : null}
      <StructureCounts counts={counts} />
      <ParseWarnings warnings={warnings} />
      {published ? (
        <p>
          <Link to={`/drafts/${draft.slug}/v/${version.seq}`}>{t("officer.publicPage")}</Link>
          {previousPublishedSeq !== null ? <> · <Link to={`/drafts/${draft.slug}/compare/${previousPublishedSeq}..${version.seq}`}>{t("drafts.compareWithPrevious")}</Link></> : null}
        </p>
      ) : (
        <div className="actions">
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="versionId" value={version.id} />
            <button type="submit">{t("officer.publish")}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="discard" />
            <input type="hidden" name="versionId" value={version.id} />
            <button type="submit" className="secondary">{t("officer.discard")}</button>
          </Form>
        </div>
      )}
      {!published ? <p className="muted">{t("officer.publishHint")}</p> : null}

      <h2 id="explanation">{t("drafts.explanation")}</h2>
      {result?.ok ? <p className="notice notice--ok" role="status">{t("admin.saved")}</p> : null}
      <Form method="post" className="stack wide-form" noValidate>
        <input type="hidden" name="intent" value="explanation" />
        <input type="hidden" name="versionId" value={version.id} />
        <RichTextField
          name="explanation"
          jsonName="explanationJson"
          label={t("officer.explanation.label")}
          hint={t("officer.explanation.hint")}
          error={failure?.fieldErrors.explanation ? t(failure.fieldErrors.explanation.key, failure.fieldErrors.explanation.params) : undefined}
          defaultText={failure?.values.explanation ?? version.explanationText ?? ""}
          defaultJson={failure?.values.explanationJson || ((version.explanationJson ?? undefined) as object | undefined)}
          toolbarLabels={{ toolbar: t("editor.toolbar"), bold: t("editor.bold"), italic: t("editor.italic"), underline: t("editor.underline") }}
          rows={10}
        />
        <div><button type="submit">{t("admin.save")}</button></div>
      </Form>

      <h2>{t("officer.preview")}</h2>
      {toc.length > 0 ? (
        <details className="toc">
          <summary>{t("drafts.toc")}</summary>
          <ol>{toc.map((e) => <li key={e.key}><a href={`#${e.key}`}>{e.title}</a></li>)}</ol>
        </details>
      ) : null}
      <div className="law">
        <LawBody blocks={blocks} articleLinkTitle={t("drafts.articleLink")} />
      </div>
    </section>
  );
}
