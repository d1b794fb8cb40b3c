/**
 * The text of a version laid out as in print: headings for 编/章/节, and each article with its
 * paragraphs, items and sub-items, anchored by the clause's stable key so links survive redrafts.
 * Rendered once per version to static HTML on the server; each article carries a marker where the
 * live comment count is put in per request (see withCommentCounts).
 */
import type { AmendmentView } from "~/drafts/amendment-view.server";
import type { ReadingBlock } from "~/drafts/reading-blocks";

export interface AmendmentLabels {
  now: (law: string, article: string) => string;
  after: string;
  notApplied: string;
}

/** An amendment point's effect: the article as it reads now and as it would read, changes marked. */
function AmendmentPanel({ view, labels }: { view: AmendmentView; labels: AmendmentLabels }) {
  return (
    <div className="amendment">
      {view.before !== null ? (
        <div className="amendment__side">
          <p className="amendment__caption">
            <a href={`/drafts/${view.lawSlug}#${view.articleKey}`}>{labels.now(view.lawTitle, view.articleLabel)}</a>
          </p>
          <p className="amendment__text">
            {view.segments ? view.segments.map((s, i) => (s.op === "equal" ? <span key={i}>{s.text}</span> : s.op === "delete" ? <del key={i}>{s.text}</del> : null)) : view.before}
          </p>
        </div>
      ) : null}
      {view.after !== null ? (
        <div className="amendment__side">
          <p className="amendment__caption">{labels.after}</p>
          <p className="amendment__text">
            {view.segments ? view.segments.map((s, i) => (s.op === "equal" ? <span key={i}>{s.text}</span> : s.op === "insert" ? <ins key={i}>{s.text}</ins> : null)) : view.after}
          </p>
        </div>
      ) : null}
      {!view.applied ? <p className="amendment__note">{labels.notApplied}</p> : null}
    </div>
  );
}

export function LawBody({ blocks, articleLinkTitle, amendments, amendmentLabels }: {
  blocks: ReadingBlock[];
  articleLinkTitle: string;
  amendments?: ReadonlyMap<string, AmendmentView>;
  amendmentLabels?: AmendmentLabels;
}) {
  return (
    <div className="law-body">
      {blocks.map((b) =>
        b.type === "heading" ? (
          b.level === 2 ? (
            <h2 key={b.key} id={b.key} className="law-heading">{[b.label, b.heading].filter(Boolean).join(" ")}</h2>
          ) : (
            <h3 key={b.key} id={b.key} className="law-heading">{[b.label, b.heading].filter(Boolean).join(" ")}</h3>
          )
        ) : (
          <section key={b.key} id={b.key} className="article" aria-label={b.label}>
            {b.lines.length === 0 ? (
              <p><a href={`#${b.key}`} className="article__label" title={articleLinkTitle}>{b.label}</a></p>
            ) : null}
            {b.lines.map((line, i) => (
              <p key={line.key} className={line.kind === "item" ? "item" : line.kind === "subitem" ? "subitem" : undefined}>
                {i === 0 ? <a href={`#${b.key}`} className="article__label" title={articleLinkTitle}>{b.label}</a> : null}
                {line.label}
                {line.text}
              </p>
            ))}
            {amendments?.get(b.key) && amendmentLabels ? <AmendmentPanel view={amendments.get(b.key)!} labels={amendmentLabels} /> : null}
            <div className="article__meta" data-count-for={b.key} />
          </section>
        ),
      )}
    </div>
  );
}
