/**
 * Remembers, for a few seconds, the ETag last sent for a public page (per path and language), so
 * that the server can answer a repeat visit's If-None-Match with 304 before doing any work. Only
 * for visitors without a session (a signed-in page varies by user). Pages under one namespace
 * (e.g. /drafts/<slug>) are forgotten at once when something on them changes, such as a new
 * comment; otherwise live figures may lag by at most `ttlMs`.
 */
export interface ValidatorCache {
  remember(key: string, etag: string, now?: number): void;
  /** The remembered ETag for `key`, if still fresh. */
  fresh(key: string, now?: number): string | null;
  /** Forgets every page under a path prefix of two segments, e.g. "/drafts/civil-code". */
  forget(namespace: string): void;
}

/** "zh-CN /drafts/civil-code/v/2?x" → "/drafts/civil-code" */
export function namespaceOf(key: string): string {
  const path = key.slice(key.indexOf(" ") + 1).split(/[?#]/)[0] ?? "";
  return path.split("/").slice(0, 3).join("/");
}

export function createValidatorCache(options: { ttlMs: number; maxEntries: number }): ValidatorCache {
  const spaces = new Map<string, Map<string, { etag: string; expires: number }>>();
  let size = 0;
  return {
    remember(key, etag, now = Date.now()) {
      const ns = namespaceOf(key);
      let space = spaces.get(ns);
      if (!space) spaces.set(ns, (space = new Map()));
      if (!space.has(key)) size++;
      space.set(key, { etag, expires: now + options.ttlMs });
      if (size > options.maxEntries) {
        // Drop the oldest namespace: crude, bounded, and only costs some early 304s.
        const [oldest, entries] = spaces.entries().next().value!;
        size -= entries.size;
        spaces.delete(oldest);
      }
    },
    fresh(key, now = Date.now()) {
      const space = spaces.get(namespaceOf(key));
      const entry = space?.get(key);
      if (!entry) return null;
      if (entry.expires <= now) {
        space!.delete(key);
        size--;
        return null;
      }
      return entry.etag;
    },
    forget(namespace) {
      const space = spaces.get(namespace);
      if (!space) return;
      size -= space.size;
      spaces.delete(namespace);
    },
  };
}

/** The cache key of an anonymous request: language and path with query. */
export function validatorKey(pathWithSearch: string, locale: string): string {
  return `${locale} ${pathWithSearch}`;
}
