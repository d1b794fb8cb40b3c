/** The queue's filters: status tabs with counts, a draft picker (a GET form), and paging links. */
import { Form, Link } from "@remix-run/react";
import type { QueueFilter, QueueStatus } from "~/intake/comment-views.server";
import { useT } from "../i18n";

const STATUS_TABS: QueueStatus[] = ["pending", "approved", "rejected", "hidden", "all"];

/** The queue URL for a filter (page 1 unless given). */
export function queueHref(filter: Partial<QueueFilter>): string {
  const params = new URLSearchParams();
  if (filter.draftId) params.set("draft", filter.draftId);
  if (filter.status && filter.status !== "pending") params.set("status", filter.status);
  if (filter.page && filter.page > 1) params.set("page", String(filter.page));
  const query = params.toString();
  return query ? `/officer/moderation?${query}` : "/officer/moderation";
}

export function StatusTabs({ filter, counts }: { filter: QueueFilter; counts: Record<QueueStatus, number> }) {
  const t = useT();
  return (
    <nav aria-label={t("moderation.statusNav")} className="subnav">
      <ul className="inline-list">
        {STATUS_TABS.map((s) => (
          <li key={s}>
            <Link to={queueHref({ draftId: filter.draftId, status: s })} aria-current={s === filter.status ? "page" : undefined}>
              {t("moderation.statusCount", { label: t(`moderation.status.${s}`), count: counts[s] })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function DraftFilter({ filter, drafts }: { filter: QueueFilter; drafts: { id: string; title: string }[] }) {
  const t = useT();
  return (
    <Form method="get" className="mod-filter">
      {filter.status !== "pending" ? <input type="hidden" name="status" value={filter.status} /> : null}
      <label htmlFor="f-draft">{t("moderation.filter.draft")}</label>
      <select id="f-draft" name="draft" defaultValue={filter.draftId ?? ""}>
        <option value="">{t("moderation.filter.allDrafts")}</option>
        {drafts.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
      </select>
      <button type="submit" className="secondary">{t("moderation.filter.apply")}</button>
    </Form>
  );
}

export function Pager({ filter, total, pageCount, pageSize, shown }: { filter: QueueFilter; total: number; pageCount: number; pageSize: number; shown: number }) {
  const t = useT();
  const from = total === 0 ? 0 : (filter.page - 1) * pageSize + 1;
  return (
    <nav aria-label={t("moderation.page.label")} className="mod-pager">
      <p className="muted">{t("moderation.showing", { from, to: from + shown - (shown > 0 ? 1 : 0), total })}</p>
      {pageCount > 1 ? (
        <ul className="inline-list">
          {filter.page > 1 ? <li><Link to={queueHref({ ...filter, page: filter.page - 1 })} rel="prev">{t("moderation.page.previous")}</Link></li> : null}
          <li><span aria-current="page">{t("moderation.page.current", { page: filter.page, pages: pageCount })}</span></li>
          {filter.page < pageCount ? <li><Link to={queueHref({ ...filter, page: filter.page + 1 })} rel="next">{t("moderation.page.next")}</Link></li> : null}
        </ul>
      ) : null}
    </nav>
  );
}
