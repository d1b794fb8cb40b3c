import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { officerHome } from "~/chain/dashboards.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "立法工作台 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  return officerHome(context.db, user);
}

export default function OfficerHome() {
  const t = useT();
  const { organizations, drafts, pendingModeration } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="officer-title">
      <h1 id="officer-title">{t("officer.title")}</h1>
      {organizations.map((o) => (
        <p key={o.id} className="lead">{t("officer.organization", { name: o.name })}</p>
      ))}
      <h2>{t("moderation.openQueue")}</h2>
      <p>
        <Link to="/officer/moderation">{t("moderation.openQueue")}</Link>
        {" · "}
        {pendingModeration > 0 ? <strong>{t("moderation.pendingCount", { count: pendingModeration })}</strong> : t("moderation.noPending")}
      </p>
      <h2>{t("search.officer.open")}</h2>
      <p><Link to="/officer/search">{t("search.officer.open")}</Link>{" · "}<span className="muted">{t("search.officer.openHint")}</span></p>
      <h2>{t("officer.drafts")}</h2>
      <p><Link className="button" to="/officer/drafts/new">{t("officer.newDraft")}</Link></p>
      {drafts.length === 0 ? <p>{t("officer.noDrafts")}</p> : null}
      <ul className="card-list">
        {drafts.map((d) => (
          <li key={d.id} className="card">
            <h3><Link to={`/officer/drafts/${d.id}`}>{d.title}</Link></h3>
            <p className="muted">
              {d.latestLabel} · {t("officer.versionCount", { count: d.versions })} · {t("officer.commentCount", { count: d.comments })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
