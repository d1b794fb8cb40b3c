/** Previous / next links that keep the whole search in the URL. */
import { Link } from "@remix-run/react";
import { useT } from "../i18n";

export function SearchPager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("search.page.label")} className="search-pager">
      <ul className="inline-list">
        {page > 1 ? <li><Link to={href(page - 1)} rel="prev">{t("search.page.previous")}</Link></li> : null}
        <li><span aria-current="page">{t("search.page.current", { page, pages: pageCount })}</span></li>
        {page < pageCount ? <li><Link to={href(page + 1)} rel="next">{t("search.page.next")}</Link></li> : null}
      </ul>
    </nav>
  );
}
