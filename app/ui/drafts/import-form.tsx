import { Form } from "@remix-run/react";
import type { ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "../field";
import { useT } from "../i18n";

/** Upload a .docx/.txt/.md or paste the text; the next page shows the parsed structure before anything is published. */
export function ImportForm({ failure, busy }: { failure?: ActionFailure; busy: boolean }) {
  const t = useT();
  const e = failure?.fieldErrors;
  const v = failure?.values ?? {};
  return (
    <Form method="post" encType="multipart/form-data" className="stack" noValidate>
      <input type="hidden" name="intent" value="import" />
      <ErrorSummary errors={e} />
      <Field name="label" label={t("officer.version.label")} hint={t("officer.version.labelHint")} error={e?.label} required>
        {(p) => <input {...p} type="text" defaultValue={v.label ?? ""} />}
      </Field>
      <Field name="file" label={t("officer.import.file")} hint={t("officer.import.fileHint")} error={e?.file}>
        {(p) => <input {...p} type="file" accept=".docx,.txt,.md,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />}
      </Field>
      <Field name="pasted" label={t("officer.import.paste")} hint={t("officer.import.pasteHint")} error={e?.pasted}>
        {(p) => <textarea {...p} rows={8} defaultValue={v.pasted ?? ""} />}
      </Field>
      <div>
        <button type="submit" disabled={busy}>{busy ? t("officer.import.working") : t("officer.import.submit")}</button>
      </div>
    </Form>
  );
}
