/** The filters in force, each a chip that removes itself (a plain link: works without JavaScript). */
import { Link } from "@remix-run/react";
import type { ActiveFilter } from "~/search/officer-search.server";
import { EMPTY_STATE, searchHref, withoutFilter, type SearchState } from "~/search/search-state";
import type { MessageKey } from "~/platform/i18n/translate";
import { useT } from "../i18n";
import type { Wire } from "../wire";

export function ActiveFilters({ base, state, active }: { base: string; state: SearchState; active: Wire<ActiveFilter>[] }) {
  const t = useT();
  const chips: { key: string; text: string; href: string }[] = [];
  if (state.q) chips.push({ key: "q", text: t("search.activeQuery", { q: state.q }), href: searchHref(base, { ...state, q: "", sort: null, page: 1 }) });
  for (const a of active) {
    chips.push({ key: `${a.facet}:${a.value}`, text: `${t(`search.facet.${a.facet}` as MessageKey)}：${a.label}`, href: searchHref(base, withoutFilter(state, a.facet, a.value)) });
  }
  if (state.dateFrom) chips.push({ key: "from", text: t("search.activeFrom", { date: state.dateFrom }), href: searchHref(base, { ...state, dateFrom: null, page: 1 }) });
  if (state.dateTo) chips.push({ key: "to", text: t("search.activeTo", { date: state.dateTo }), href: searchHref(base, { ...state, dateTo: null, page: 1 }) });
  if (chips.length === 0) return null;
  return (
    <div className="search-chips">
      <h2 className="visually-hidden">{t("search.active")}</h2>
      <ul aria-label={t("search.active")}>
        {chips.map((c) => (
          <li key={c.key}>
            <Link to={c.href} className="search-chip" aria-label={t("search.remove", { label: c.text })} preventScrollReset>
              <span>{c.text}</span>
              <span aria-hidden="true" className="search-chip__x">×</span>
            </Link>
          </li>
        ))}
        {chips.length > 1 ? <li><Link to={searchHref(base, EMPTY_STATE)}>{t("search.clearAll")}</Link></li> : null}
      </ul>
    </div>
  );
}
