import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/accounts/guard.server";
import { DEFAULT_LOCALE, isLocale, langCookie } from "~/platform/i18n/locales";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const requested = form.get("locale");
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": langCookie(locale) } });
}
