import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { useT } from "~/ui/i18n";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "area.admin");
  return null;
}

export default function AdminLayout() {
  const t = useT();
  return (
    <div className="page--wide">
      <nav aria-label={t("admin.title")} className="subnav">
        <ul className="inline-list">
          <li><NavLink to="/admin" end>{t("admin.organizations")}</NavLink></li>
          <li><NavLink to="/admin/users">{t("admin.users")}</NavLink></li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
