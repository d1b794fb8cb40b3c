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
      <div className="pf pf--inline">
        <span className="pf__label">{t("print.form.clause")}</span>
        <span className="pf__blank" />
        <span className="pf__hint">{t("print.form.clauseHint")}</span>
      </div>
      <div className="pf">
        <p className="pf__label">{t("print.form.body")}</p>
        <Rules count={FORM_LINES.body} />
      </div>
      <div className="pf">
        <p className="pf__label">{t("print.form.proposedText")} <span className="pf__hint">{t("print.form.proposedTextHint")}</span></p>
        <Rules count={FORM_LINES.proposedText} />
      </div>
      <div className="pf">
        <p className="pf__label">{t("print.form.reason")} <span className="pf__hint">{t("print.form.reasonHint")}</span></p>
        <Rules count={FORM_LINES.reason} />
      </div>
      <div className="pf pf--inline">
        <span className="pf__label">{t("print.form.name")}</span>
        <span className="pf__blank" />
        <span className="pf__hint">{t("print.form.nameHint")}</span>
      </div>
      <div className="pf pf--ticks">
        <p className="pf__label">{t("print.form.category")} <span className="pf__hint">{t("print.form.categoryHint")}</span></p>
        <ul className="pf__ticks">
          {COMMENTER_CATEGORIES.map((c) => (
            <li key={c}><span className="pf__box" aria-hidden="true" />{t(`category.${c}`)}</li>
          ))}
        </ul>
      </div>
      <div className="pf pf--inline">
        <span className="pf__label">{t("print.form.contact")}</span>
        <span className="pf__blank" />
        <span className="pf__hint">{t("print.form.contactHint")}</span>
      </div>
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
