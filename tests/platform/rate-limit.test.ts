import { describe, expect, it } from "vitest";
import { createRateLimiter } from "~/platform/rate-limit.server";

describe("rate limiter", () => {
  it("allows up to the limit in a window, then says when to retry", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000 });
    expect([1, 2, 3].map(() => limiter.hit("k", 100).allowed)).toEqual([true, true, true]);
    expect(limiter.hit("k", 400)).toEqual({ allowed: false, retryAfterMs: 700 });
    expect(limiter.hit("other", 400).allowed).toBe(true);
  });

  it("starts a new window after the old one ends, and can be reset", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000 });
    limiter.hit("k", 0);
    expect(limiter.hit("k", 999).allowed).toBe(false);
    expect(limiter.hit("k", 1000).allowed).toBe(true);
    limiter.reset("k");
    expect(limiter.hit("k", 1001).allowed).toBe(true);
  });

  it("tells whether a key is blocked without counting", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 });
    expect(limiter.blocked("k", 0).blocked).toBe(false);
    limiter.hit("k", 0);
    limiter.hit("k", 0);
    expect(limiter.blocked("k", 100)).toEqual({ blocked: true, retryAfterMs: 900 });
    expect(limiter.blocked("k", 1000).blocked).toBe(false);
  });

  it("stays bounded under a flood of distinct keys", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) expect(limiter.hit(`ip${i}`, 0).allowed).toBe(true);
  });
});
