import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { localeFromRequest } from "~/platform/i18n/locales";
import { publicSearchHref, readPublicSearch, searchProvisions } from "~/search/public-search.server";
import { useT } from "~/ui/i18n";
import searchStyles from "~/ui/search/search.css";
import { SearchPager } from "~/ui/search/search-pager";
import { SnippetText } from "~/ui/search/snippet-text";

export const meta: MetaFunction = () => [{ title: "检索草案条文 · 民意" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStyles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-cache" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "draft.read");
  const state = readPublicSearch(new URL(request.url).searchParams);
  const locale = localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  return searchProvisions(context.db, context.search, state, locale);
}

export default function PublicSearchPage() {
  const t = useT();
  const result = useLoaderData<typeof loader>();
  const { state, drafts } = result;
  return (
    <section className="page search-page" aria-labelledby="public-search-title">
      <h1 id="public-search-title">{t("search.public.title")}</h1>
      <p className="lead">{t("search.public.intro")}</p>
      <Form method="get" action="/search" role="search" className="search-form">
        <label htmlFor="public-q">{t("search.query")}</label>
        <div className="search-form__row">
          <input id="public-q" type="search" name="q" defaultValue={state.q} maxLength={200} />
          <button type="submit">{t("search.submit")}</button>
        </div>
        {drafts.length > 1 ? (
          <p className="search-form__within">
            <label htmlFor="public-draft">{t("search.public.draft")}</label>{" "}
            <select id="public-draft" name="draft" defaultValue={state.draft ?? ""}>
              <option value="">{t("search.public.allDrafts")}</option>
              {drafts.map((d) => <option key={d.slug} value={d.slug}>{d.title}</option>)}
            </select>
          </p>
        ) : null}
      </Form>
      {!result.ok ? (
        <p className="notice notice--error" role="alert">{t("search.public.unavailable")}</p>
      ) : !state.q ? (
        <p className="muted">{t("search.public.prompt")}</p>
      ) : (
        <>
          <p role="status" className="search-count">
            <strong>{t(result.totalIsExact ? "search.public.count" : "search.public.countApprox", { count: result.total })}</strong>
          </p>
          {drafts.some((d) => d.count) && drafts.length > 1 ? (
            <nav aria-label={t("search.public.draft")} className="subnav">
              <ul className="inline-list">
                <li><Link to={publicSearchHref({ ...state, draft: null, page: 1 })} aria-current={state.draft ? undefined : "page"}>{t("search.public.allDrafts")}</Link></li>
                {drafts.filter((d) => d.count).map((d) => (
                  <li key={d.slug}>
                    <Link to={publicSearchHref({ ...state, draft: d.slug, page: 1 })} aria-current={state.draft === d.slug ? "page" : undefined}>
                      {t("search.public.inDraft", { title: d.title, count: d.count ?? 0 })}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {result.hits.length === 0 ? <p className="search-empty">{t("search.public.empty")}</p> : (
            <ol className="search-hits">
              {result.hits.map((h) => (
                <li key={h.id} className="search-hit">
                  <h2 className="search-hit__title"><Link to={h.href}>{h.label}</Link></h2>
                  <p className="muted search-hit__path">{[h.draftTitle, h.path].filter(Boolean).join(" › ")}</p>
                  <p className="search-hit__snippet"><SnippetText snippet={h.snippet} /></p>
                </li>
              ))}
            </ol>
          )}
          <SearchPager page={state.page} pageCount={result.pageCount} href={(page) => publicSearchHref({ ...state, page })} />
        </>
      )}
    </section>
  );
}
