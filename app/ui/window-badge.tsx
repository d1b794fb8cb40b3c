import type { WindowState } from "~/drafts/consultation-window";
import { useFormatDate, useT } from "./i18n";
import type { Wire } from "./wire";

/** Serialised WindowState (dates arrive as strings from loaders). */
type WireWindow = Wire<WindowState>;

/** A consultation closes at the start of the day after its last day: show the last day. */
function lastDay(closesAt: string | Date): Date {
  return new Date(new Date(closesAt).getTime() - 1);
}

export function WindowBadge({ window }: { window: WireWindow | WindowState }) {
  const t = useT();
  const date = useFormatDate();
  switch (window.state) {
    case "open":
      return (
        <p className="window">
          <span className="badge badge--open">{t("drafts.open")}</span> {t("drafts.daysLeft", { days: window.daysLeft })} · {t("drafts.deadline", { date: date(lastDay(window.closesAt)) })}
        </p>
      );
    case "upcoming":
      return <p className="window"><span className="badge">{t("drafts.notYetOpen", { date: date(window.opensAt) })}</span></p>;
    case "closed":
      return <p className="window"><span className="badge badge--closed">{t("drafts.closed")}</span></p>;
    default:
      return <p className="window"><span className="badge">{t("drafts.noConsultation")}</span></p>;
  }
}
