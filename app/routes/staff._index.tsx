/**
 * /staff — the contact point's home: the consultations it was asked to join, their deadlines and how
 * many views it has collected, a way into entering views (symposium, letters, calls, visits…) or
 * importing a spreadsheet, and its symposia.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { contactPointHomes } from "~/chain/dashboards.server";
import { BATCH_CHANNELS } from "~/intake/staff-entry.server";
import { useFormatDate, useT } from "~/ui/i18n";
import styles from "~/ui/staff-entry.css";
import { WindowBadge } from "~/ui/window-badge";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "联系点工作台 · 民意" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  return { homes: await contactPointHomes(context.db, user, new Date()), channels: BATCH_CHANNELS };
}

export default function StaffHome() {
  const t = useT();
  const date = useFormatDate();
  const { homes, channels } = useLoaderData<typeof loader>();
  const several = homes.length > 1;
  return (
    <section className="page staff-home" aria-labelledby="staff-title">
      <h1 id="staff-title">{t("staff.title")}</h1>
      {homes.length === 0 ? <p>{t("staff.noContactPoint")}</p> : null}
      {homes.length > 0 ? (
        <ul className="actions staff-home__actions">
          <li><Link className="button" to="/staff/symposia/new">{t("staff.entry.home.newSymposium")}</Link></li>
          <li><Link className="button secondary" to="/staff/imports/new">{t("staff.entry.home.import")}</Link></li>
        </ul>
      ) : null}
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
                <p className="staff-home__collected">{t("staff.collected", { count: c.collected })}</p>
                <Form method="get" action="/staff/entry" className="staff-home__enter" aria-label={t("staff.entry.home.enterFor", { title: c.draftTitle })}>
                  <input type="hidden" name="draft" value={c.draftSlug} />
                  {several ? <input type="hidden" name="cp" value={home.contactPointId} /> : null}
                  <label htmlFor={`channel-${home.contactPointId}-${c.id}`}>{t("staff.entry.home.channel")}</label>
                  <select id={`channel-${home.contactPointId}-${c.id}`} name="channel" defaultValue="letter">
                    {channels.map((ch) => <option key={ch} value={ch}>{t(`staff.entry.channel.${ch}`)}</option>)}
                  </select>
                  <button type="submit" className="secondary">{t("staff.entry.home.start")}</button>
                </Form>
                <p><Link to={`/staff/symposia/new?draft=${c.draftId}`}>{t("staff.entry.home.newSymposium")}</Link></p>
              </li>
            ))}
          </ul>
          <h2>{t("staff.entry.home.symposia")}</h2>
          {home.symposia.length === 0 ? <p>{t("staff.entry.home.noSymposia")}</p> : (
            <ul className="symposium-list">
              {home.symposia.map((s) => (
                <li key={s.id}>
                  <Link to={`/staff/symposia/${s.id}`}>{date(`${s.heldOn}T00:00:00+08:00`)} · {s.place}</Link>
                  <span className="muted"> · <cite>{s.draftTitle}</cite> · {t("staff.symposium.attendees", { count: s.attendance })} · {t("staff.symposium.commentCount", { count: s.comments })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
