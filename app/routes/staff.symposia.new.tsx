/** /staff/symposia/new — 新建座谈会, then straight on to entering its views. */
import {
  data, redirect, unstable_parseMultipartFormData, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/accounts/guard.server";
import { ATTACHMENT_ACCEPT, boundedUploadHandler, MAX_ATTACHMENT_BYTES } from "~/intake/attachments.server";
import { symposiumInput } from "~/intake/staff-entry-input";
import { createSymposiumFromForm, MINUTES_TOO_LARGE, newSymposiumForm } from "~/intake/symposia.server";
import { parseForm } from "~/platform/forms";
import { rejectForm, settle, type ActionFailure } from "~/platform/respond.server";
import { SymposiumForm } from "~/ui/entry/symposium-form";
import { useT } from "~/ui/i18n";
import styles from "~/ui/staff-entry.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "新建座谈会 · 民意" }];

/** A body this big is not read at all (a file just over the limit is still answered next to its field). */
const MAX_BODY_BYTES = 4 * MAX_ATTACHMENT_BYTES;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  return newSymposiumForm(context.db, user, { draft: new URL(request.url).searchParams.get("draft"), now: new Date() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "area.staff");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) return rejectForm(MINUTES_TOO_LARGE, {}, 413);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, boundedUploadHandler(MAX_ATTACHMENT_BYTES));
  } catch {
    throw data({ reason: "invalid" }, { status: 400 });
  }
  const now = new Date();
  const parsed = parseForm(symposiumInput(() => now), form);
  const outcome = await createSymposiumFromForm(context.db, user, parsed, form.get("minutes"), { now, requestId: context.requestId });
  // A file is never sent back into the form (nor the marker of one too large).
  return settle(outcome, { ...parsed.values, minutes: "" }, ({ id }) => redirect(`/staff/symposia/${id}/entry?created=1`, 303));
}

export default function NewSymposium() {
  const t = useT();
  const { options, values } = useLoaderData<typeof loader>();
  const failure = useActionData<ActionFailure>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="page" aria-labelledby="symposium-title">
      <p className="breadcrumbs"><Link to="/staff">{t("staff.title")}</Link></p>
      <h1 id="symposium-title">{t("staff.symposium.new")}</h1>
      <p className="lead">{t("staff.symposium.intro")}</p>
      {options.length === 0 ? (
        <p className="notice">{t("staff.symposium.noDrafts")}</p>
      ) : (
        <SymposiumForm options={options} values={values} failure={failure && !failure.ok ? failure : undefined} accept={ATTACHMENT_ACCEPT} busy={busy} />
      )}
    </section>
  );
}
