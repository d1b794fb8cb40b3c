/** What became of a moderation decision: how many were decided, left as they were, or refused because someone else decided first. */
import type { ModerationStatus } from "../../../db/schema/vocabulary";
import { useT } from "../i18n";

export interface ModerationSummary {
  decided: number;
  unchanged: number;
  conflicts: { id: string; receiptCode: string; status: ModerationStatus; byName: string | null }[];
}

export function ModerationNotice({ summary }: { summary: ModerationSummary }) {
  const t = useT();
  return (
    <div className="mod-notices">
      {summary.decided > 0 || summary.conflicts.length === 0 ? (
        <p className="notice notice--ok" role="status">
          {t("moderation.done", { count: summary.decided })}
          {summary.unchanged > 0 ? ` ${t("moderation.unchanged", { count: summary.unchanged })}` : null}
        </p>
      ) : null}
      {summary.conflicts.length > 0 ? (
        <div className="notice notice--warn" role="alert">
          <p>{t("moderation.conflictTitle")}</p>
          <ul>
            {summary.conflicts.map((c) => (
              <li key={c.id}>
                {t("moderation.conflict", { code: c.receiptCode, name: c.byName ?? t("moderation.someone"), status: t(`moderation.status.${c.status}`) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
