import { en } from "./messages/en";
import { zhCN, type MessageKey } from "./messages/zh-CN";
import type { Locale } from "./locales";

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key] ?? zhCN[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? formatParam(params[name]!, locale) : whole,
    );
  };
}

function formatParam(value: string | number, locale: Locale): string {
  return typeof value === "number" ? value.toLocaleString(locale) : value;
}
