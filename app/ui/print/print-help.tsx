/**
 * The screen-only box above a printable page: how to print it (the pages carry no JavaScript, so
 * there is no print button; the browser's own print command does it), and a way back. Hidden in print.
 */
import type { ReactNode } from "react";
import { useT } from "../i18n";

export function PrintHelp({ backTo, children }: { backTo: string; children?: ReactNode }) {
  const t = useT();
  return (
    <aside className="print-help" aria-labelledby="print-help-heading">
      <h2 id="print-help-heading" className="print-help__heading">{t("print.help.heading")}</h2>
      <p>{t("print.help.how")}</p>
      <p className="muted">{t("print.help.settings")}</p>
      {children}
      <p><a href={backTo}>{t("print.help.backToDraft")}</a></p>
    </aside>
  );
}
