import { Form, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { Role } from "../../db/schema/vocabulary";
import type { MessageKey } from "../platform/i18n/translate";
import { useLocale, useT } from "./i18n";
import type { RootData } from "./root-data";

const AREAS: { role: Role; to: string; label: MessageKey }[] = [
  { role: "contact_point_staff", to: "/staff", label: "nav.staff" },
  { role: "officer", to: "/officer", label: "nav.officer" },
  { role: "admin", to: "/admin", label: "nav.admin" },
];

export function AppHeader() {
  const t = useT();
  const locale = useLocale();
  const data = useRouteLoaderData<RootData>("root");
  const location = useLocation();
  const user = data?.user ?? null;
  const here = location.pathname + location.search;
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">{t("nav.skipToContent")}</a>
      <div className="app-header__bar">
        <NavLink to="/" className="brand" end>
          <span className="brand__mark" aria-hidden="true">民</span>
          <span className="brand__name">{t("app.name")}</span>
        </NavLink>
        <Form method="post" action="/lang" className="lang-switch">
          <input type="hidden" name="locale" value={locale === "zh-CN" ? "en" : "zh-CN"} />
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" className="link-button" lang={locale === "zh-CN" ? "en" : "zh-CN"} title={t("lang.switchHint")}>
            {t("lang.switch")}
          </button>
        </Form>
      </div>
      <nav aria-label={t("nav.main")} className="app-nav">
        <ul>
          <li><NavLink to="/" end>{t("nav.home")}</NavLink></li>
          <li><NavLink to="/drafts">{t("nav.drafts")}</NavLink></li>
          <li><NavLink to="/search">{t("nav.search")}</NavLink></li>
          <li><NavLink to="/receipt">{t("nav.receipt")}</NavLink></li>
          {AREAS.filter((a) => user?.roles.includes(a.role)).map((a) => (
            <li key={a.to}><NavLink to={a.to}>{t(a.label)}</NavLink></li>
          ))}
          {user ? (
            <li className="app-nav__user">
              <span className="app-nav__name">{t("nav.signedInAs", { name: user.displayName })}</span>
              <Form method="post" action="/sign-out">
                <button type="submit" className="link-button">{t("nav.signOut")}</button>
              </Form>
            </li>
          ) : (
            <li className="app-nav__user"><NavLink to="/sign-in">{t("nav.signIn")}</NavLink></li>
          )}
        </ul>
      </nav>
    </header>
  );
}
