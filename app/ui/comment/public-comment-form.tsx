/**
 * The public comment form. Works without JavaScript (a plain textarea); with JavaScript the opinion
 * field becomes the rich-text editor. A rejected form comes back filled in, problems next to fields.
 */
import { Form } from "@remix-run/react";
import { COMMENTER_CATEGORIES } from "../../../db/schema/vocabulary";
import type { ClauseOption } from "~/intake/article-reference";
import type { ActionFailure } from "~/platform/respond.server";
import { RichTextField } from "../editor/rich-text-field";
import { ErrorSummary, Field } from "../field";
import { useT } from "../i18n";

export function PublicCommentForm({ idempotencyKey, clause, options, moderation, failure, busy }: {
  idempotencyKey: string;
  clause: { key: string; label: string } | null;
  options: ClauseOption[] | null;
  moderation: "pre" | "post" | null;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const t = useT();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  const formError = e?._form;
  return (
    <Form method="post" className="stack wide-form" noValidate>
      {formError ? <div className="notice notice--error" role="alert">{t(formError.key, formError.params)}</div> : <ErrorSummary errors={e} />}
      <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? idempotencyKey} />
      {clause ? (
        <input type="hidden" name="provision" value={clause.key} />
      ) : (
        <Field name="provision" label={t("comment.clause")} hint={t("comment.clauseHint")} error={e?.provision}>
          {(p) => (
            <select {...p} defaultValue={v.provision ?? ""}>
              <option value="">{t("comment.onWhole")}</option>
              {(options ?? []).map((o) => (
                <option key={o.key} value={o.key}>{o.label} {o.firstLine.slice(0, 24)}{o.firstLine.length > 24 ? "…" : ""}</option>
              ))}
            </select>
          )}
        </Field>
      )}
      <RichTextField
        name="body"
        jsonName="bodyJson"
        label={clause ? t("comment.onClause", { label: clause.label }) : t("comment.body")}
        hint={t("comment.bodyHint")}
        required
        error={e?.body ? t(e.body.key, e.body.params) : undefined}
        defaultText={v.body ?? ""}
        defaultJson={v.bodyJson || undefined}
        toolbarLabels={{ toolbar: t("editor.toolbar"), bold: t("editor.bold"), italic: t("editor.italic"), underline: t("editor.underline") }}
        rows={8}
      />
      <Field name="proposedText" label={t("comment.proposedText")} hint={t("comment.proposedTextHint")} error={e?.proposedText}>
        {(p) => <textarea {...p} rows={4} defaultValue={v.proposedText ?? ""} />}
      </Field>
      <Field name="reason" label={t("comment.reason")} error={e?.reason}>
        {(p) => <textarea {...p} rows={3} defaultValue={v.reason ?? ""} />}
      </Field>
      <fieldset className="field" aria-describedby={e?.category ? "f-category-error" : undefined} aria-invalid={e?.category ? true : undefined}>
        <legend>{t("comment.category")}<span aria-hidden="true" className="required-mark"> *</span></legend>
        <div className="choice-grid">
          {COMMENTER_CATEGORIES.map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="category" value={c} defaultChecked={v.category === c} required /> {t(`category.${c}`)}
            </label>
          ))}
        </div>
        {e?.category ? <p className="field-error" id="f-category-error" role="alert">{t(e.category.key, e.category.params)}</p> : null}
      </fieldset>
      <Field name="region" label={t("comment.region")} hint={t("comment.regionHint")} error={e?.region}>
        {(p) => <input {...p} type="text" autoComplete="address-level2" defaultValue={v.region ?? ""} />}
      </Field>
      <fieldset className="field">
        <legend>{t("comment.contact")}</legend>
        <p className="field-hint" id="contact-why">{t("comment.contactWhy")}</p>
        <Field name="name" label={t("comment.name")} error={e?.name}>
          {(p) => <input {...p} type="text" autoComplete="name" aria-describedby={[p["aria-describedby"], "contact-why"].filter(Boolean).join(" ")} defaultValue={v.name ?? ""} />}
        </Field>
        <Field name="phone" label={t("comment.phone")} error={e?.phone}>
          {(p) => <input {...p} type="tel" inputMode="tel" autoComplete="tel" defaultValue={v.phone ?? ""} />}
        </Field>
        <Field name="email" label={t("comment.email")} error={e?.email}>
          {(p) => <input {...p} type="email" autoComplete="email" defaultValue={v.email ?? ""} />}
        </Field>
        <label className="choice" htmlFor="f-consent">
          <input type="checkbox" id="f-consent" name="consent" defaultChecked={v.consent === "on"} aria-invalid={e?.consent ? true : undefined} aria-describedby={e?.consent ? "f-consent-error contact-why" : "contact-why"} />{" "}
          {t("comment.consent")}
        </label>
        {e?.consent ? <p className="field-error" id="f-consent-error" role="alert">{t(e.consent.key)}</p> : null}
      </fieldset>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="f-website">{t("comment.honeypot")}</label>
        <input type="text" id="f-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {moderation === "pre" ? <p className="muted">{t("comment.moderationPre")}</p> : null}
      <div><button type="submit" disabled={busy}>{busy ? t("comment.submitting") : t("comment.submit")}</button></div>
    </Form>
  );
}
