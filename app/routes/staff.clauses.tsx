/**
 * The article picker's feed: GET /staff/clauses?version=…&q=128 → { matches: [{ key, label, firstLine }] }.
 * Staff only, published versions only (their text is public and never changes, so it may be cached).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/accounts/guard.server";
import { publishedClauseOptions } from "~/intake/staff-entry.server";
import { matchClauses } from "~/ui/entry/clause-matches";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "area.staff");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 40);
  const options = await publishedClauseOptions(context.db, url.searchParams.get("version") ?? "");
  if (!options) return Response.json({ matches: [] }, { status: 404 });
  return Response.json({ matches: matchClauses(options, q) }, { headers: { "Cache-Control": "private, max-age=300" } });
}
