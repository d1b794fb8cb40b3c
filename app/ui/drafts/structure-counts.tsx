import type { ProvisionKind } from "../../../db/schema/vocabulary";
import { useT } from "../i18n";

const SHOWN: ProvisionKind[] = ["part", "subpart", "chapter", "section", "article", "paragraph", "item", "subitem", "point", "annex", "preamble"];

/** How many 编/章/节/条/款/项/目 the parser found: the first thing to check against the printed law. */
export function StructureCounts({ counts }: { counts: Partial<Record<ProvisionKind, number>> }) {
  const t = useT();
  const shown = SHOWN.filter((k) => (counts[k] ?? 0) > 0);
  return (
    <dl className="counts" aria-label={t("officer.structure")}>
      {shown.map((k) => (
        <div key={k}>
          <dt>{t(`provisionKind.${k}`)}</dt>
          <dd>{counts[k]}</dd>
        </div>
      ))}
    </dl>
  );
}
