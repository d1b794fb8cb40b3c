import { describe, expect, it } from "vitest";
import { createValidatorCache, validatorKey } from "~/platform/validator-cache";

describe("validator cache", () => {
  it("remembers an ETag per path and language until it expires", () => {
    const cache = createValidatorCache({ ttlMs: 1000, maxEntries: 10 });
    cache.remember(validatorKey("/drafts/a", "zh-CN"), "W/\"1\"", 0);
    expect(cache.fresh(validatorKey("/drafts/a", "zh-CN"), 999)).toBe("W/\"1\"");
    expect(cache.fresh(validatorKey("/drafts/a", "en"), 999)).toBeNull();
    expect(cache.fresh(validatorKey("/drafts/a", "zh-CN"), 1000)).toBeNull();
  });

  it("keeps the newest ETag and forgets the oldest pages beyond its size", () => {
    const cache = createValidatorCache({ ttlMs: 1000, maxEntries: 2 });
    cache.remember("zh-CN /drafts/a", "1", 0);
    cache.remember("zh-CN /drafts/a", "2", 0);
    cache.remember("zh-CN /drafts/b", "3", 0);
    cache.remember("zh-CN /drafts/c", "4", 0);
    expect(cache.fresh("zh-CN /drafts/a", 1)).toBeNull();
    expect([cache.fresh("zh-CN /drafts/b", 1), cache.fresh("zh-CN /drafts/c", 1)]).toEqual(["3", "4"]);
  });

  it("forgets every page of a draft at once when something on them changes", () => {
    const cache = createValidatorCache({ ttlMs: 10_000, maxEntries: 100 });
    for (const key of ["zh-CN /drafts/a", "en /drafts/a", "zh-CN /drafts/a/v/2?x=1", "zh-CN /drafts/b"]) cache.remember(key, "e", 0);
    cache.forget("/drafts/a");
    expect(["zh-CN /drafts/a", "en /drafts/a", "zh-CN /drafts/a/v/2?x=1", "zh-CN /drafts/b"].map((k) => cache.fresh(k, 1))).toEqual([null, null, null, "e"]);
  });
});
