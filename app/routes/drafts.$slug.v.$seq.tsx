import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "~/platform/respond.server";
import { ReadingPage } from "~/ui/law/reading-page";
import { readingLoader } from "./drafts.$slug._index";

export { handle, headers } from "./drafts.$slug._index";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title}（${d.version.label}） · 民意` : "民意" }];

export async function loader(args: LoaderFunctionArgs) {
  const seq = Number(args.params.seq);
  if (!Number.isInteger(seq) || seq < 1) notFound();
  return readingLoader(args, seq);
}

export default function VersionPage() {
  return <ReadingPage data={useLoaderData<typeof loader>()} />;
}
