/**
 * /drafts/:slug/notice[?cp=<contact point id>] — the printable notice (征求意见公告) for a notice
 * board: A4, large type, a QR code opening the comment page. Pure HTML, no JavaScript.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { localeFromRequest } from "~/platform/i18n/locales";
import { translator } from "~/platform/i18n/translate";
import { publicUrl, qrCodeSvg } from "~/platform/qr-code.server";
import { notFound } from "~/platform/respond.server";
import printStyles from "~/ui/print.css";
import { NoticeSheet, type NoticeData } from "~/ui/print/notice-sheet";
import { PrintHelp } from "~/ui/print/print-help";
import { printTarget } from "~/ui/print/printables.server";

export const handle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? d.pageTitle : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  authorize(user, "draft.read");
  const locale = localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  const url = new URL(request.url);
  const target = await printTarget(context.db, { slug: params.slug ?? "", contactPointId: url.searchParams.get("cp"), locale, now: new Date() });
  if (!target) notFound();
  const t = translator(locale);
  // Only while comments are taken online: a code on a notice that leads to a closed form helps nobody.
  const commentUrl = target.window.state === "open" && target.publicComments
    ? publicUrl(request, context.config.trustProxy, `/drafts/${encodeURIComponent(target.draft.slug)}/comment`)
    : null;
  const notice: NoticeData = {
    ...target,
    commentUrl,
    qrSvg: commentUrl ? qrCodeSvg(commentUrl, { errorCorrection: "Q", label: t("print.notice.qrLabel", { url: commentUrl }) }) : null,
  };
  return { notice, pageTitle: t("print.notice.pageTitle", { title: target.draft.title }) };
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
