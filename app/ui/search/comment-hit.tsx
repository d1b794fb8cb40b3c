/** One comment found: a link to it, where it sits and where it came from, and the matched text highlighted. */
import { Link } from "@remix-run/react";
import type { CommentHitView } from "~/search/officer-search.server";
import { useT } from "../i18n";
import { SnippetText } from "./snippet-text";

export function CommentHit({ hit }: { hit: CommentHitView }) {
  const t = useT();
  return (
    <li className="search-hit">
      <h3 className="search-hit__title">
        <Link to={`/officer/comments/${hit.id}`}>
          <span className="search-hit__article">{hit.article ?? t("search.hit.wholeDraft")}</span>
          <span className="search-hit__code">{hit.receiptCode}</span>
        </Link>
      </h3>
      {hit.snippets.map((s) => (
        <p key={s.field} className="search-hit__snippet">
          {s.field !== "body" ? <span className="search-hit__field">{t(`search.hit.field.${s.field}`)}：</span> : null}
          <SnippetText snippet={s.snippet} />
        </p>
      ))}
      <dl className="search-hit__meta">
        <div><dt>{t("search.facet.draftId")}</dt><dd>{hit.draftTitle}</dd></div>
        <div><dt>{t("search.hit.contactPoint")}</dt><dd>{hit.contactPoint ?? t("search.hit.online")}</dd></div>
        <div><dt>{t("search.hit.channel")}</dt><dd>{hit.channel}</dd></div>
        <div><dt>{t("search.hit.category")}</dt><dd>{hit.category}</dd></div>
        <div><dt>{t("search.hit.date")}</dt><dd><time dateTime={hit.date}>{hit.date}</time></dd></div>
      </dl>
    </li>
  );
}
