/** 新建座谈会: draft, date, place, attendance, topic, and the minutes or a photo of the sign-in sheet. */
import { Form } from "@remix-run/react";
import type { ActionFailure } from "../../platform/respond.server";
import { ErrorSummary, Field } from "../field";
import { useT } from "../i18n";

export interface AskedDraftOption {
  contactPointId: string;
  contactPointName: string;
  draftId: string;
  draftTitle: string;
  versionLabel: string;
}

interface SymposiumFormProps {
  options: AskedDraftOption[];
  values: Record<string, string>;
  failure: ActionFailure | undefined;
  accept: string;
  busy: boolean;
}

export function SymposiumForm({ options, values, failure, accept, busy }: SymposiumFormProps) {
  const t = useT();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? values;
  const contactPoints = [...new Map(options.map((o) => [o.contactPointId, o.contactPointName])).entries()];
  const onlyCp = contactPoints.length === 1 ? contactPoints[0]![0] : null;
  // With several contact points the server checks that the one chosen was asked about the draft.
  const drafts = [...new Map(options.map((o) => [o.draftId, o])).values()];
  return (
    <Form method="post" encType="multipart/form-data" className="stack symposium-form" noValidate>
      <ErrorSummary errors={e} />
      {onlyCp ? (
        <input type="hidden" name="contactPointId" value={onlyCp} />
      ) : (
        <Field name="contactPointId" label={t("staff.symposium.contactPoint")} error={e?.contactPointId} required>
          {(p) => (
            <select {...p} defaultValue={v.contactPointId ?? ""}>
              {contactPoints.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field name="draftId" label={t("staff.symposium.draft")} error={e?.draftId} required>
        {(p) => (
          <select {...p} defaultValue={v.draftId ?? drafts[0]?.draftId ?? ""}>
            {drafts.map((o) => <option key={o.draftId} value={o.draftId}>{o.draftTitle}（{o.versionLabel}）</option>)}
          </select>
        )}
      </Field>
      <Field name="heldOn" label={t("staff.symposium.heldOn")} error={e?.heldOn} required>
        {(p) => <input {...p} type="date" defaultValue={v.heldOn ?? ""} />}
      </Field>
      <Field name="place" label={t("staff.symposium.place")} hint={t("staff.symposium.placeHint")} error={e?.place} required>
        {(p) => <input {...p} type="text" defaultValue={v.place ?? ""} />}
      </Field>
      <Field name="attendance" label={t("staff.symposium.attendance")} error={e?.attendance} required>
        {(p) => <input {...p} type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off" className="input--short" defaultValue={v.attendance ?? ""} />}
      </Field>
      <Field name="topic" label={t("staff.symposium.topic")} error={e?.topic}>
        {(p) => <input {...p} type="text" defaultValue={v.topic ?? ""} />}
      </Field>
      <Field name="minutes" label={t("staff.symposium.minutes")} hint={t("staff.symposium.minutesHint")} error={e?.minutes}>
        {(p) => <input {...p} type="file" accept={accept} />}
      </Field>
      <div>
        <button type="submit" disabled={busy}>{busy ? t("staff.symposium.creating") : t("staff.symposium.create")}</button>
      </div>
    </Form>
  );
}
