import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { readReceiptCode } from "~/intake/receipt-code";
import { findReceipt } from "~/intake/receipts.server";
import { ReceiptView } from "~/ui/comment/receipt-view";
import { useT } from "~/ui/i18n";

export const handle = { hydrate: false };
export const meta: MetaFunction = () => [{ title: "意见回执 · 民意" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  authorize(await currentUser(request, context), "receipt.view");
  const code = readReceiptCode(params.code ?? "");
  const receipt = code ? await findReceipt(context.db, code) : null;
  if (!receipt) throw data({ reason: "not_found" }, { status: 404 });
  return data({ receipt }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ReceiptPage() {
  const t = useT();
  const { receipt } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section className="page" aria-labelledby="receipt-title">
      <h1 id="receipt-title">{t("receipt.title")}</h1>
      {params.get("new") ? (
        <div className="notice notice--ok" role="status">
          <p>{t("receipt.thanks")}</p>
          <p>{t("receipt.keepCode")} <strong className="receipt-code">{receipt.code}</strong></p>
        </div>
      ) : null}
      <ReceiptView receipt={receipt} />
      <p><Link to="/receipt">{t("receipt.another")}</Link></p>
    </section>
  );
}
