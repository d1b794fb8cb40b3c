import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { compareRange } from "~/drafts/version-exports.server";
import { notFound } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import { ComparisonSummaryChart, ComparisonTable } from "~/ui/law/comparison-table";

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title} · 条文对照表 · 民意` : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "draft.read");
  const result = await compareRange(context.db, params.slug ?? "", params.range ?? "");
  if (!result) notFound();
  const all = new URL(request.url).searchParams.get("show") === "all";
  const rows = all ? result.comparison.rows : result.comparison.rows.filter((r) => r.status !== "unchanged");
  return data({ draft: result.draft, from: result.from, to: result.to, summary: result.comparison.summary, rows, all });
}

export default function ComparePage() {
  const t = useT();
  const { draft, from, to, summary, rows, all } = useLoaderData<typeof loader>();
  const base = `/drafts/${draft.slug}`;
  const here = `${base}/compare/${from.seq}..${to.seq}`;
  return (
    <article className="page--wide" aria-labelledby="compare-title">
      <p className="breadcrumbs"><Link to={`${base}/v/${to.seq}`}>{draft.title}（{to.label}）</Link></p>
      <h1 id="compare-title">{t("compare.title")}</h1>
      <p className="lead">{draft.title}：{from.label} → {to.label}</p>
      <ComparisonSummaryChart summary={summary} />
      <p className="actions">
        {all ? <Link to={here}>{t("compare.showChanged")}</Link> : <Link to={`${here}?show=all`}>{t("compare.showAll")}</Link>}
        <a className="button secondary" href={`${here}/docx`} download>{t("compare.downloadDocx")}</a>
      </p>
      <ComparisonTable rows={rows} oldLabel={from.label} newLabel={to.label} />
    </article>
  );
}
