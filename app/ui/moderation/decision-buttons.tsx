/**
 * A reason and the three decisions as submit buttons (通过 / 不予通过 / 隐藏): one click decides,
 * with or without JavaScript. `form` ties the fields to a form elsewhere on the page, so each
 * comment in the queue can have its own small form inside the bulk one.
 */
import type { FieldError } from "../../platform/forms";
import { useT } from "../i18n";
import { DECISION_BUTTONS } from "./labels";

interface DecisionButtonsProps {
  /** Unique on the page: the reason field's id. */
  id: string;
  form?: string;
  error?: FieldError;
  defaultReason?: string;
  submitLabel?: (decision: (typeof DECISION_BUTTONS)[number]) => string;
  busy?: boolean;
}

export function DecisionButtons({ id, form, error, defaultReason, submitLabel, busy }: DecisionButtonsProps) {
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? "field field--error mod-decide" : "field mod-decide"}>
      <label htmlFor={id}>{t("moderation.reason")}</label>
      <p className="field-hint" id={hintId}>{t("moderation.reasonHint")}</p>
      <textarea
        id={id}
        name="reason"
        form={form}
        rows={2}
        maxLength={500}
        defaultValue={defaultReason}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      {error ? <p className="field-error" id={errorId} role="alert">{t(error.key, error.params)}</p> : null}
      <div className="actions mod-decide__buttons">
        {DECISION_BUTTONS.map((d) => (
          <button key={d} type="submit" name="decision" value={d} form={form} disabled={busy} className={d === "approve" ? undefined : "secondary"}>
            {submitLabel ? submitLabel(d) : t(`moderation.decision.${d}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
