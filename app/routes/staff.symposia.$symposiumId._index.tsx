/**
 * /staff/symposia/:id — one symposium: when, where, who came, its minutes, and the views entered.
 * Its contact point's staff may add views; officers above may read; others get 404.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/accounts/guard.server";
import { symposiumWithViews } from "~/intake/symposia.server";
import { valueOrThrow } from "~/platform/respond.server";
import { EnteredList } from "~/ui/entry/entered-list";
import { useFormatDate, useT } from "~/ui/i18n";
import styles from "~/ui/staff-entry.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `座谈会 ${data.symposium.heldOn} · ${data.symposium.place} · 民意` : "民意" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return valueOrThrow(await symposiumWithViews(context.db, user, params.symposiumId ?? ""));
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export default function SymposiumPage() {
  const t = useT();
  const date = useFormatDate();
  const { symposium: s, entered } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="symposium-title">
      <p className="breadcrumbs"><Link to={s.canEnter ? "/staff" : "/officer"}>{t(s.canEnter ? "staff.title" : "officer.title")}</Link></p>
      <h1 id="symposium-title">{t("staff.symposium.title", { date: date(`${s.heldOn}T00:00:00+08:00`), place: s.place })}</h1>
      <dl className="symposium-facts">
        <div><dt>{t("staff.symposium.draft")}</dt><dd><Link to={`/drafts/${s.draftSlug}`}>{s.draftTitle}</Link></dd></div>
        <div><dt>{t("staff.symposium.contactPoint")}</dt><dd>{s.contactPointName}</dd></div>
        <div><dt>{t("staff.symposium.attendance")}</dt><dd>{t("staff.symposium.attendees", { count: s.attendance })}</dd></div>
        {s.topic ? <div><dt>{t("staff.symposium.topic")}</dt><dd>{s.topic}</dd></div> : null}
        <div>
          <dt>{t("staff.symposium.minutes")}</dt>
          <dd>
            {s.minutes ? (
              <a href={`/staff/symposia/${s.id}/minutes`} download={s.minutes.fileName}>
                {t("staff.symposium.download", { name: s.minutes.fileName, size: sizeText(s.minutes.byteSize) })}
              </a>
            ) : t("staff.symposium.noMinutes")}
          </dd>
        </div>
      </dl>
      {s.canEnter ? <p><Link className="button" to={`/staff/symposia/${s.id}/entry`}>{t("staff.symposium.enter")}</Link></p> : null}
      <EnteredList rows={entered.rows} total={entered.total} editable={s.canEnter} detailBase={s.canEnter ? "/staff/comments" : "/officer/comments"} />
    </section>
  );
}
