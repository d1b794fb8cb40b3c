import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize, currentUser } from "~/accounts/guard.server";
import { readingPage } from "~/drafts/reading.server";
import { conditionalGet, etagOf } from "~/platform/http-cache.server";
import { localeFromRequest } from "~/platform/i18n/locales";
import { validatorKey } from "~/platform/validator-cache";
import { notFound } from "~/platform/respond.server";
import { ReadingPage } from "~/ui/law/reading-page";

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title} · 民意` : "民意" }];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Shared by the latest-version page and /v/:seq. */
export async function readingLoader({ params, request, context }: LoaderFunctionArgs, seq?: number) {
  const user = await currentUser(request, context);
  authorize(user, "draft.read");
  const locale = localeFromRequest(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  const reading = await readingPage(context.db, { slug: params.slug ?? "", seq, locale, now: new Date() });
  if (!reading) notFound();
  // The header shows who is signed in, so the validator covers the user too.
  const url = new URL(request.url);
  const remember = user ? null : { cache: context.validators, key: validatorKey(url.pathname + url.search, locale) };
  const cacheHeaders = conditionalGet(request, etagOf(reading.etag, user?.id), remember);
  return data(await reading.page(), { headers: cacheHeaders });
}

export const loader = (args: LoaderFunctionArgs) => readingLoader(args);

export default function LatestVersion() {
  return <ReadingPage data={useLoaderData<typeof loader>()} />;
}
