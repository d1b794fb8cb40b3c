import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { treeWhere, ContactPointInput, createContactPoint } from "~/chain/organizations.server";
import { parseForm } from "~/platform/forms";
import { rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "~/ui/field";
import { useT } from "~/ui/i18n";
import { OrganizationOptions } from "~/ui/scope-options";

export const meta: MetaFunction = () => [{ title: "新建联系点 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  return { tree: await treeWhere(context.db, user, "organization.manage") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  const parsed = parseForm(ContactPointInput, await request.formData());
  if (!parsed.ok) return rejectForm(parsed.fieldErrors, parsed.values);
  return settle(await createContactPoint(context.db, user, parsed.data, context.requestId), parsed.values, () => redirect("/admin"));
}

export default function NewContactPoint() {
  const t = useT();
  const { tree } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  return (
    <section className="page" aria-labelledby="new-cp-title">
      <h1 id="new-cp-title">{t("admin.newContactPoint")}</h1>
      <ErrorSummary errors={e} />
      <Form method="post" className="stack" noValidate>
        <Field name="organizationId" label={t("admin.cp.organization")} error={e?.organizationId} required>
          {(p) => (
            <select {...p} defaultValue={v.organizationId ?? ""}>
              <option value="">{t("admin.choose")}</option>
              <OrganizationOptions tree={tree} />
            </select>
          )}
        </Field>
        <Field name="name" label={t("admin.cp.name")} error={e?.name} required>
          {(p) => <input {...p} type="text" defaultValue={v.name ?? ""} />}
        </Field>
        <Field name="nameEn" label={t("admin.org.nameEn")} error={e?.nameEn}>
          {(p) => <input {...p} type="text" lang="en" defaultValue={v.nameEn ?? ""} />}
        </Field>
        <Field name="address" label={t("admin.cp.address")} error={e?.address}>
          {(p) => <input {...p} type="text" defaultValue={v.address ?? ""} />}
        </Field>
        <Field name="regionCode" label={t("admin.org.region")} hint={t("admin.org.regionHint")} error={e?.regionCode}>
          {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={v.regionCode ?? ""} />}
        </Field>
        <div><button type="submit">{t("admin.create")}</button></div>
      </Form>
    </section>
  );
}
