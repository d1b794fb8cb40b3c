import { PARSE_WARNING_CODES } from "~/drafts/parse/warning-codes";
import type { ParseWarning } from "~/drafts/parse/types";
import { useLocale, useT } from "../i18n";

/** Everything the parser could not place or had to guess, with the source line and the text kept. */
export function ParseWarnings({ warnings }: { warnings: ParseWarning[] }) {
  const t = useT();
  const locale = useLocale();
  if (warnings.length === 0) return <p className="notice notice--ok">{t("officer.noWarnings")}</p>;
  return (
    <div className="notice notice--warn" role="region" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t("officer.warnings", { count: warnings.length })}</h2>
      <ul>
        {warnings.map((w, i) => {
          const described = PARSE_WARNING_CODES[w.code as keyof typeof PARSE_WARNING_CODES];
          return (
            <li key={i}>
              {t("officer.warningLine", { line: w.line })}：{described ? (locale === "en" ? described.en : described.zh) : w.message}
              {w.text ? <blockquote className="source-text">{w.text}</blockquote> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
