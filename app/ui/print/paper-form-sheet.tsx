/**
 * The paper comment form (意见表) for the symposium table: one A4 page whose fields are those of
 * the staff entry form, in the same order — 条款, 意见, 修改建议, 理由, 提出人, 身份, 联系方式,
 * 日期 — so a form is typed in top to bottom. Ruled lines give room to write by hand, and a short
 * notice says why name and contact are asked, that they are optional and how long they are kept.
 */
import { COMMENTER_CATEGORIES } from "../../../db/schema/vocabulary";
import { useFormatDate, useLocale, useT } from "../i18n";
import type { PrintTarget } from "~/intake/printables.server";

/** Ruled writing lines per field (each 8 mm apart when printed: room for a large, older hand). */
export const FORM_LINES = { body: 7, proposedText: 3, reason: 3 } as const;

function Rules({ count }: { count: number }) {
  return (
    <div className="pf__rules" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => <span key={i} className="pf__rule" />)}
    </div>
  );
}

/** A one-line field with a blank to write on and a hint after it. */
function BlankField({ label, hint }: { label: string; hint: string }) {
  return (
    <div className="pf pf--inline">
      <span className="pf__label">{label}</span>
      <span className="pf__blank" />
      <span className="pf__hint">{hint}</span>
    </div>
  );
}

/** A field written on ruled lines, its hint (if any) beside the label. */
function RuledField({ label, hint, lines }: { label: string; hint?: string; lines: number }) {
  return (
    <div className="pf">
      <p className="pf__label">{label}{hint ? <> <span className="pf__hint">{hint}</span></> : null}</p>
      <Rules count={lines} />
    </div>
  );
}

export function PaperFormSheet({ data, n }: { data: PrintTarget; n: number }) {
  const t = useT();
  const date = useFormatDate();
  const between = useLocale() === "en" ? " " : "";
  const { draft, version, window, contactPoint } = data;
  const Heading = n === 1 ? "h1" : "h2";
  const meta = [
    t("print.form.version", { label: version.label }),
    window.state === "none" ? null : t("print.deadlineDate", { date: date(window.lastDay) }),
    contactPoint ? t("print.form.collectedBy", { name: contactPoint.name }) : null,
  ].filter(Boolean);
  return (
    <section className="sheet form-sheet" aria-label={t("print.form.sheetLabel", { n })}>
      <header className="form-sheet__head">
        <p className="form-sheet__draft">{t("print.notice.draftTitle", { title: draft.title })}</p>
        <Heading className="form-sheet__heading">{t("print.form.heading")}</Heading>
        <p className="form-sheet__meta">{meta.join(between ? " · " : "　")}</p>
      </header>
      <p className="form-sheet__intro">{t("print.form.intro")}</p>
      <BlankField label={t("print.form.clause")} hint={t("print.form.clauseHint")} />
      <RuledField label={t("print.form.body")} lines={FORM_LINES.body} />
      <RuledField label={t("print.form.proposedText")} hint={t("print.form.proposedTextHint")} lines={FORM_LINES.proposedText} />
      <RuledField label={t("print.form.reason")} hint={t("print.form.reasonHint")} lines={FORM_LINES.reason} />
      <BlankField label={t("print.form.name")} hint={t("print.form.nameHint")} />
      <div className="pf pf--ticks">
        <p className="pf__label">{t("print.form.category")} <span className="pf__hint">{t("print.form.categoryHint")}</span></p>
        <ul className="pf__ticks">
          {COMMENTER_CATEGORIES.map((c) => (
            <li key={c}><span className="pf__box" aria-hidden="true" />{t(`category.${c}`)}</li>
          ))}
        </ul>
      </div>
      <BlankField label={t("print.form.contact")} hint={t("print.form.contactHint")} />
      <div className="pf pf--inline">
        <span className="pf__label">{t("print.form.date")}</span>
        <span className="pf__date">{t("print.form.dateBlank")}</span>
      </div>
      <footer className="form-sheet__privacy">
        <p><strong>{t("print.form.privacyHeading")}</strong>{t("print.form.privacyOptional")}{between}{t("print.form.privacy")}</p>
      </footer>
    </section>
  );
}
