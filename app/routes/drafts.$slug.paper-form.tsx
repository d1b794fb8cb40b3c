/**
 * /drafts/:slug/paper-form[?copies=N][&cp=<contact point id>] — the paper comment form (意见表) for
 * the symposium table, N copies one per A4 page (at most 50). Pure HTML, no JavaScript.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { localeFromRequest } from "~/platform/i18n/locales";
import { translator } from "~/platform/i18n/translate";
import { notFound } from "~/platform/respond.server";
import { useT } from "~/ui/i18n";
import printStyles from "~/ui/print.css";
import { PaperFormSheet } from "~/ui/print/paper-form-sheet";
import { PrintHelp } from "~/ui/print/print-help";
import { copiesParam, printTarget } from "~/intake/printables.server";

/** One form per page; more than this at once is a job for a print shop. */
const MAX_COPIES = 50;

export const handle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? d.pageTitle : "民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  authorize(user, "draft.read");
  const locale = localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  const url = new URL(request.url);
  const cp = url.searchParams.get("cp");
  const target = await printTarget(context.db, { slug: params.slug ?? "", contactPointId: cp, locale, now: new Date() });
  if (!target) notFound();
  const { copies, capped } = copiesParam(url.searchParams.get("copies"), MAX_COPIES);
  return { form: target, copies, capped, cp, pageTitle: translator(locale)("print.form.pageTitle", { title: target.draft.title }) };
}

export default function PaperForm() {
  const { form, copies, capped, cp } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="printable">
      <PrintHelp backTo={`/drafts/${encodeURIComponent(form.draft.slug)}`}>
        {form.window.state === "open" ? null : <p className="print-help__warning">{t("print.form.notOpen")}</p>}
        {/* A GET form: choosing the number of copies needs no JavaScript either. */}
        <form method="get" className="print-help__copies">
          {cp ? <input type="hidden" name="cp" value={cp} /> : null}
          <label htmlFor="copies">{t("print.form.copies")}</label>
          <input id="copies" name="copies" type="number" inputMode="numeric" min={1} max={MAX_COPIES} defaultValue={copies} aria-describedby="copies-hint" />
          <button type="submit">{t("print.form.copiesSubmit")}</button>
          <span id="copies-hint" className="muted">
            {capped ? t("print.form.copiesCapped", { max: MAX_COPIES }) : t("print.form.copiesHint", { max: MAX_COPIES })} {t("print.form.copiesNow", { count: copies })}
          </span>
        </form>
      </PrintHelp>
      {Array.from({ length: copies }, (_, i) => <PaperFormSheet key={i} data={form} n={i + 1} />)}
    </div>
  );
}
