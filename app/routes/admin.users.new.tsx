import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ROLES } from "../../db/schema/vocabulary";
import { requirePermission } from "~/accounts/guard.server";
import { MIN_PASSWORD_LENGTH } from "~/accounts/password.server";
import { createUser, UserInput } from "~/accounts/users.server";
import { treeWhere } from "~/chain/organizations.server";
import { parseForm } from "~/platform/forms";
import { rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "~/ui/field";
import { useT } from "~/ui/i18n";
import { ScopeOptions } from "~/ui/scope-options";

export const meta: MetaFunction = () => [{ title: "新建账号 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  return { tree: await treeWhere(context.db, user, "organization.manage"), minPassword: MIN_PASSWORD_LENGTH };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  const parsed = parseForm(UserInput, await request.formData());
  if (!parsed.ok) return rejectForm(parsed.fieldErrors, parsed.values);
  return settle(await createUser(context.db, user, parsed.data, context.requestId), parsed.values, ({ id }) => redirect(`/admin/users/${id}`));
}

export default function NewUser() {
  const t = useT();
  const { tree, minPassword } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  return (
    <section className="page" aria-labelledby="new-user-title">
      <h1 id="new-user-title">{t("admin.newUser")}</h1>
      <ErrorSummary errors={e} />
      <Form method="post" className="stack" noValidate>
        <Field name="username" label={t("admin.user.username")} hint={t("admin.user.usernameHint")} error={e?.username} required>
          {(p) => <input {...p} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} defaultValue={v.username ?? ""} />}
        </Field>
        <Field name="displayName" label={t("admin.user.displayName")} error={e?.displayName} required>
          {(p) => <input {...p} type="text" autoComplete="off" defaultValue={v.displayName ?? ""} />}
        </Field>
        <Field name="password" label={t("admin.user.password")} hint={t("admin.user.passwordHint", { min: minPassword })} error={e?.password} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" />}
        </Field>
        <Field name="role" label={t("admin.user.role")} error={e?.role} required>
          {(p) => (
            <select {...p} defaultValue={v.role ?? ""}>
              <option value="">{t("admin.choose")}</option>
              {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="scope" label={t("admin.user.scope")} hint={t("admin.user.scopeHint")} error={e?.scope} required>
          {(p) => (
            <select {...p} defaultValue={v.scope ?? ""}>
              <option value="">{t("admin.choose")}</option>
              <ScopeOptions tree={tree} />
            </select>
          )}
        </Field>
        <div><button type="submit">{t("admin.create")}</button></div>
      </Form>
    </section>
  );
}
