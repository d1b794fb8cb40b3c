import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/accounts/guard.server";
import { TEMPLATE_FILE_NAME, templateXlsx } from "~/intake/import/import-template.server";
import { XLSX_MEDIA_TYPE } from "~/platform/media-types";
import { attachmentHeaders } from "~/platform/downloads.server";

/** The import template as an Excel workbook: header, an example row, frozen header, drop-downs. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "area.staff");
  const bytes = await templateXlsx(new Date());
  return new Response(bytes, { headers: attachmentHeaders(`${TEMPLATE_FILE_NAME}.xlsx`, XLSX_MEDIA_TYPE) });
}
