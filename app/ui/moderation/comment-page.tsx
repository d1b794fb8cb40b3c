/** The comment detail page as staff and officers see it; officers get the decision form too (`children`). */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { CommentDetail } from "~/intake/comment-views.server";
import type { RevealedCommenter } from "~/intake/personal-data.server";
import { useT } from "../i18n";
import { CommenterPanel } from "./commenter-panel";
import { CitingOpinions, CommentRecord, ModerationHistory } from "./comment-record";

interface CommentPageProps {
  detail: CommentDetail;
  revealed: RevealedCommenter | null;
  back: { to: string; label: string };
  children?: ReactNode;
}

export function CommentPage({ detail, revealed, back, children }: CommentPageProps) {
  const t = useT();
  return (
    <section className="page--wide mod-page" aria-labelledby="comment-title">
      <p className="breadcrumbs"><Link to={back.to}>{back.label}</Link></p>
      <h1 id="comment-title">{t("moderation.comment.title", { code: detail.receiptCode })}</h1>
      <div className="mod-detail">
        <div className="mod-detail__main">
          <CommentRecord c={detail} />
        </div>
        <aside className="mod-detail__side" aria-labelledby="commenter-title">
          <h2 id="commenter-title">{t("personal.title")}</h2>
          <CommenterPanel commenter={detail.commenter} revealed={revealed} mayReveal={detail.mayReveal} />
        </aside>
      </div>
      {children}
      <ModerationHistory history={detail.history} />
      <CitingOpinions opinions={detail.opinions} />
    </section>
  );
}
