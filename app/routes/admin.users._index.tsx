import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { listUsers } from "~/accounts/users.server";
import { useFormatDate, useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "账号 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  return { users: await listUsers(context.db, user) };
}

export default function Users() {
  const t = useT();
  const date = useFormatDate();
  const { users } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t("admin.users")}</h1>
      <p><Link className="button" to="/admin/users/new">{t("admin.newUser")}</Link></p>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("admin.user.username")}</th>
              <th scope="col">{t("admin.user.displayName")}</th>
              <th scope="col">{t("admin.user.roles")}</th>
              <th scope="col">{t("admin.user.status")}</th>
              <th scope="col">{t("admin.user.lastSignIn")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td><Link to={`/admin/users/${u.id}`}>{u.username}</Link></td>
                <td>{u.displayName}</td>
                <td>{u.roles.map((r) => <div key={r.id}>{t(`role.${r.role}`)} · {r.scopeName}</div>)}</td>
                <td>{u.disabled ? t("admin.user.disabled") : t("admin.user.active")}</td>
                <td>{u.lastSignInAt ? date(u.lastSignInAt, true) : t("admin.user.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
