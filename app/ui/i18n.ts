import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LOCALE, type Locale } from "../platform/i18n/locales";
import { translator, type Translate } from "../platform/i18n/translate";
import type { RootData } from "./root-data";

export function useLocale(): Locale {
  return useRouteLoaderData<RootData>("root")?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

export function useFormatDate(): (value: string | Date, withTime?: boolean) => string {
  const locale = useLocale();
  return (value, withTime = false) =>
    new Intl.DateTimeFormat(locale, {
      year: "numeric", month: "long", day: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
      timeZone: "Asia/Shanghai",
    }).format(typeof value === "string" ? new Date(value) : value);
}
