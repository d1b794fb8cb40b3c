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

  it("keeps the newest ETag and forgets the oldest entries beyond its size", () => {
    const cache = createValidatorCache({ ttlMs: 1000, maxEntries: 2 });
    cache.remember("a", "1", 0);
    cache.remember("a", "2", 0);
    cache.remember("b", "3", 0);
    cache.remember("c", "4", 0);
    expect(cache.fresh("a", 1)).toBeNull();
    expect([cache.fresh("b", 1), cache.fresh("c", 1)]).toEqual(["3", "4"]);
  });
});
