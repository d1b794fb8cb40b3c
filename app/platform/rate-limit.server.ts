/**
 * A fixed-window rate limiter kept in memory (one process). Enough for the embedded deployment and
 * as a first line in production; a shared store can replace it behind the same interface.
 */
export interface RateLimiter {
  /** Counts one hit for `key`; returns whether it is allowed and, if not, when to retry. */
  hit(key: string, now?: number): { allowed: boolean; retryAfterMs: number };
  /** Whether `key` is over its limit, without counting a hit. */
  blocked(key: string, now?: number): { blocked: boolean; retryAfterMs: number };
  reset(key: string): void;
}

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 50_000;
  return {
    hit(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= options.windowMs) {
        if (windows.size >= maxKeys) prune(windows, now, options.windowMs, maxKeys);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const allowed = w.count <= options.limit;
      return { allowed, retryAfterMs: allowed ? 0 : w.start + options.windowMs - now };
    },
    blocked(key, now = Date.now()) {
      const w = windows.get(key);
      if (!w || now - w.start >= options.windowMs || w.count < options.limit) return { blocked: false, retryAfterMs: 0 };
      return { blocked: true, retryAfterMs: w.start + options.windowMs - now };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

function prune(windows: Map<string, { start: number }>, now: number, windowMs: number, maxKeys: number): void {
  for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
  // Still full of live windows (a flood of distinct keys): start over rather than grow without bound.
  if (windows.size >= maxKeys) windows.clear();
}
