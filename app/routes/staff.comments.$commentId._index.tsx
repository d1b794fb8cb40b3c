import { data, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { commentDetail } from "~/intake/comment-views.server";
import { revealCommenter, type RevealedCommenter } from "~/intake/personal-data.server";
import { valueOrThrow } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import moderationStyles from "~/ui/moderation.css";
import { CommentPage } from "~/ui/moderation/comment-page";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `意见 ${d.receiptCode} · 民意` : "民意" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/** A contact point's own comment: staff of another contact point get 403. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  return valueOrThrow(await commentDetail(context.db, user, params.commentId ?? "", "staff"));
}

type Revealed = { ok: true; revealed: RevealedCommenter };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const form = await request.formData();
  if (form.get("intent") !== "reveal") throw data({ reason: "invalid" }, { status: 400 });
  // The same reach as the page (only this contact point's own comments), checked inside revealCommenter.
  const revealed = valueOrThrow(await revealCommenter(context.db, user, params.commentId ?? "", { viewer: "staff", requestId: context.requestId, now: new Date() }));
  return data<Revealed>({ ok: true, revealed }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function StaffCommentPage() {
  const t = useT();
  const detail = useLoaderData<typeof loader>();
  const result = useActionData<Revealed>();
  return <CommentPage detail={detail} revealed={result?.revealed ?? null} back={{ to: "/staff", label: t("moderation.backToStaff") }} />;
}
