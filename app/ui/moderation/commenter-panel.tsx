/**
 * 提出人: masked by default. "显示联系方式" is a POST (works without JavaScript) whose answer alone
 * carries the full details; the server records the reveal before sending them.
 */
import { Form, Link, useLocation } from "@remix-run/react";
import type { MaskedCommenter, RevealedCommenter } from "~/intake/personal-data.server";
import { useT } from "../i18n";

interface CommenterPanelProps {
  commenter: MaskedCommenter | null;
  revealed: RevealedCommenter | null;
  mayReveal: boolean;
}

export function CommenterPanel({ commenter, revealed, mayReveal }: CommenterPanelProps) {
  const t = useT();
  const { pathname } = useLocation();
  if (!commenter) return <p>{t("personal.none")}</p>;
  if (commenter.erased) return <p>{t("personal.erased")}</p>;
  const shown = revealed ?? commenter;
  const rows: [label: string, value: string | null][] = [
    [t("personal.name"), shown.name],
    [t("personal.phone"), shown.phone],
    [t("personal.email"), shown.email],
    [t("personal.address"), shown.address],
    [t("personal.idNumber"), revealed ? revealed.idNumber : null],
    [t("personal.affiliation"), shown.affiliation],
  ];
  return (
    <div className={revealed ? "mod-person mod-person--revealed" : "mod-person"}>
      {revealed ? <p className="notice notice--warn" role="status">{t("personal.revealed")}</p> : <p className="muted">{t("personal.maskedNote")}</p>}
      <dl className="mod-facts">
        {rows.filter(([, value]) => !!value).map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      {revealed ? (
        <p><Link to={pathname} replace>{t("personal.hideAgain")}</Link></p>
      ) : commenter.revealable ? (
        mayReveal ? (
          <Form method="post" className="mod-reveal">
            <input type="hidden" name="intent" value="reveal" />
            <p className="field-hint" id="reveal-hint">{t("personal.revealHint")}</p>
            <button type="submit" className="secondary" aria-describedby="reveal-hint">{t("personal.reveal")}</button>
          </Form>
        ) : <p className="muted">{t("personal.notAllowed")}</p>
      ) : null}
    </div>
  );
}
