/** /staff/symposia/:id/minutes — the minutes or sign-in sheet, to those who may read the symposium; audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/accounts/guard.server";
import { symposiumMinutes } from "~/intake/symposia.server";
import { attachmentHeaders } from "~/platform/downloads.server";
import { valueOrThrow } from "~/platform/respond.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const file = valueOrThrow(await symposiumMinutes(context.db, user, params.symposiumId ?? "", { now: new Date(), requestId: context.requestId }));
  return new Response(file.content as Uint8Array<ArrayBuffer>, {
    headers: {
      ...attachmentHeaders(file.fileName, file.mediaType),
      "Content-Length": String(file.content.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
    },
  });
}
