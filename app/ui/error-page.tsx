import { Link } from "@remix-run/react";
import { useT } from "./i18n";

export function ErrorPage({ kind, requestId }: { kind: "notFound" | "forbidden" | "server"; requestId?: string }) {
  const t = useT();
  return (
    <section className="page error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      {kind === "server" && requestId ? (
        <p className="request-id">
          {t("errors.requestId", { id: "" })}
          <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
