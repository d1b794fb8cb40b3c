import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
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
      {drafts.length ? <DraftList drafts={drafts} /> : <p>{t("drafts.empty")}</p>}
    </section>
  );
}
