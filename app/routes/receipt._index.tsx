import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { readReceiptCode } from "~/intake/receipt-code";
import { Field } from "~/ui/field";
import { useT } from "~/ui/i18n";

export const handle = { hydrate: false };
export const meta: MetaFunction = () => [{ title: "查询意见办理情况 · 民意" }];

/** GET /receipt?code=… : a form that needs no JavaScript; a readable code goes to its page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return { typed: "", problem: null };
  const code = readReceiptCode(typed);
  if (code) throw redirect(`/receipt/${code}`);
  return { typed: typed.slice(0, 40), problem: "receipt.invalid" as const };
}

export default function ReceiptLookup() {
  const t = useT();
  const { typed, problem } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="lookup-title">
      <h1 id="lookup-title">{t("receipt.lookupTitle")}</h1>
      <p className="lead">{t("receipt.lookupIntro")}</p>
      <Form method="get" className="stack">
        <Field name="code" label={t("receipt.code")} error={problem ? { key: problem } : undefined} required>
          {(p) => <input {...p} type="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} defaultValue={typed} />}
        </Field>
        <div><button type="submit">{t("receipt.lookup")}</button></div>
      </Form>
    </section>
  );
}
