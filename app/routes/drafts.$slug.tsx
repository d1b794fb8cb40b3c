import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { getDraftForReading } from "~/drafts/catalogue.server";
import { readingBlocks } from "~/drafts/reading-blocks";
import { notFound } from "~/platform/respond.server";
import { useFormatDate, useT } from "~/ui/i18n";
import { WindowBadge } from "~/ui/window-badge";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.draft.title} · 民意` : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "draft.read");
  const reading = await getDraftForReading(context.db, params.slug ?? "", new Date());
  if (!reading) notFound();
  const { provisions, ...rest } = reading;
  return { ...rest, blocks: readingBlocks(provisions) };
}

export default function DraftPage() {
  const t = useT();
  const date = useFormatDate();
  const { draft, version, window, blocks } = useLoaderData<typeof loader>();
  return (
    <article className="law" aria-labelledby="draft-title">
      <p><Link to="/drafts">{t("drafts.backToList")}</Link></p>
      <h1 id="draft-title">{draft.title}</h1>
      <p className="muted">
        {t("drafts.version", { label: version.label })} · {t("drafts.publishedOn", { date: date(version.publishedAt) })}
      </p>
      <WindowBadge window={window} />
      {blocks.map((b) =>
        b.type === "heading" ? (
          b.level === 2 ? (
            <h2 key={b.key} id={b.key} className="law-heading">{b.label} {b.heading}</h2>
          ) : (
            <h3 key={b.key} id={b.key} className="law-heading">{b.label} {b.heading}</h3>
          )
        ) : (
          <section key={b.key} id={b.key} className="article" aria-label={b.label}>
            {b.lines.map((line, i) => (
              <p key={line.key} className={line.kind === "item" ? "item" : line.kind === "subitem" ? "subitem" : undefined}>
                {i === 0 ? (
                  <a href={`#${b.key}`} className="article__label" title={t("drafts.articleLink")}>{b.label}</a>
                ) : null}
                {line.label ? `${line.label}` : ""}
                {line.text}
              </p>
            ))}
            {b.lines.length === 0 ? <p><a href={`#${b.key}`} className="article__label">{b.label}</a></p> : null}
          </section>
        ),
      )}
    </article>
  );
}
