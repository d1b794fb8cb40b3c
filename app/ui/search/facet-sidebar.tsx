/**
 * The facet sidebar: each facet a list of links with counts; a link adds its value to the filters,
 * a selected one (ticked) removes it. A GET form for the date range. All plain links and forms, so
 * it works without JavaScript and the address always holds the whole search.
 */
import { Form, Link } from "@remix-run/react";
import type { FacetName } from "../../../search/engine";
import type { FacetEntry } from "~/search/officer-search.server";
import { hasFilter, searchHref, withFilter, withoutFilter, type SearchState } from "~/search/search-state";
import type { MessageKey } from "~/platform/i18n/translate";
import { useT } from "../i18n";
import { StateFields } from "./state-fields";

/** Shown before "show more": enough for the common case, short enough to scan on a phone. */
const SHOWN = 8;
const ORDER: FacetName[] = [
  "draftId", "versionId", "chapterKey", "provisionKey", "contactPointId", "organizationIds", "region", "channel", "category", "status", "moderation",
];
const NEEDS_ONE_DRAFT: FacetName[] = ["versionId", "chapterKey", "provisionKey"];

export function FacetSidebar({ base, state, facets }: { base: string; state: SearchState; facets: Partial<Record<FacetName, FacetEntry[]>> }) {
  const t = useT();
  // Chapter and article keys repeat from one draft to the next: offered once a single draft is in view.
  const oneDraft = (state.filters.draftId?.length ?? 0) === 1 || (facets.draftId?.length ?? 0) === 1;
  return (
    <aside className="search-facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t("search.facets")}</h2>
      <p className="muted search-facets__hint">{t("search.facetsHint")}</p>
      {ORDER.map((facet) => {
        const entries = facets[facet] ?? [];
        if (NEEDS_ONE_DRAFT.includes(facet) && !oneDraft) {
          return facet === "provisionKey" && entries.length > 0 ? (
            <section key={facet} className="search-facet" aria-labelledby={`facet-${facet}`}>
              <h3 id={`facet-${facet}`}>{t(`search.facet.${facet}`)}</h3>
              <p className="muted">{t("search.facet.pickDraft")}</p>
            </section>
          ) : null;
        }
        if (entries.length === 0) return null;
        return <FacetList key={facet} base={base} state={state} facet={facet} entries={entries} />;
      })}
      <DateRange base={base} state={state} />
    </aside>
  );
}

function FacetList({ base, state, facet, entries }: { base: string; state: SearchState; facet: FacetName; entries: FacetEntry[] }) {
  const t = useT();
  const title = t(`search.facet.${facet}` as MessageKey);
  const item = (e: FacetEntry) => {
    const selected = hasFilter(state, facet, e.value);
    const href = searchHref(base, selected ? withoutFilter(state, facet, e.value) : withFilter(state, facet, e.value));
    return (
      <li key={e.value}>
        <Link to={href} className={selected ? "search-facet__link is-selected" : "search-facet__link"} preventScrollReset>
          <span className="search-facet__box" aria-hidden="true">{selected ? "✓" : ""}</span>
          {selected ? <span className="visually-hidden">{t("search.facet.selected")}：</span> : null}
          <span className="search-facet__label">{e.label}</span>
          <span className="search-facet__count">{e.count.toLocaleString()}</span>
        </Link>
      </li>
    );
  };
  // Selected values always stay in view, whatever their count.
  const shown = entries.filter((e, i) => i < SHOWN || e.selected);
  const rest = entries.filter((e, i) => i >= SHOWN && !e.selected);
  return (
    <section className="search-facet" aria-labelledby={`facet-${facet}`} data-facet={facet}>
      <h3 id={`facet-${facet}`}>{title}</h3>
      <ul>{shown.map(item)}</ul>
      {rest.length > 0 ? (
        <details>
          <summary>{t("search.facet.more", { count: rest.length })}</summary>
          <ul>{rest.map(item)}</ul>
        </details>
      ) : null}
    </section>
  );
}

function DateRange({ base, state }: { base: string; state: SearchState }) {
  const t = useT();
  return (
    <section className="search-facet" aria-labelledby="facet-date">
      <h3 id="facet-date">{t("search.date")}</h3>
      <Form method="get" action={base} className="search-dates">
        <StateFields state={state} omit={["from", "to", "page"]} />
        <label htmlFor="search-from">{t("search.dateFrom")}</label>
        <input id="search-from" type="date" name="from" defaultValue={state.dateFrom ?? ""} />
        <label htmlFor="search-to">{t("search.dateTo")}</label>
        <input id="search-to" type="date" name="to" defaultValue={state.dateTo ?? ""} />
        <button type="submit" className="secondary">{t("search.dateApply")}</button>
      </Form>
    </section>
  );
}
