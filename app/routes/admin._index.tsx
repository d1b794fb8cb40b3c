import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { treeWhere } from "~/chain/organizations.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "系统管理 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.admin");
  return { tree: await treeWhere(context.db, user, "organization.manage") };
}

export default function AdminHome() {
  const t = useT();
  const { tree } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t("admin.organizations")}</h1>
      <p className="actions">
        <Link className="button" to="/admin/organizations/new">{t("admin.newOrganization")}</Link>{" "}
        <Link className="button secondary" to="/admin/contact-points/new">{t("admin.newContactPoint")}</Link>
      </p>
      <ul className="tree">
        {tree.map((o) => (
          <li key={o.id} style={{ marginLeft: `${o.depth * 1.5}rem` }}>
            <strong>{o.name}</strong> <span className="badge">{t(`level.${o.level}`)}</span>
            {o.contactPoints.length > 0 ? (
              <ul aria-label={t("admin.contactPoints")}>
                {o.contactPoints.map((c) => (
                  <li key={c.id} className="tree__cp">{c.name}{c.address ? <span className="muted"> · {c.address}</span> : null}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
