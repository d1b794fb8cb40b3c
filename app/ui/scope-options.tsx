import type { OrganizationNode } from "~/chain/organizations.server";
import { useT } from "./i18n";

type Wire = Omit<OrganizationNode, never>;

/** <option>s for an organisation picker, indented by depth. */
export function OrganizationOptions({ tree }: { tree: Wire[] }) {
  const t = useT();
  return (
    <>
      {tree.map((o) => (
        <option key={o.id} value={o.id}>
          {"\u3000".repeat(o.depth)}
          {o.name}（{t(`level.${o.level}`)}）
        </option>
      ))}
    </>
  );
}

/** <option>s for a role scope: organisations ("org:id") and contact points ("cp:id"). */
export function ScopeOptions({ tree }: { tree: Wire[] }) {
  const t = useT();
  return (
    <>
      <optgroup label={t("admin.organizations")}>
        {tree.map((o) => (
          <option key={o.id} value={`org:${o.id}`}>
            {"\u3000".repeat(o.depth)}
            {o.name}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("admin.contactPoints")}>
        {tree.flatMap((o) =>
          o.contactPoints.map((c) => (
            <option key={c.id} value={`cp:${c.id}`}>
              {c.name}
            </option>
          )),
        )}
      </optgroup>
    </>
  );
}
