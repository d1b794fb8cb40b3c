import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/accounts/guard.server";
import { localeFromRequest } from "~/platform/i18n/locales";
import { exportFileResponse } from "~/search/export-http.server";
import { searchExportFile } from "~/search/export-response.server";
import { readSearchState } from "~/search/search-state";

/** The whole result of /officer/search (same address parameters) as CSV, UTF-8 with a byte-order mark. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const state = readSearchState(new URL(request.url).searchParams);
  const locale = localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  return exportFileResponse(await searchExportFile(context.db, context.search, user, state, locale, "csv", new Date()), locale);
}
