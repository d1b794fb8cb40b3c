import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { ImportStatus } from "../../../db/schema/vocabulary";
import { useT } from "../i18n";

export interface ProgressSnapshot {
  status: ImportStatus;
  /** Null when this server process is not the one committing: the bar is indeterminate. */
  processed: number | null;
  total: number;
}

/** Where the page asks for the figures while a commit runs (JSON; answered from memory, see import-progress.server). */
export const progressJsonPath = (importId: string) => `/staff/imports/${importId}/progress.json`;

const POLL_MS = 1_000;

/**
 * A <progress> with its figures in words. Without JavaScript the page reloads itself every 2 s
 * (a refresh inside <noscript>, so it never fires when scripts run); with JavaScript this island
 * polls the figures every second and, when the commit ends, reloads the page's data.
 */
export function ImportProgress({ importId, initial }: { importId: string; initial: ProgressSnapshot }) {
  const t = useT();
  const { revalidate } = useRevalidator();
  // The page gives a fresh `initial` (and a new key) after each load; between loads the island keeps its own figures.
  const [now, setNow] = useState(initial);
  useEffect(() => {
    if (initial.status !== "importing") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const res = await fetch(progressJsonPath(importId), { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (res.ok && (res.headers.get("Content-Type") ?? "").includes("json")) {
          const next = (await res.json()) as ProgressSnapshot;
          if (stopped) return;
          setNow(next);
          if (next.status !== "importing") {
            revalidate();
            return;
          }
        }
      } catch {
        // A missed poll is tried again.
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importId, initial.status, revalidate]);

  const done = now.status === "done";
  const processed = done ? now.total : now.processed;
  const text = processed === null
    ? t("import.progress.indeterminate", { total: now.total })
    : t("import.progress.counts", { processed, total: now.total });
  return (
    <div className="import-progress">
      {initial.status === "importing" ? <noscript dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="2">' }} /> : null}
      <label htmlFor="import-progress">{t("import.progress.label")}</label>
      {processed === null ? (
        <progress id="import-progress" max={Math.max(1, now.total)} aria-describedby="import-progress-text" />
      ) : (
        <progress id="import-progress" max={Math.max(1, now.total)} value={Math.min(processed, now.total)} aria-describedby="import-progress-text" />
      )}
      <p id="import-progress-text" className="import-progress__text" role="status" aria-live="polite">{text}</p>
    </div>
  );
}
