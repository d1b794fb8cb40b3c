import { Form } from "@remix-run/react";
import { CHANNELS } from "../../../db/schema/vocabulary";
import type { ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "../field";
import { useT } from "../i18n";

export interface UploadChoice {
  contactPointId: string;
  contactPointName: string;
  draftId: string;
  draftTitle: string;
  versionLabel: string;
}

interface Props {
  choices: UploadChoice[];
  failure?: ActionFailure;
  busy: boolean;
  preselectDraftId: string | null;
  maxMb: number;
  maxRows: number;
  accept: string;
}

/** Draft, default channel and the sheet; the next page lists every problem before anything is saved. */
export function UploadForm({ choices, failure, busy, preselectDraftId, maxMb, maxRows, accept }: Props) {
  const t = useT();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  const contactPoints = [...new Map(choices.map((c) => [c.contactPointId, c.contactPointName])).entries()];
  const onlyContactPoint = contactPoints.length === 1 ? contactPoints[0]![0] : null;
  return (
    <Form method="post" encType="multipart/form-data" className="stack" noValidate>
      <ErrorSummary errors={e} />
      {onlyContactPoint ? (
        <input type="hidden" name="contactPointId" value={onlyContactPoint} />
      ) : (
        <Field name="contactPointId" label={t("import.field.contactPoint")} error={e?.contactPointId} required>
          {(p) => (
            <select {...p} defaultValue={v.contactPointId ?? ""}>
              {contactPoints.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field name="draftId" label={t("import.field.draft")} hint={t("import.field.draftHint")} error={e?.draftId} required>
        {(p) => (
          <select {...p} defaultValue={v.draftId ?? preselectDraftId ?? choices[0]?.draftId ?? ""}>
            {choices.map((c) => (
              <option key={`${c.contactPointId}:${c.draftId}`} value={c.draftId}>
                {`${onlyContactPoint ? "" : `${c.contactPointName} · `}${c.draftTitle}（${c.versionLabel}）`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="defaultChannel" label={t("import.field.defaultChannel")} hint={t("import.field.defaultChannelHint")} error={e?.defaultChannel} required>
        {(p) => (
          <select {...p} defaultValue={v.defaultChannel ?? "symposium"}>
            {CHANNELS.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
          </select>
        )}
      </Field>
      <Field name="file" label={t("import.field.file")} hint={t("import.field.fileHint", { mb: maxMb, rows: maxRows })} error={e?.file} required>
        {(p) => <input {...p} type="file" accept={accept} />}
      </Field>
      <div>
        <button type="submit" disabled={busy}>{busy ? t("import.submitting") : t("import.submit")}</button>
      </div>
    </Form>
  );
}
