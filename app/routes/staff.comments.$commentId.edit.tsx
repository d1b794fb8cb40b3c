/**
 * /staff/comments/:id/edit — correct a view staff entered (while still as received). Saving writes
 * a "comment.changed" outbox message and an audit entry; showing the personal data is audited too.
 */
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { requirePermission } from "~/accounts/guard.server";
import { commentForEdit, saveCommentEdit } from "~/intake/staff-comment-edit.server";
import { editInput } from "~/intake/staff-entry-input";
import { parseForm } from "~/platform/forms";
import { settle, valueOrThrow, type ActionFailure } from "~/platform/respond.server";
import { EntryFields } from "~/ui/entry/entry-fields";
import { useEntryKeys } from "~/ui/entry/use-entry-keys";
import { ErrorSummary } from "~/ui/field";
import { useT } from "~/ui/i18n";
import styles from "~/ui/staff-entry.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "修改意见 · 民意" }];
/** The page shows personal data in full: never kept by a cache. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  return valueOrThrow(await commentForEdit(context.db, user, params.commentId ?? "", { now: new Date(), requestId: context.requestId }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  const now = new Date();
  const parsed = parseForm(editInput(() => now), await request.formData());
  return settle(await saveCommentEdit(context.db, user, params.commentId ?? "", parsed, { now, requestId: context.requestId }), parsed.values, ({ returnTo }) =>
    redirect(`${returnTo}${returnTo.includes("?") ? "&" : "?"}updated=1`, 303),
  );
}

export default function EditComment() {
  const t = useT();
  const c = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const busy = useNavigation().state === "submitting";
  const form = useRef<HTMLFormElement>(null);
  const onKeyDown = useEntryKeys(form, () => form.current?.requestSubmit());
  const shown = c.values.name !== "" || c.values.contact !== "";
  return (
    <section className="page entry-edit" aria-labelledby="edit-title">
      <p className="breadcrumbs"><Link to={c.returnTo}>{t("staff.entry.title")}</Link></p>
      <h1 id="edit-title">{t("staff.entry.editTitle")}</h1>
      <p className="muted">
        <cite>{c.draftTitle}</cite> · {c.articleLabel ?? t("staff.entry.wholeDraft")} · {t("staff.entry.receipt")} <code>{c.receiptCode}</code>
      </p>
      <p>{t("staff.entry.editIntro")}</p>
      {shown ? <p className="notice">{t("staff.entry.personalShown")}</p> : null}
      <Form ref={form} method="post" noValidate className="entry-form" onKeyDown={onKeyDown}>
        <ErrorSummary errors={failure && !failure.ok ? failure.fieldErrors : undefined} />
        <EntryFields values={failure && !failure.ok ? failure.values : c.values} errors={failure && !failure.ok ? failure.fieldErrors : undefined} versionId={c.versionId} autoFocus={!!failure} />
        <div className="entry-actions">
          <button type="submit" disabled={busy}>{busy ? t("staff.entry.saving") : t("staff.entry.editSave")}</button>
          <Link to={c.returnTo} className="button secondary">{t("staff.entry.editCancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
