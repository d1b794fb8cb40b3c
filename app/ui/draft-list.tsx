import { Link } from "@remix-run/react";
import type { DraftListing } from "~/drafts/catalogue.server";
import { useT } from "./i18n";
import { WindowBadge } from "./window-badge";
import type { Wire } from "./wire";


export function DraftList({ drafts }: { drafts: Wire<DraftListing>[] }) {
  const t = useT();
  return (
    <ul className="card-list">
      {drafts.map((d) => (
        <li key={d.slug} className="card">
          <h3>
            <Link to={`/drafts/${d.slug}`}>{d.title}</Link>
          </h3>
          <p className="muted">
            {d.versionLabel} · {t("drafts.articleCount", { count: d.articleCount })}
          </p>
          <WindowBadge window={d.window} />
        </li>
      ))}
    </ul>
  );
}
