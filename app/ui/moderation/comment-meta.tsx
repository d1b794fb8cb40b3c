/** The facts under a comment in lists: channel, who (category and masked name), where from, when, receipt code. */
import type { MaskedCommenter } from "~/intake/personal-data.server";
import type { Channel, CommenterCategory, CommentSource } from "../../../db/schema/vocabulary";
import { useFormatDate, useT } from "../i18n";

interface CommentMetaProps {
  receiptCode: string;
  channel: Channel;
  category: CommenterCategory;
  source: CommentSource;
  contactPointName: string | null;
  createdAt: Date | string;
  commenter: MaskedCommenter | null;
}

export function CommentMeta(c: CommentMetaProps) {
  const t = useT();
  const date = useFormatDate();
  return (
    <dl className="mod-meta">
      <div><dt>{t("moderation.comment.receipt")}</dt><dd><code>{c.receiptCode}</code></dd></div>
      <div><dt>{t("moderation.comment.channel")}</dt><dd>{t(`channel.${c.channel}`)}</dd></div>
      <div><dt>{t("moderation.comment.category")}</dt><dd>{t(`category.${c.category}`)}</dd></div>
      <div><dt>{t("personal.title")}</dt><dd>{c.commenter?.name ?? t("moderation.anonymous")}{c.commenter?.phone ? ` · ${c.commenter.phone}` : ""}</dd></div>
      <div><dt>{t("moderation.comment.contactPoint")}</dt><dd>{c.contactPointName ?? (c.source === "public" ? t("moderation.online") : t(`moderation.source.${c.source}`))}</dd></div>
      <div><dt>{t("moderation.comment.createdAt")}</dt><dd>{date(c.createdAt, true)}</dd></div>
    </dl>
  );
}
