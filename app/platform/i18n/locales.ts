export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale from the `lang` cookie, else from Accept-Language when it prefers English, else zh-CN. */
export function localeFromRequest(cookieHeader: string | null, acceptLanguage: string | null): Locale {
  const fromCookie = /(?:^|;\s*)lang=([^;]+)/.exec(cookieHeader ?? "")?.[1];
  if (fromCookie && isLocale(decodeURIComponent(fromCookie))) return decodeURIComponent(fromCookie) as Locale;
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  if (first.startsWith("en")) return "en";
  return DEFAULT_LOCALE;
}

export function langCookie(locale: Locale): string {
  return `lang=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
