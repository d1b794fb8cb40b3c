/**
 * The printable notice (征求意见公告) for a notice board: one A4 page in large type with the draft's
 * title, the deadline, the ways to comment and a large QR code opening the comment page, with the
 * same address printed below it for those who type it in. When the draft is not open for comment
 * the notice says so, and carries no code.
 */
import { useFormatDate, useT } from "../i18n";
import type { NoticeData } from "~/intake/printables.server";

/** Characters beyond which a title is set smaller (at 24 pt, two lines hold about 38). */
const LONG_TITLE = 36;

export type { NoticeData };

export function NoticeSheet({ data }: { data: NoticeData }) {
  const t = useT();
  const date = useFormatDate();
  const { draft, window, contactPoint } = data;
  return (
    <article className="sheet board-notice" aria-labelledby="notice-heading">
      {data.organization ? <p className="board-notice__issuer">{data.organization}</p> : null}
      <h1 id="notice-heading" className="board-notice__heading">
        <span className="board-notice__kind">{t("print.notice.heading")}</span>
        <span className={draft.title.length > LONG_TITLE ? "board-notice__draft board-notice__draft--long" : "board-notice__draft"}>{t("print.notice.draftTitle", { title: draft.title })}</span>
      </h1>
      {window.state === "open" ? (
        <>
          <p className="board-notice__body">{t("print.notice.body")}</p>
          <p className="board-notice__deadline">{t("print.deadlineDate", { date: date(window.lastDay) })}</p>
          <div className={data.qrSvg ? "board-notice__how" : "board-notice__how board-notice__how--no-code"}>
            <section className="board-notice__ways" aria-labelledby="notice-ways">
              <h2 id="notice-ways">{t("print.notice.ways")}</h2>
              <ol>
                {data.commentUrl ? <li>{t("print.notice.online")}</li> : null}
                <li>{contactPoint ? t("print.notice.inPersonAt", { place: contactPoint.name }) : t("print.notice.inPersonAny")}</li>
                <li>{contactPoint ? t("print.notice.letterTo", { address: contactPoint.address ?? contactPoint.name }) : t("print.notice.letterAny")}</li>
              </ol>
              {data.commentUrl ? null : <p>{t("print.notice.onlineOff")}</p>}
            </section>
            {data.qrSvg && data.commentUrl ? (
              <figure className="board-notice__qr">
                <div className="board-notice__code" dangerouslySetInnerHTML={{ __html: data.qrSvg }} />
                <figcaption>
                  <span className="board-notice__scan">{t("print.notice.scan")}</span>
                  <span className="visually-hidden">{t("print.notice.urlLabel")}</span>
                  <a className="board-notice__url" href={data.commentUrl}>{data.commentUrl}</a>
                </figcaption>
              </figure>
            ) : null}
          </div>
        </>
      ) : (
        <div className="board-notice__status">
          <p className="board-notice__status-heading">{t("print.notice.notOpen")}</p>
          <p>
            {window.state === "upcoming"
              ? t("print.notice.upcoming", { opens: date(window.opensOn), closes: date(window.lastDay) })
              : window.state === "closed"
                ? t("print.notice.closed", { date: date(window.lastDay) })
                : t("print.notice.none")}
          </p>
        </div>
      )}
      {contactPoint ? (
        <footer className="board-notice__cp">
          <p className="board-notice__cp-name">{t("print.notice.contactPoint", { name: contactPoint.name })}</p>
          {contactPoint.address ? <p>{t("print.notice.address", { address: contactPoint.address })}</p> : null}
        </footer>
      ) : null}
    </article>
  );
}
