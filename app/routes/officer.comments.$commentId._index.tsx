import { data, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { commentDetail } from "~/intake/comment-views.server";
import { fromForm, moderateComments, ModerationInput } from "~/intake/moderation.server";
import { revealCommenter, type RevealedCommenter } from "~/intake/personal-data.server";
import { parseForm } from "~/platform/forms";
import { rejectForm, settle, valueOrThrow, type ActionFailure } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import moderationStyles from "~/ui/moderation.css";
import { CommentPage } from "~/ui/moderation/comment-page";
import { DecisionButtons } from "~/ui/moderation/decision-buttons";
import { seenField } from "~/ui/moderation/labels";
import { ModerationNotice, type ModerationSummary } from "~/ui/moderation/moderation-notice";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `意见 ${d.receiptCode} · 民意` : "民意" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  return valueOrThrow(await commentDetail(context.db, user, params.commentId ?? "", "officer"));
}

type Revealed = { ok: true; intent: "reveal"; revealed: RevealedCommenter };
type Moderated = { ok: true; intent: "moderate" } & ModerationSummary;

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const commentId = params.commentId ?? "";
  const form = await request.formData();
  if (form.get("intent") === "reveal") {
    // The audit entry is written inside revealCommenter before the details come back.
    const revealed = valueOrThrow(await revealCommenter(context.db, user, commentId, { viewer: "officer", requestId: context.requestId, now: new Date() }));
    return data<Revealed>({ ok: true, intent: "reveal", revealed }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const parsed = parseForm(ModerationInput, form);
  if (!parsed.ok) return rejectForm(parsed.fieldErrors, parsed.values);
  if (parsed.data.comment.some((c) => c.id !== commentId.toLowerCase())) throw data({ reason: "invalid" }, { status: 400 });
  const outcome = await moderateComments(context.db, user, fromForm(parsed.data), { now: new Date(), requestId: context.requestId });
  return settle(outcome, parsed.values, (r): Moderated => ({ ok: true, intent: "moderate", decided: r.decided.length, unchanged: r.unchanged.length, conflicts: r.conflicts }));
}

export default function OfficerCommentPage() {
  const t = useT();
  const detail = useLoaderData<typeof loader>();
  const result = useActionData<Revealed | Moderated | ActionFailure>();
  const busy = useNavigation().state === "submitting";
  const failure = result && !result.ok ? result : undefined;
  return (
    <CommentPage detail={detail} revealed={result?.ok && result.intent === "reveal" ? result.revealed : null} back={{ to: "/officer/moderation", label: t("moderation.backToQueue") }}>
      {detail.mayModerate ? (
        <section aria-labelledby="moderate-title">
          <h2 id="moderate-title">{t("moderation.comment.moderate")}</h2>
          {result?.ok && result.intent === "moderate" ? <ModerationNotice summary={result} /> : null}
          <Form method="post" noValidate key={`${detail.moderationStatus}-${String(detail.moderatedAt)}`}>
            <input type="hidden" name="intent" value="moderate" />
            <input type="hidden" name="comment" value={seenField(detail)} />
            <DecisionButtons id="reason" error={failure?.fieldErrors.reason} defaultReason={failure?.values.reason} busy={busy} />
          </Form>
        </section>
      ) : null}
    </CommentPage>
  );
}
