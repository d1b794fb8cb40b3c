import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { listPublishedDrafts } from "~/drafts/catalogue.server";
import { DraftList } from "~/ui/draft-list";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "法律草案 · 民意" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return { drafts: await listPublishedDrafts(context.db, new Date()) };
}

export default function Drafts() {
  const t = useT();
  const { drafts } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="drafts-title">
      <h1 id="drafts-title">{t("drafts.title")}</h1>
      {drafts.length ? (
        <Form method="get" action="/search" role="search" className="inline-search">
          <label htmlFor="drafts-q">{t("search.public.box")}</label>
          <input id="drafts-q" type="search" name="q" maxLength={200} />
          <button type="submit" className="secondary">{t("search.submit")}</button>
        </Form>
      ) : null}
      {drafts.length ? <DraftList drafts={drafts} /> : <p>{t("drafts.empty")}</p>}
    </section>
  );
}
