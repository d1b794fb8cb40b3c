/**
 * A small bar chart of one facet's counts (per article once a draft is chosen, else per draft): the
 * numbers people compare, shown as bars too. A table underneath, so screen readers and print get
 * the same numbers; plain CSS widths, no chart library.
 */
import type { FacetName } from "../../../search/engine";
import type { FacetEntry } from "~/search/officer-search.server";
import type { MessageKey } from "~/platform/i18n/translate";
import { useT } from "../i18n";

const BARS = 10;

export function FacetChart({ facets }: { facets: Partial<Record<FacetName, FacetEntry[]>> }) {
  const t = useT();
  const facet: FacetName | null = (facets.provisionKey?.length ?? 0) > 1 && (facets.draftId?.length ?? 0) === 1
    ? "provisionKey"
    : (facets.draftId?.length ?? 0) > 1 ? "draftId" : (facets.contactPointId?.length ?? 0) > 1 ? "contactPointId" : null;
  if (!facet) return null;
  const entries = [...(facets[facet] ?? [])].sort((a, b) => b.count - a.count).slice(0, BARS);
  const max = Math.max(1, ...entries.map((e) => e.count));
  const name = t(`search.facet.${facet}` as MessageKey);
  return (
    <figure className="search-chart">
      <figcaption>{t("search.chart.caption", { facet: name, count: entries.length })}</figcaption>
      <table>
        <thead className="visually-hidden">
          <tr><th scope="col">{name}</th><th scope="col">{t("search.chart.count")}</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.value}>
              <th scope="row">{e.label}</th>
              <td>
                <span className="search-chart__bar" style={{ width: `${Math.max(2, Math.round((e.count / max) * 100))}%` }} aria-hidden="true" />
                <span className="search-chart__n">{e.count.toLocaleString()}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
