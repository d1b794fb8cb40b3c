import { describe, expect, it } from "vitest";
import { en } from "~/platform/i18n/messages/en";
import { zhCN } from "~/platform/i18n/messages/zh-CN";
import { localeFromRequest } from "~/platform/i18n/locales";
import { translator } from "~/platform/i18n/translate";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it("has every zh-CN message in English, non-empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, zh] of Object.entries(zhCN)) {
      const english = en[key as keyof typeof en];
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });

  it("fills placeholders and formats numbers for the locale", () => {
    expect(translator("zh-CN")("drafts.articleCount", { count: 1260 })).toBe("共 1,260 条");
    expect(translator("en")("drafts.articleCount", { count: 1260 })).toBe("1,260 articles");
  });
});

describe("choosing the language", () => {
  it("defaults to Chinese", () => {
    expect(localeFromRequest(null, null)).toBe("zh-CN");
    expect(localeFromRequest(null, "fr-FR,fr;q=0.9")).toBe("zh-CN");
  });
  it("follows a browser that prefers English", () => {
    expect(localeFromRequest(null, "en-US,en;q=0.9,zh;q=0.5")).toBe("en");
  });
  it("lets the lang cookie win over the browser", () => {
    expect(localeFromRequest("a=1; lang=zh-CN", "en-US")).toBe("zh-CN");
    expect(localeFromRequest("lang=en", "zh-CN")).toBe("en");
    expect(localeFromRequest("lang=xx", "zh-CN")).toBe("zh-CN");
  });
});
