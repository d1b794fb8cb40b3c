import { data, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { requirePermission } from "~/accounts/guard.server";
import { moderationQueue, readQueueFilter } from "~/intake/comment-views.server";
import { fromForm, moderateComments, ModerationInput } from "~/intake/moderation.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { settle } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import moderationStyles from "~/ui/moderation.css";
import { DecisionButtons } from "~/ui/moderation/decision-buttons";
import { seenField } from "~/ui/moderation/labels";
import { ModerationNotice, type ModerationSummary } from "~/ui/moderation/moderation-notice";
import { DraftFilter, Pager, StatusTabs } from "~/ui/moderation/queue-filters";
import { decisionFormId, QueueItemCard } from "~/ui/moderation/queue-item";
import { SelectAll } from "~/ui/moderation/select-all";

export const meta: MetaFunction = () => [{ title: "意见审核 · 民意" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  return moderationQueue(context.db, user, readQueueFilter(new URL(request.url).searchParams));
}

interface QueueFailure {
  ok: false;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
  /** Every comment ticked, to tick them again (values keeps one value per name). */
  selected: string[];
}

type QueueSuccess = { ok: true } & ModerationSummary;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.officer");
  const form = await request.formData();
  const scope = form.get("scope") === "row" ? "row" : "bulk";
  const parsed = parseForm(ModerationInput, form);
  const selected = form.getAll("comment").filter((v): v is string => typeof v === "string");
  if (!parsed.ok) return data<QueueFailure>({ ok: false, fieldErrors: parsed.fieldErrors, values: { ...parsed.values, scope }, selected }, { status: 400 });
  const outcome = await moderateComments(context.db, user, fromForm(parsed.data), { now: new Date(), requestId: context.requestId });
  return settle(outcome, { ...parsed.values, scope }, (r): QueueSuccess => ({ ok: true, decided: r.decided.length, unchanged: r.unchanged.length, conflicts: r.conflicts }));
}

export default function ModerationQueuePage() {
  const t = useT();
  const { filter, items, total, pageCount, pageSize, counts, drafts } = useLoaderData<typeof loader>();
  const result = useActionData<QueueSuccess | QueueFailure>();
  const busy = useNavigation().state === "submitting";
  const failure = result && !result.ok ? result : undefined;
  const rowFailure = failure?.values.scope === "row" ? failure : undefined;
  const bulkFailure = failure?.values.scope === "bulk" ? failure : undefined;
  const selected = new Set(bulkFailure?.selected ?? []);
  // After a decision the ticks and reasons are cleared, so nothing is decided twice by accident.
  useEffect(() => {
    if (result?.ok) document.querySelectorAll<HTMLFormElement>("form[data-moderation]").forEach((f) => f.reset());
  }, [result]);
  return (
    <section className="page--wide mod-page" aria-labelledby="moderation-title">
      <p className="breadcrumbs"><Link to="/officer">{t("officer.title")}</Link></p>
      <h1 id="moderation-title">{t("moderation.title")}</h1>
      <p className="lead">{t("moderation.intro")}</p>
      {result?.ok ? <ModerationNotice summary={result} /> : null}
      <StatusTabs filter={filter} counts={counts} />
      {drafts.length > 1 || filter.draftId ? <DraftFilter filter={filter} drafts={drafts} /> : null}
      {items.length === 0 ? <p>{t("moderation.empty")}</p> : (
        <Form method="post" id="bulk" data-moderation noValidate>
          <input type="hidden" name="scope" value="bulk" />
          <fieldset className="mod-bulk">
            <legend>{t("moderation.bulk.legend")}</legend>
            {bulkFailure?.fieldErrors.comment ? (
              <p className="field-error" role="alert">{t(bulkFailure.fieldErrors.comment.key, bulkFailure.fieldErrors.comment.params)}</p>
            ) : null}
            <SelectAll formId="bulk" />
            <DecisionButtons
              id="reason-bulk"
              error={bulkFailure?.fieldErrors.reason}
              defaultReason={bulkFailure?.values.reason}
              submitLabel={(d) => t(`moderation.bulk.${d}`)}
              busy={busy}
            />
          </fieldset>
          <Pager filter={filter} total={total} pageCount={pageCount} pageSize={pageSize} shown={items.length} />
          <ol className="mod-list" aria-label={t("moderation.list.label")}>
            {items.map((item) => (
              <QueueItemCard
                key={item.id}
                item={item}
                selected={selected.has(seenField(item))}
                failure={rowFailure?.values.comment?.startsWith(`${item.id}:`) ? { reason: rowFailure.values.reason, error: rowFailure.fieldErrors.reason } : undefined}
                busy={busy}
              />
            ))}
          </ol>
          {pageCount > 1 ? <Pager filter={filter} total={total} pageCount={pageCount} pageSize={pageSize} shown={items.length} /> : null}
        </Form>
      )}
      {/* Each comment's own decision form; its fields sit in the comment's card (form="decide-…"). */}
      {items.map((item) => (
        <Form key={item.id} method="post" id={decisionFormId(item.id)} data-moderation>
          <input type="hidden" name="scope" value="row" />
          <input type="hidden" name="comment" value={seenField(item)} />
        </Form>
      ))}
    </section>
  );
}
