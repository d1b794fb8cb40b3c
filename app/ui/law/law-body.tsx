/**
 * The text of a version laid out as in print: headings for 编/章/节, and each article with its
 * paragraphs, items and sub-items, anchored by the clause's stable key so links survive redrafts.
 * Rendered once per version to static HTML on the server; each article carries a marker where the
 * live comment count is put in per request (see withCommentCounts).
 */
import type { ReadingBlock } from "~/drafts/reading-blocks";


export function LawBody({ blocks, articleLinkTitle }: { blocks: ReadingBlock[]; articleLinkTitle: string }) {
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
            <div className="article__meta" data-count-for={b.key} />
          </section>
        ),
      )}
    </div>
  );
}
