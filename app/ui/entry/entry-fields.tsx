/**
 * The fields of one view, in the order staff hear them: 条款, 意见, 修改建议, 理由, 提出人, 身份,
 * 联系方式, 日期. Used by the fast-entry form and the edit page. Every field control carries
 * data-entry-field, so the keyboard handler knows the order and which one is last.
 */
import type { Ref } from "react";
import { COMMENTER_CATEGORIES } from "../../../db/schema/vocabulary";
import type { FieldErrors } from "../../platform/forms";
import { Field } from "../field";
import { useT } from "../i18n";
import { ArticlePicker } from "./article-picker";

export const ENTRY_FIELDS = ["article", "body", "proposedText", "reason", "name", "category", "contact", "saidOn"] as const;

interface EntryFieldsProps {
  values: Record<string, string>;
  errors: FieldErrors | undefined;
  versionId: string;
  /** Focus on load: the first field with an error, else the article field. */
  autoFocus: boolean;
  articleRef?: Ref<HTMLInputElement>;
}

export function EntryFields({ values, errors, versionId, autoFocus, articleRef }: EntryFieldsProps) {
  const t = useT();
  const firstError = ENTRY_FIELDS.find((f) => errors?.[f]);
  const focus = (name: (typeof ENTRY_FIELDS)[number]) => autoFocus && (firstError ?? "article") === name;
  const e = errors ?? {};
  return (
    <div className="entry-fields">
      <div className="entry-fields__article">
        <Field name="article" label={t("staff.entry.article")} hint={t("staff.entry.articleHint")} error={e.article}>
          {(p) => (
            <ArticlePicker
              id={p.id} name="article" keyName="articleKey" versionId={versionId} defaultValue={values.article ?? ""} defaultKey={values.articleKey ?? ""}
              describedBy={p["aria-describedby"]} invalid={p["aria-invalid"]} autoFocus={focus("article")} inputRef={articleRef}
            />
          )}
        </Field>
      </div>
      <div className="entry-fields__body">
        <Field name="body" label={t("staff.entry.body")} error={e.body} required>
          {(p) => <textarea {...p} rows={4} defaultValue={values.body ?? ""} data-entry-field="" autoFocus={focus("body")} />}
        </Field>
      </div>
      <div className="entry-fields__pair">
        <Field name="proposedText" label={t("staff.entry.proposedText")} error={e.proposedText}>
          {(p) => <textarea {...p} rows={2} defaultValue={values.proposedText ?? ""} data-entry-field="" autoFocus={focus("proposedText")} />}
        </Field>
        <Field name="reason" label={t("staff.entry.reason")} error={e.reason}>
          {(p) => <textarea {...p} rows={2} defaultValue={values.reason ?? ""} data-entry-field="" autoFocus={focus("reason")} />}
        </Field>
      </div>
      <fieldset className="entry-fields__person">
        <legend className="visually-hidden">{t("staff.entry.saidBy")}</legend>
        <Field name="name" label={t("staff.entry.name")} hint={t("staff.entry.nameHint")} error={e.name}>
          {(p) => <input {...p} type="text" autoComplete="off" defaultValue={values.name ?? ""} data-entry-field="" enterKeyHint="next" autoFocus={focus("name")} />}
        </Field>
        <Field name="category" label={t("staff.entry.category")} error={e.category}>
          {(p) => (
            <select {...p} defaultValue={values.category ?? ""} data-entry-field="" autoFocus={focus("category")}>
              <option value="">{t("staff.entry.categoryUnset")}</option>
              {COMMENTER_CATEGORIES.filter((c) => c !== "other").map((c) => (
                <option key={c} value={c}>{t(`staff.entry.category.${c}`)}</option>
              ))}
              <option value="other">{t("staff.entry.category.other")}</option>
            </select>
          )}
        </Field>
        <Field name="contact" label={t("staff.entry.contact")} hint={t("staff.entry.contactHint")} error={e.contact}>
          {(p) => <input {...p} type="text" inputMode="text" autoComplete="off" defaultValue={values.contact ?? ""} data-entry-field="" enterKeyHint="next" autoFocus={focus("contact")} />}
        </Field>
        <Field name="saidOn" label={t("staff.entry.saidOn")} error={e.saidOn} required>
          {(p) => <input {...p} type="date" defaultValue={values.saidOn ?? ""} data-entry-field="" enterKeyHint="done" autoFocus={focus("saidOn")} />}
        </Field>
      </fieldset>
    </div>
  );
}
