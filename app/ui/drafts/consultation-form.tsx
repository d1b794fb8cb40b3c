import { Form } from "@remix-run/react";
import type { ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "../field";
import { useT } from "../i18n";

interface Current {
  opensOn: string;
  closesOn: string;
  moderation: "pre" | "post";
  publicComments: boolean;
  contactPointIds: string[];
  requestText: string;
}

/** The consultation window (dates in China Standard Time), moderation, and the contact points asked. */
export function ConsultationForm({ versionId, versionLabel, contactPoints, current, failure }: {
  versionId: string;
  versionLabel: string;
  contactPoints: { organization: string; contactPoints: { id: string; name: string }[] }[];
  current?: Current;
  failure?: ActionFailure;
}) {
  const t = useT();
  const e = failure?.fieldErrors;
  const v = failure?.values;
  const checked = new Set(current?.contactPointIds ?? []);
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="consultation" />
      <input type="hidden" name="versionId" value={versionId} />
      <p className="muted">{t("officer.consultationFor", { label: versionLabel })}</p>
      <ErrorSummary errors={e} />
      <Field name="opensOn" label={t("officer.consultation.opensOn")} error={e?.opensOn} required>
        {(p) => <input {...p} type="date" defaultValue={v?.opensOn ?? current?.opensOn ?? ""} />}
      </Field>
      <Field name="closesOn" label={t("officer.consultation.closesOn")} hint={t("officer.consultation.closesOnHint")} error={e?.closesOn} required>
        {(p) => <input {...p} type="date" defaultValue={v?.closesOn ?? current?.closesOn ?? ""} />}
      </Field>
      <fieldset className="field">
        <legend>{t("officer.consultation.moderation")}</legend>
        {(["post", "pre"] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="moderation" value={m} defaultChecked={(v?.moderation ?? current?.moderation ?? "post") === m} />{" "}
            {t(`officer.consultation.moderation.${m}`)}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" name="publicComments" defaultChecked={v ? v.publicComments === "on" : (current?.publicComments ?? true)} />{" "}
        {t("officer.consultation.publicComments")}
      </label>
      <fieldset className="field" aria-describedby={e?.contactPointIds ? "f-contactPointIds-error" : undefined}>
        <legend>{t("officer.consultation.contactPoints")}</legend>
        {contactPoints.map((group) => (
          <div key={group.organization} className="choice-group">
            <p className="muted">{group.organization}</p>
            {group.contactPoints.map((cp) => (
              <label key={cp.id} className="choice">
                <input type="checkbox" name="contactPointIds[]" value={cp.id} defaultChecked={checked.has(cp.id)} /> {cp.name}
              </label>
            ))}
          </div>
        ))}
        {e?.contactPointIds ? <p className="field-error" id="f-contactPointIds-error" role="alert">{t(e.contactPointIds.key, e.contactPointIds.params)}</p> : null}
      </fieldset>
      <Field name="requestText" label={t("officer.consultation.requestText")} hint={t("officer.consultation.requestTextHint")} error={e?.requestText}>
        {(p) => <textarea {...p} rows={4} defaultValue={v?.requestText ?? current?.requestText ?? ""} />}
      </Field>
      <div><button type="submit">{t("admin.save")}</button></div>
    </Form>
  );
}
