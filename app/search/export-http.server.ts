/** An export outcome as an HTTP answer: the file, or 503 with a plain message when search is down. */
import { data } from "@remix-run/node";
import { attachmentHeaders } from "../platform/downloads.server";
import type { Locale } from "../platform/i18n/locales";
import { translator } from "../platform/i18n/translate";
import type { ExportFileOutcome } from "./export-response.server";

export function exportFileResponse(outcome: ExportFileOutcome, locale: Locale): Response {
  if (outcome.ok) {
    const f = outcome.value;
    return new Response(f.bytes, {
      headers: {
        ...attachmentHeaders(f.fileName, f.mediaType),
        "Cache-Control": "private, no-store",
        "X-Export-Rows": String(f.rows),
        "X-Export-Total": String(f.total),
        ...(f.capped ? { "X-Export-Capped": "true" } : {}),
      },
    });
  }
  if (outcome.error === "forbidden") throw data({ reason: "forbidden" }, { status: 403 });
  const t = translator(locale);
  return new Response(`${t("search.unavailable.title")}\n${t("search.unavailable.body")}\n`, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30", "Cache-Control": "no-store" },
  });
}
