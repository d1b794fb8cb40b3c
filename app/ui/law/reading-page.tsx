/**
 * The public reading page: banner with the consultation's state, folded explanation, table of
 * contents by structure, version switcher, comparison link, and the text. Pure HTML: the route
 * is not hydrated (handle.hydrate = false), so a phone downloads no JavaScript for it.
 */
import { Link } from "@remix-run/react";
import type { TocEntry } from "~/drafts/toc";
import type { ReadingPage as ReadingData } from "~/drafts/reading.server";
import { RichTextView } from "../editor/rich-text-view";
import { useFormatDate, useT } from "../i18n";
import { WindowBadge } from "../window-badge";
import type { Wire } from "../wire";


function TocList({ entries }: { entries: TocEntry[] }) {
  const t = useT();
  return (
    <ol>
      {entries.map((e) => (
        <li key={e.key}>
          {e.children.length > 0 ? (
            <details>
              <summary>{e.title}</summary>
              <p><a href={`#${e.key}`}>{t("drafts.tocGoTo", { title: e.title })}</a>{e.firstArticle ? <span className="muted"> · {e.firstArticle}–{e.lastArticle}</span> : null}</p>
              <TocList entries={e.children} />
            </details>
          ) : (
            <>
              <a href={`#${e.key}`}>{e.title}</a>
              {e.firstArticle ? <span className="muted"> · {e.firstArticle}{e.lastArticle !== e.firstArticle ? `–${e.lastArticle}` : ""}</span> : null}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

export function ReadingPage({ data }: { data: Wire<ReadingData> }) {
  const t = useT();
  const date = useFormatDate();
  const { draft, version, versions, previousSeq, window, toc, bodyHtml, articleCount, commentCount } = data;
  const base = `/drafts/${draft.slug}`;
  return (
    <article className="law" aria-labelledby="draft-title">
      <p className="breadcrumbs"><Link to="/drafts">{t("drafts.backToList")}</Link></p>
      <h1 id="draft-title">{draft.title}</h1>
      <div className="banner" role="status">
        <WindowBadge window={window} />
        <p>{t("drafts.articleCount", { count: articleCount })} · {t("drafts.commentsSoFar", { count: commentCount })}</p>
        {data.accepting ? <p><Link className="button" to={`${base}/comment`}>{t("drafts.commentOnDraft")}</Link></p> : null}
      </div>
      <p className="muted">
        {t("drafts.version", { label: version.label })} · {t("drafts.publishedOn", { date: date(version.publishedAt) })}
        {version.isLatest ? "" : ` · ${t("drafts.notLatest")}`}
      </p>
      {versions.length > 1 ? (
        <nav aria-label={t("drafts.versions")} className="versions">
          <h2 className="visually-hidden">{t("drafts.versions")}</h2>
          <ul className="inline-list">
            {versions.map((v) => (
              <li key={v.seq}>
                <Link to={`${base}/v/${v.seq}`} aria-current={v.seq === version.seq ? "page" : undefined}>{v.label}</Link>
              </li>
            ))}
          </ul>
          {previousSeq !== null ? (
            <p><Link to={`${base}/compare/${previousSeq}..${version.seq}`}>{t("drafts.compareWithPrevious")}</Link></p>
          ) : null}
        </nav>
      ) : null}
      {version.explanationHtml ? (
        <details className="explanation">
          <summary>{t("drafts.explanation")}</summary>
          <RichTextView html={version.explanationHtml} />
        </details>
      ) : null}
      {toc.length > 0 ? (
        <nav aria-label={t("drafts.toc")} className="toc">
          <details>
            <summary>{t("drafts.toc")}</summary>
            <TocList entries={toc as TocEntry[]} />
          </details>
        </nav>
      ) : null}
      <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      <p className="muted downloads">
        <a href={`${base}/v/${version.seq}/akn`}>{t("drafts.downloadAkn")}</a>
        {data.accepting ? (
          <>
            {" · "}<a href={`${base}/notice`}>{t("drafts.printNotice")}</a>
            {" · "}<a href={`${base}/paper-form`}>{t("drafts.printPaperForm")}</a>
          </>
        ) : null}
      </p>
    </article>
  );
}
