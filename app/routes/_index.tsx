import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPublishedDrafts } from "~/drafts/catalogue.server";
import { DraftList } from "~/ui/draft-list";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "民意 · 法律草案逐条征求意见" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const drafts = await listPublishedDrafts(context.db, new Date());
  return { open: drafts.filter((d) => d.window.state === "open") };
}

export default function Home() {
  const t = useT();
  const { open } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.openDrafts")}</h2>
      {open.length ? <DraftList drafts={open} /> : <p>{t("home.noDrafts")}</p>}
      <p>
        <Link to="/drafts">{t("home.allDrafts")}</Link>
      </p>
    </section>
  );
}
