import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DRAFT_KINDS } from "../../db/schema/vocabulary";
import { requirePermission } from "~/accounts/guard.server";
import { createDraft, DraftInput, newDraftChoices } from "~/drafts/drafts.server";
import { parseForm } from "~/platform/forms";
import { rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "~/ui/field";
import { useT } from "~/ui/i18n";
import { OrganizationOptions } from "~/ui/scope-options";

export const meta: MetaFunction = () => [{ title: "新建草案 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  return newDraftChoices(context.db, user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const parsed = parseForm(DraftInput, await request.formData());
  if (!parsed.ok) return rejectForm(parsed.fieldErrors, parsed.values);
  return settle(await createDraft(context.db, user, parsed.data, context.requestId), parsed.values, ({ id }) => redirect(`/officer/drafts/${id}`));
}

export default function NewDraft() {
  const t = useT();
  const { tree, amendable } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  return (
    <section className="page" aria-labelledby="new-draft-title">
      <h1 id="new-draft-title">{t("officer.newDraft")}</h1>
      <ErrorSummary errors={e} />
      <Form method="post" className="stack" noValidate>
        <Field name="title" label={t("officer.draft.title")} hint={t("officer.draft.titleHint")} error={e?.title} required>
          {(p) => <input {...p} type="text" defaultValue={v.title ?? ""} />}
        </Field>
        <Field name="titleEn" label={t("officer.draft.titleEn")} error={e?.titleEn}>
          {(p) => <input {...p} type="text" lang="en" defaultValue={v.titleEn ?? ""} />}
        </Field>
        <Field name="kind" label={t("officer.draft.kind")} error={e?.kind} required>
          {(p) => (
            <select {...p} defaultValue={v.kind ?? "law"}>
              {DRAFT_KINDS.map((k) => <option key={k} value={k}>{t(`draftKind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="amendsDraftId" label={t("officer.draft.amends")} hint={t("officer.draft.amendsHint")} error={e?.amendsDraftId}>
          {(p) => (
            <select {...p} defaultValue={v.amendsDraftId ?? ""}>
              <option value="">{t("admin.optional")}</option>
              {amendable.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
            </select>
          )}
        </Field>
        <Field name="organizationId" label={t("officer.draft.organization")} error={e?.organizationId} required>
          {(p) => (
            <select {...p} defaultValue={v.organizationId ?? tree[0]?.id ?? ""}>
              <OrganizationOptions tree={tree} />
            </select>
          )}
        </Field>
        <Field name="slug" label={t("officer.draft.slug")} hint={t("officer.draft.slugHint")} error={e?.slug}>
          {(p) => <input {...p} type="text" lang="en" autoCapitalize="none" spellCheck={false} defaultValue={v.slug ?? ""} />}
        </Field>
        <div><button type="submit">{t("admin.create")}</button></div>
      </Form>
    </section>
  );
}
