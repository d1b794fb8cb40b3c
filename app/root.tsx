import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError, useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { currentUser } from "./accounts/guard.server";
import { localeFromRequest } from "./platform/i18n/locales";
import { AppHeader } from "./ui/app-header";
import { ErrorPage } from "./ui/error-page";
import type { RootData } from "./ui/root-data";
import { useNonce } from "./ui/nonce";
import stylesheet from "./ui/styles.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23a61b1b'/%3E%3Ctext x='16' y='23' font-size='18' text-anchor='middle' fill='white'%3E%E6%B0%91%3C/text%3E%3C/svg%3E" },
];

export const meta: MetaFunction = () => [{ title: "民意 Minyi" }];

export async function loader({ request, context }: LoaderFunctionArgs): Promise<RootData> {
  const user = await currentUser(request, context);
  return {
    locale: localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language")),
    requestId: context.requestId,
    user: user ? { displayName: user.displayName, username: user.username, roles: [...new Set(user.memberships.map((m) => m.role))] } : null,
  };
}

/** Always re-run: it is cheap, and it keeps the request id in step with the request that rendered. */
export const shouldRevalidate = () => true;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const nonce = useNonce();
  // Pages that need no JavaScript (the law text) say so with handle.hydrate = false: no scripts at all.
  const hydrate = !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang={data?.locale ?? "zh-CN"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<RootData>("root");
  if (isRouteErrorResponse(error) && error.status === 404) return <ErrorPage kind="notFound" />;
  if (isRouteErrorResponse(error) && error.status === 403) return <ErrorPage kind="forbidden" />;
  return <ErrorPage kind="server" requestId={data?.requestId} />;
}
