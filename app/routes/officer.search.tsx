import { data, type HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { localeFromRequest } from "~/platform/i18n/locales";
import { searchComments } from "~/search/officer-search.server";
import { EXPORT_MAX_ROWS } from "~/search/export-limit";
import { isEmptySearch, readSearchState, searchHref, searchParamsOf, SEARCH_PAGE_SIZE, type SearchState } from "~/search/search-state";
import { useT } from "~/ui/i18n";
import { ActiveFilters } from "~/ui/search/active-filters";
import { CommentHit } from "~/ui/search/comment-hit";
import { FacetChart } from "~/ui/search/facet-chart";
import { FacetSidebar } from "~/ui/search/facet-sidebar";
import searchStyles from "~/ui/search/search.css";
import { SearchPager } from "~/ui/search/search-pager";
import { StateFields } from "~/ui/search/state-fields";
import { SORTS } from "../../search/engine";

export const meta: MetaFunction = () => [{ title: "意见检索 · 民意" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStyles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const BASE = "/officer/search";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const state = readSearchState(new URL(request.url).searchParams);
  const locale = localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  const outcome = await searchComments(context.db, context.search, user, state, locale);
  if (!outcome.ok && outcome.error === "forbidden") throw data({ reason: "forbidden" }, { status: 403 });
  return outcome;
}

export default function OfficerSearchPage() {
  const t = useT();
  const result = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "loading";
  const state = result.state;
  return (
    <section className="page--wide search-page" aria-labelledby="search-title" aria-busy={busy}>
      <p className="breadcrumbs"><Link to="/officer">{t("officer.title")}</Link></p>
      <h1 id="search-title">{t("search.officer.title")}</h1>
      <p className="lead">{t("search.officer.intro")}</p>
      <QueryForm state={state} />
      {!result.ok ? (
        <div className="notice notice--error" role="alert">
          <h2>{t("search.unavailable.title")}</h2>
          <p>{t("search.unavailable.body")}</p>
        </div>
      ) : (
        <div className="search-layout">
          <FacetSidebar base={BASE} state={state} facets={result.facets} />
          <div className="search-main">
            <ActiveFilters base={BASE} state={state} active={result.active} />
            <div className="search-summary">
              <p role="status" className="search-count">
                <strong>{t(result.totalIsExact ? "search.count" : "search.countApprox", { count: result.total })}</strong>
                {result.hits.length > 0 ? (
                  <span className="muted">
                    {" · "}{t("search.showing", { from: (state.page - 1) * SEARCH_PAGE_SIZE + 1, to: (state.page - 1) * SEARCH_PAGE_SIZE + result.hits.length })}
                    {" · "}{t("search.took", { ms: Math.round(result.tookMs) })}
                  </span>
                ) : null}
              </p>
              <SortForm state={state} />
            </div>
            {result.total > 0 ? <ExportLinks state={state} total={result.total} /> : null}
            <FacetChart facets={result.facets} />
            {result.hits.length === 0 ? (
              <p className="search-empty">{isEmptySearch(state) ? t("search.emptyStart") : t("search.empty")}</p>
            ) : (
              <section aria-labelledby="results-title">
                <h2 id="results-title" className="visually-hidden">{t("search.results")}</h2>
                <ol className="search-hits">
                  {result.hits.map((h) => <CommentHit key={h.id} hit={h} />)}
                </ol>
              </section>
            )}
            <SearchPager page={state.page} pageCount={result.pageCount} href={(page) => searchHref(BASE, { ...state, page })} />
          </div>
        </div>
      )}
    </section>
  );
}

function QueryForm({ state }: { state: SearchState }) {
  const t = useT();
  return (
    <Form method="get" action={BASE} role="search" className="search-form">
      <StateFields state={state} omit={["q", "page"]} />
      <label htmlFor="search-q">{t("search.query")}</label>
      <div className="search-form__row">
        <input id="search-q" type="search" name="q" defaultValue={state.q} aria-describedby="search-q-hint" maxLength={200} />
        <button type="submit">{t("search.submit")}</button>
      </div>
      <p id="search-q-hint" className="field-hint">{t("search.queryHint")}</p>
    </Form>
  );
}

function SortForm({ state }: { state: SearchState }) {
  const t = useT();
  return (
    <Form method="get" action={BASE} className="search-sort">
      <StateFields state={state} omit={["sort", "page"]} />
      <label htmlFor="search-sort">{t("search.sort")}</label>
      <select id="search-sort" name="sort" defaultValue={state.sort ?? ""}>
        <option value="">{t("search.sort.default")}</option>
        {SORTS.map((s) => <option key={s} value={s}>{t(`search.sort.${s}`)}</option>)}
      </select>
      <button type="submit" className="secondary">{t("search.sort.apply")}</button>
    </Form>
  );
}

function ExportLinks({ state, total }: { state: SearchState; total: number }) {
  const t = useT();
  const query = searchParamsOf({ ...state, page: 1 }).toString();
  const suffix = query ? `?${query}` : "";
  return (
    <div className="search-export">
      <p className="actions">
        <a href={`${BASE}.csv${suffix}`} download>{t("search.export.csv")}</a>
        <a href={`${BASE}.xlsx${suffix}`} download>{t("search.export.xlsx")}</a>
      </p>
      <p className="field-hint">{t("search.export.hint", { count: Math.min(total, EXPORT_MAX_ROWS) })}</p>
      {total > EXPORT_MAX_ROWS ? <p className="notice notice--warn">{t("search.export.capped", { max: EXPORT_MAX_ROWS })}</p> : null}
    </div>
  );
}
