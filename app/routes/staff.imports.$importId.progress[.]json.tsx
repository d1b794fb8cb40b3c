import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/accounts/guard.server";
import { readSessionId } from "~/accounts/sessions.server";
import { isViewer, progressOf, viewerKey } from "~/intake/import/import-progress.server";
import { importProgressView } from "~/intake/import/import-views.server";
import { valueOrThrow } from "~/platform/respond.server";
import type { ProgressSnapshot } from "~/ui/import/import-progress";

const json = (body: ProgressSnapshot) =>
  new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The figures the progress page polls. A session that was shown the progress page moments ago is
 * answered from this process's memory without touching the database (the embedded database is
 * held by the commit's transaction until it ends); anyone else is checked as usual.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const importId = params.importId ?? "";
  const live = progressOf(importId);
  if (live && isViewer(importId, viewerKey(await readSessionId(request, context.config.sessionSecrets)))) {
    const status = live.state === "done" ? "done" : live.state === "failed" ? "failed" : "importing";
    return json({ status, processed: live.processed, total: live.total });
  }
  const user = await requirePermission(request, context, "area.staff");
  const view = valueOrThrow(await importProgressView(context.db, user, importId, new Date()));
  return json({ status: view.summary.status, processed: view.processed, total: view.total });
}
