import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { contactPointHomes } from "~/chain/dashboards.server";
import { useFormatDate, useT } from "~/ui/i18n";
import { WindowBadge } from "~/ui/window-badge";

export const meta: MetaFunction = () => [{ title: "联系点工作台 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  return { homes: await contactPointHomes(context.db, user, new Date()) };
}

export default function StaffHome() {
  const t = useT();
  const date = useFormatDate();
  const { homes } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="staff-title">
      <h1 id="staff-title">{t("staff.title")}</h1>
      {homes.length === 0 ? <p>{t("staff.noContactPoint")}</p> : null}
      {homes.map((home) => (
        <div key={home.contactPointId}>
          <p className="lead">{t("staff.contactPoint", { name: home.name })}</p>
          <h2>{t("staff.consultations")}</h2>
          {home.consultations.length === 0 ? <p>{t("staff.noConsultations")}</p> : null}
          <ul className="card-list">
            {home.consultations.map((c) => (
              <li key={c.id} className="card">
                <h3><Link to={`/drafts/${c.draftSlug}`}>{c.draftTitle}</Link></h3>
                <p className="muted">{c.versionLabel}{c.dueAt ? ` · ${t("staff.due", { date: date(c.dueAt) })}` : ""}</p>
                <WindowBadge window={c.window} />
                <p>{t("staff.collected", { count: c.collected })}</p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
