/**
 * The comparison table (条文对照表) as a page: summary counts (as numbers and as a bar chart), then
 * old | new rows with deletions struck through and insertions underlined.
 */
import type { Comparison, ComparisonRow } from "~/drafts/compare/comparison";
import type { MessageKey } from "~/platform/i18n/translate";
import { useLocale, useT } from "../i18n";

const STATUSES = ["modified", "added", "deleted", "moved", "unchanged"] as const;

export function ComparisonSummaryChart({ summary }: { summary: Comparison["summary"] }) {
  const t = useT();
  const max = Math.max(1, ...STATUSES.map((s) => summary[s]));
  return (
    <figure className="summary-chart">
      <figcaption className="visually-hidden">{t("compare.summary")}</figcaption>
      <table className="data">
        <tbody>
          {STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`compare.status.${s}` as MessageKey)}</th>
              <td className="num">{summary[s]}</td>
              <td className="bar-cell" aria-hidden="true">
                <span className={`bar bar--${s}`} style={{ width: `${(summary[s] / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Side({ row, side }: { row: ComparisonRow; side: "old" | "new" }) {
  const content = row[side];
  if (!content) return null;
  if (!row.segments || row.status === "unchanged") return <><strong>{content.label}</strong> {content.text}</>;
  return (
    <>
      <strong>{content.label}</strong>{" "}
      {row.segments.map((seg, i) =>
        seg.op === "equal" ? <span key={i}>{seg.text}</span>
        : seg.op === "delete" ? (side === "old" ? <del key={i}>{seg.text}</del> : null)
        : side === "new" ? <ins key={i}>{seg.text}</ins> : null,
      )}
    </>
  );
}

export function ComparisonTable({ rows, oldLabel, newLabel }: { rows: ComparisonRow[]; oldLabel: string; newLabel: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data comparison">
        <caption className="visually-hidden">{t("compare.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{oldLabel}</th>
            <th scope="col">{newLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.old?.key ?? ""}>${row.new?.key ?? ""}:${i}`} className={`row--${row.status}`} id={row.new?.key ?? row.old?.key}>
              <td><Side row={row} side="old" /></td>
              <td>
                <Side row={row} side="new" />
                <p className="row-note">
                  <span className={`badge badge--${row.status}`}>{t(`compare.status.${row.status}` as MessageKey)}</span>
                  {(locale === "en" ? row.noteEn : row.note) ? ` ${locale === "en" ? row.noteEn : row.note}` : ""}
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
