import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/accounts/guard.server";
import { TEMPLATE_FILE_NAME, templateCsv } from "~/intake/import/import-template.server";
import { CSV_MEDIA_TYPE } from "~/platform/media-types";
import { attachmentHeaders } from "~/platform/downloads.server";

/** The import template as CSV: UTF-8 with a byte-order mark, so that Excel shows the Chinese correctly. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "area.staff");
  return new Response(templateCsv(new Date()), { headers: attachmentHeaders(`${TEMPLATE_FILE_NAME}.csv`, CSV_MEDIA_TYPE) });
}
