import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize, currentUser } from "~/accounts/guard.server";
import { versionAkomaNtoso } from "~/drafts/version-exports.server";
import { attachmentHeaders } from "~/platform/downloads.server";
import { notFound } from "~/platform/respond.server";

/** A published version in Akoma Ntoso 3.0 (OASIS LegalDocML). */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "draft.read");
  const seq = Number(params.seq);
  const result = Number.isInteger(seq) ? await versionAkomaNtoso(context.db, params.slug ?? "", seq) : null;
  if (!result) notFound();
  return new Response(result.xml, { headers: attachmentHeaders(result.fileName, "application/akn+xml; charset=utf-8") });
}
