/**
 * /staff/entry?draft=…&channel=letter|phone|visit|email|questionnaire — fast entry of views that
 * came in by letter, phone, visit, e-mail or questionnaire: a batch without a symposium.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { entryScreen, saveEntry } from "~/intake/staff-entry-responses.server";
import { batchEntryContext } from "~/intake/staff-entry.server";
import { valueOrThrow } from "~/platform/respond.server";
import { EntryScreen } from "~/ui/entry/entry-screen";
import styles from "~/ui/staff-entry.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `录入意见 · ${data.ctx.draft.title} · 民意` : "民意" }];

function where(request: Request) {
  const url = new URL(request.url);
  return { draft: url.searchParams.get("draft") ?? "", channel: url.searchParams.get("channel"), contactPointId: url.searchParams.get("cp") };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const ctx = valueOrThrow(await batchEntryContext(context.db, user, where(request), new Date()));
  return entryScreen(context, ctx, new URL(request.url));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const ctx = valueOrThrow(await batchEntryContext(context.db, user, where(request), new Date()));
  return saveEntry(request, context, user, ctx);
}

export default function BatchEntry() {
  return <EntryScreen data={useLoaderData<typeof loader>()} />;
}
