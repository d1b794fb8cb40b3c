import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ROLES } from "../../db/schema/vocabulary";
import { requirePermission } from "~/accounts/guard.server";
import { addRole, getUser, removeRole, RoleInput, setUserDisabled } from "~/accounts/users.server";
import { treeWhere } from "~/chain/organizations.server";
import { parseForm } from "~/platform/forms";
import { notFound, rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "~/ui/field";
import { useFormatDate, useT } from "~/ui/i18n";
import { ScopeOptions } from "~/ui/scope-options";

export const meta: MetaFunction = () => [{ title: "账号 · 民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  const account = await getUser(context.db, user, params.userId ?? "");
  if (!account) notFound();
  return { account, tree: await treeWhere(context.db, user, "organization.manage") };
}

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-role") }),
  z.object({ intent: z.literal("remove-role"), membershipId: z.string().uuid() }),
  z.object({ intent: z.literal("set-disabled"), disabled: z.enum(["true", "false"]) }),
]);

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  const form = await request.formData();
  const intent = Intent.safeParse(Object.fromEntries(form));
  if (!intent.success) throw new Response("Bad request", { status: 400 });
  const userId = params.userId ?? "";
  const back = () => redirect(`/admin/users/${userId}`);
  switch (intent.data.intent) {
    case "add-role": {
      const parsed = parseForm(RoleInput, form);
      if (!parsed.ok) return rejectForm(parsed.fieldErrors, parsed.values);
      return settle(await addRole(context.db, user, userId, parsed.data, context.requestId), parsed.values, back);
    }
    case "remove-role":
      return settle(await removeRole(context.db, user, intent.data.membershipId, context.requestId), {}, back);
    case "set-disabled":
      return settle(await setUserDisabled(context.db, user, userId, intent.data.disabled === "true", new Date(), context.requestId), {}, back);
  }
}

export default function UserPage() {
  const t = useT();
  const date = useFormatDate();
  const { account, tree } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  return (
    <section className="page" aria-labelledby="user-title">
      <h1 id="user-title">{account.displayName} <span className="muted">({account.username})</span></h1>
      <p>
        {t("admin.user.status")}: {account.disabled ? t("admin.user.disabled") : t("admin.user.active")} · {t("admin.user.lastSignIn")}:{" "}
        {account.lastSignInAt ? date(account.lastSignInAt, true) : t("admin.user.never")}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="set-disabled" />
        <input type="hidden" name="disabled" value={account.disabled ? "false" : "true"} />
        <button type="submit" className="secondary">{account.disabled ? t("admin.user.enable") : t("admin.user.disable")}</button>
      </Form>
      <h2>{t("admin.user.roles")}</h2>
      {account.roles.length === 0 ? <p>{t("admin.user.noRoles")}</p> : null}
      <ul className="card-list">
        {account.roles.map((r) => (
          <li key={r.id} className="card">
            {t(`role.${r.role}`)} · {r.scopeName}
            <Form method="post">
              <input type="hidden" name="intent" value="remove-role" />
              <input type="hidden" name="membershipId" value={r.id} />
              <button type="submit" className="link-button">{t("admin.user.removeRole")}</button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("admin.user.addRole")}</h2>
      <ErrorSummary errors={e} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="add-role" />
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
        <div><button type="submit">{t("admin.user.addRole")}</button></div>
      </Form>
    </section>
  );
}
