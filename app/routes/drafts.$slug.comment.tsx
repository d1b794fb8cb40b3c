import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { commentFormData } from "~/intake/comment-form.server";
import { newIdempotencyKey, submitPublicCommentForm } from "~/intake/public-comment.server";
import { notFound, rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { visitorCookie, visitorId } from "~/platform/visitor.server";
import { PublicCommentForm } from "~/ui/comment/public-comment-form";
import { ClosedNotice, QuotedClause } from "~/ui/comment/comment-context";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `提出意见 · ${d.form.draft.title} · 民意` : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "comment.submit");
  const provision = new URL(request.url).searchParams.get("provision");
  const form = await commentFormData(context.db, params.slug ?? "", provision, new Date());
  if (!form) notFound();
  const cookie = visitorCookie(request, context.secure);
  // A fresh key per form shown: the same form sent twice (double click, retry) is one comment.
  const idempotencyKey = newIdempotencyKey();
  return data({ form, idempotencyKey }, { headers: cookie ? { "Set-Cookie": cookie, "Cache-Control": "no-store" } : { "Cache-Control": "no-store" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  authorize(await currentUser(request, context), "comment.submit");
  const { result, values } = await submitPublicCommentForm(context.db, params.slug ?? "", await request.formData(), {
    now: new Date(), clientIp: context.clientIp, visitorId: visitorId(request), secret: context.config.sessionSecrets[0]!,
  });
  if (!result.ok && result.error === "closed") return rejectForm({ _form: { key: "comment.closed" } }, values, 409);
  if (!result.ok && result.error === "spam") return rejectForm({ _form: { key: "comment.spam" } }, values, 400);
  if (!result.ok && result.error === "rate_limited") {
    return rejectForm({ _form: { key: "comment.rateLimited", params: { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) } } }, values, 429);
  }
  return settle(result, values, ({ receiptCode }) => {
    // The draft's pages show counts: let the next visit see this comment at once.
    context.validators.forget(`/drafts/${params.slug}`);
    return redirect(`/receipt/${receiptCode}?new=1`);
  });
}

export default function CommentPage() {
  const t = useT();
  const { form, idempotencyKey } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="page" aria-labelledby="comment-title">
      <p className="breadcrumbs"><Link to={`/drafts/${form.draft.slug}`}>{t("comment.readFull")}</Link></p>
      <h1 id="comment-title">{t("comment.title", { title: form.draft.title })}</h1>
      {form.clause ? <QuotedClause clause={form.clause} slug={form.draft.slug} /> : null}
      {form.accepting ? (
        <PublicCommentForm
          idempotencyKey={idempotencyKey}
          clause={form.clause ? { key: form.clause.key, label: form.clause.label } : null}
          options={form.options}
          moderation={form.moderation}
          failure={failure}
          busy={busy}
        />
      ) : (
        <ClosedNotice window={form.window} />
      )}
    </section>
  );
}
