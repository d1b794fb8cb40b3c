import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize, currentUser } from "~/accounts/guard.server";
import { compareRange } from "~/drafts/version-exports.server";
import { notFound } from "~/platform/respond.server";
import { comparisonDocx } from "~/reports/comparison-docx.server";
import { attachmentHeaders } from "~/platform/downloads.server";

/** The comparison table as a Word document, in the usual two-column layout. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "draft.read");
  const result = await compareRange(context.db, params.slug ?? "", params.range ?? "");
  if (!result) notFound();
  const buffer = await comparisonDocx(result.comparison, { title: `${result.draft.title}修改前后条文对照表`, oldLabel: result.from.label, newLabel: result.to.label });
  return new Response(new Uint8Array(buffer), {
    headers: attachmentHeaders(`${result.draft.title}条文对照表（${result.from.label}-${result.to.label}）.docx`, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  });
}
