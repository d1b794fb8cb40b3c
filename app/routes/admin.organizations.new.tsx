import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ORGANIZATION_LEVELS } from "../../db/schema/vocabulary";
import { requirePermission } from "~/accounts/guard.server";
import { treeWhere, createOrganization, OrganizationInput } from "~/chain/organizations.server";
import { parseForm } from "~/platform/forms";
import { rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "~/ui/field";
import { useT } from "~/ui/i18n";
import { OrganizationOptions } from "~/ui/scope-options";

export const meta: MetaFunction = () => [{ title: "新建组织 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  return { tree: await treeWhere(context.db, user, "organization.manage") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  const parsed = parseForm(OrganizationInput, await request.formData());
  if (!parsed.ok) return rejectForm(parsed.fieldErrors, parsed.values);
  return settle(await createOrganization(context.db, user, parsed.data, context.requestId), parsed.values, () => redirect("/admin"));
}

export default function NewOrganization() {
  const t = useT();
  const { tree } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  return (
    <section className="page" aria-labelledby="new-org-title">
      <h1 id="new-org-title">{t("admin.newOrganization")}</h1>
      <ErrorSummary errors={e} />
      <Form method="post" className="stack" noValidate>
        <Field name="parentId" label={t("admin.org.parent")} error={e?.parentId} required>
          {(p) => (
            <select {...p} defaultValue={v.parentId ?? ""}>
              <option value="">{t("admin.choose")}</option>
              <OrganizationOptions tree={tree} />
            </select>
          )}
        </Field>
        <Field name="level" label={t("admin.org.level")} error={e?.level} required>
          {(p) => (
            <select {...p} defaultValue={v.level ?? ""}>
              <option value="">{t("admin.choose")}</option>
              {ORGANIZATION_LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="name" label={t("admin.org.name")} error={e?.name} required>
          {(p) => <input {...p} type="text" defaultValue={v.name ?? ""} />}
        </Field>
        <Field name="nameEn" label={t("admin.org.nameEn")} error={e?.nameEn}>
          {(p) => <input {...p} type="text" lang="en" defaultValue={v.nameEn ?? ""} />}
        </Field>
        <Field name="regionCode" label={t("admin.org.region")} hint={t("admin.org.regionHint")} error={e?.regionCode}>
          {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={v.regionCode ?? ""} />}
        </Field>
        <div><button type="submit">{t("admin.create")}</button></div>
      </Form>
    </section>
  );
}
