/** "全选本页": with JavaScript, one checkbox ticks every comment on the page (without it, tick them one by one). */
import { useEffect, useState } from "react";
import { useT } from "../i18n";

export function SelectAll({ formId }: { formId: string }) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <label className="choice mod-select-all">
      <input
        type="checkbox"
        onChange={(e) => {
          const form = document.getElementById(formId);
          form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="comment"]').forEach((box) => {
            box.checked = e.currentTarget.checked;
          });
        }}
      />
      {t("moderation.selectAll")}
    </label>
  );
}
