import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { currentUser, safeRedirect } from "~/accounts/guard.server";
import { sessionCookieHeader } from "~/accounts/sessions.server";
import { signIn } from "~/accounts/sign-in.server";
import { msg, parseForm } from "~/platform/forms";
import { rejectForm, type ActionFailure } from "~/platform/respond.server";
import { ErrorSummary, Field } from "~/ui/field";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "登录 · 民意" }];

const SignInForm = z.object({
  username: z.string({ error: msg("errors.required") }).trim().min(1, msg("errors.required")).max(64, msg("errors.tooLong", { max: 64 })),
  password: z.string({ error: msg("errors.required") }).min(1, msg("errors.required")).max(200, msg("errors.tooLong", { max: 200 })),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(SignInForm, form);
  if (!parsed.ok) return rejectForm(parsed.fieldErrors, parsed.values);
  const result = await signIn(context.db, {
    username: parsed.data.username, password: parsed.data.password, clientIp: context.clientIp,
    userAgent: request.headers.get("user-agent"), requestId: context.requestId, now: new Date(),
  });
  const values = { username: parsed.data.username, redirectTo: parsed.data.redirectTo ?? "" };
  if (!result.ok && result.error === "rate_limited") {
    return rejectForm({ _form: { key: "signIn.rateLimited", params: { minutes: Math.ceil(result.retryAfterMs / 60_000) } } }, values, 429);
  }
  if (!result.ok) return rejectForm({ _form: { key: "signIn.invalid" } }, values, 401);
  return redirect(safeRedirect(parsed.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await sessionCookieHeader(context.config.sessionSecrets, context.secure, result.session) },
  });
}

export default function SignIn() {
  const t = useT();
  const failure = useActionData<ActionFailure>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors;
  const formError = errors?._form;
  const fieldErrors = formError ? undefined : errors;
  return (
    <section className="page" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.intro")}</p>
      {formError ? (
        <div className="notice notice--error" role="alert" id="sign-in-error">
          {t(formError.key, formError.params)}
        </div>
      ) : (
        <ErrorSummary errors={fieldErrors} />
      )}
      <Form method="post" className="stack" noValidate aria-describedby={formError ? "sign-in-error" : undefined}>
        <input type="hidden" name="redirectTo" value={failure?.values.redirectTo ?? params.get("redirectTo") ?? ""} />
        <Field name="username" label={t("signIn.username")} error={fieldErrors?.username} required>
          {(p) => <input {...p} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={failure?.values.username ?? ""} />}
        </Field>
        <Field name="password" label={t("signIn.password")} error={fieldErrors?.password} required>
          {(p) => <input {...p} type="password" autoComplete="current-password" />}
        </Field>
        <div>
          <button type="submit" disabled={busy}>{t("signIn.submit")}</button>
        </div>
      </Form>
    </section>
  );
}
