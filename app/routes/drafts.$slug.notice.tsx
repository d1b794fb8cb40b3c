/**
 * /drafts/:slug/notice[?cp=<contact point id>] — the printable notice (征求意见公告) for a notice
 * board: A4, large type, a QR code opening the comment page. Pure HTML, no JavaScript.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { localeFromRequest } from "~/platform/i18n/locales";
import { notFound } from "~/platform/respond.server";
import printStyles from "~/ui/print.css";
import { NoticeSheet } from "~/ui/print/notice-sheet";
import { PrintHelp } from "~/ui/print/print-help";
import { noticeData } from "~/intake/printables.server";

export const handle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? d.pageTitle : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "draft.read");
  const locale = localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  const result = await noticeData(context.db, {
    slug: params.slug ?? "", contactPointId: new URL(request.url).searchParams.get("cp"), locale, now: new Date(),
    request, trustProxy: context.config.trustProxy,
  });
  if (!result) notFound();
  return result;
}

export default function Notice() {
  const { notice } = useLoaderData<typeof loader>();
  return (
    <div className="printable">
      <PrintHelp backTo={`/drafts/${encodeURIComponent(notice.draft.slug)}`} />
      <NoticeSheet data={notice} />
    </div>
  );
}
