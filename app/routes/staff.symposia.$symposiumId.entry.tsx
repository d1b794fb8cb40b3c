/** /staff/symposia/:id/entry — fast entry of one symposium's views (its own contact point's staff only). */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { entryScreen, saveEntry } from "~/intake/staff-entry-responses.server";
import { symposiumEntryContext } from "~/intake/staff-entry.server";
import { valueOrThrow } from "~/platform/respond.server";
import { EntryScreen } from "~/ui/entry/entry-screen";
import styles from "~/ui/staff-entry.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `录入意见 · ${data.ctx.draft.title} · 民意` : "民意" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const ctx = valueOrThrow(await symposiumEntryContext(context.db, user, params.symposiumId ?? "", new Date()));
  return entryScreen(context, ctx, new URL(request.url));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const ctx = valueOrThrow(await symposiumEntryContext(context.db, user, params.symposiumId ?? "", new Date()));
  return saveEntry(request, context, user, ctx);
}

export default function SymposiumEntry() {
  return <EntryScreen data={useLoaderData<typeof loader>()} />;
}
