/**
 * Labelled form fields whose errors sit next to them (aria-invalid + aria-describedby), shown in
 * the reader's language. Values come back after a rejected submit, so nothing typed is lost.
 */
import type { ReactNode } from "react";
import type { FieldError, FieldErrors } from "../platform/forms";
import { useT } from "./i18n";

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
  required?: boolean;
  children: (props: { id: string; name: string; "aria-invalid": boolean | undefined; "aria-describedby": string | undefined; required: boolean | undefined }) => ReactNode;
}

export function Field({ name, label, hint, error, required, children }: FieldProps) {
  const t = useT();
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
      </label>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, required: required || undefined })}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {t(error.key, error.params)}
        </p>
      ) : null}
    </div>
  );
}

export function ErrorSummary({ errors }: { errors: FieldErrors | undefined }) {
  const t = useT();
  const count = errors ? Object.keys(errors).length : 0;
  if (count === 0) return null;
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1}>
      {t("errors.formSummary", { count })}
    </div>
  );
}
