/**
 * The fast-entry screen: the context (symposium / channel / draft) fixed at the top, the form, and
 * the list of what has been entered growing below it. Shared by the symposium and batch routes.
 */
import { Link, useActionData, useLocation } from "@remix-run/react";
import type { EntryScreenData } from "../../intake/staff-entry-responses.server";
import type { ActionFailure } from "../../platform/respond.server";
import { useFormatDate, useT } from "../i18n";
import { EnteredList } from "./entered-list";
import { FastEntryForm } from "./fast-entry-form";

const NOTICE_PARAMS = ["saved", "updated", "created"];

function EntryContextBar({ ctx }: { ctx: EntryScreenData["ctx"] }) {
  const t = useT();
  const date = useFormatDate();
  const s = ctx.symposium;
  return (
    <section className="entry-context" aria-label={t("staff.entry.context")}>
      <dl className="entry-context__list">
        {s ? (
          <div>
            <dt>{t("staff.entry.contextSymposium")}</dt>
            <dd><Link to={`/staff/symposia/${s.id}`}>{date(`${s.heldOn}T00:00:00+08:00`)} · {s.place}</Link></dd>
          </div>
        ) : (
          <div>
            <dt>{t("staff.entry.contextChannel")}</dt>
            <dd>{t(`staff.entry.channel.${ctx.channel}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t("staff.entry.contextDraft")}</dt>
          <dd><cite>{ctx.draft.title}</cite> <span className="muted">{ctx.version.label}</span></dd>
        </div>
        <div className="entry-context__cp">
          <dt>{t("staff.entry.contextContactPoint")}</dt>
          <dd>{ctx.contactPoint.name}</dd>
        </div>
      </dl>
    </section>
  );
}

export function EntryScreen({ data }: { data: EntryScreenData }) {
  const t = useT();
  const location = useLocation();
  const failure = useActionData<ActionFailure>();
  const { ctx, entered, notice } = data;
  const storageKey = `minyi:entry:${ctx.symposium?.id ?? `${ctx.contactPoint.id}:${ctx.draft.id}:${ctx.channel}`}`;
  const params = new URLSearchParams(location.search);
  for (const p of NOTICE_PARAMS) params.delete(p);
  const query = params.toString();
  const action = `${location.pathname}${query ? `?${query}` : ""}`;
  const noticeText = notice?.kind === "saved"
    ? notice.label ? t("staff.entry.saved", { label: notice.label, code: notice.code }) : t("staff.entry.savedShort", { code: notice.code })
    : notice?.kind === "updated" ? t("staff.entry.updated") : notice?.kind === "created" ? t("staff.symposium.created") : "";
  return (
    <div className="entry-screen">
      <EntryContextBar ctx={ctx} />
      <h1 id="entry-title" className="entry-title">{t("staff.entry.title")}</h1>
      <FastEntryForm
        key={storageKey} action={action} versionId={ctx.version.id} formKey={data.formKey} defaultSaidOn={ctx.defaultSaidOn}
        failure={failure && !failure.ok ? failure : undefined} notice={failure && !failure.ok ? t("staff.entry.notSaved") : noticeText}
        storageKey={storageKey}
      />
      <EnteredList rows={entered.rows} total={entered.total} editable detailBase="/staff/comments" />
    </div>
  );
}
