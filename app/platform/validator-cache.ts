/**
 * Remembers, for a few seconds, the ETag last sent for a public page (per path and language), so
 * that the server can answer a repeat visit's If-None-Match with 304 before doing any work. Only
 * for visitors without a session (a signed-in page varies by user). Live figures on such pages
 * may therefore lag by at most `ttlMs`.
 */
export interface ValidatorCache {
  remember(key: string, etag: string, now?: number): void;
  /** The remembered ETag for `key`, if still fresh. */
  fresh(key: string, now?: number): string | null;
}

export function createValidatorCache(options: { ttlMs: number; maxEntries: number }): ValidatorCache {
  const entries = new Map<string, { etag: string; expires: number }>();
  return {
    remember(key, etag, now = Date.now()) {
      entries.delete(key);
      entries.set(key, { etag, expires: now + options.ttlMs });
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
    },
    fresh(key, now = Date.now()) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires <= now) {
        entries.delete(key);
        return null;
      }
      return entry.etag;
    },
  };
}

/** The cache key of an anonymous request: path with query, and language. */
export function validatorKey(pathWithSearch: string, locale: string): string {
  return `${locale} ${pathWithSearch}`;
}
