/** Conditional GET: answer 304 when the client already holds what we would send. */
import { createHash } from "node:crypto";
import type { ValidatorCache } from "./validator-cache";

export function etagOf(...parts: (string | null | undefined)[]): string {
  return `W/"${createHash("sha1").update(parts.map((p) => p ?? "").join("\u0000")).digest("base64url")}"`;
}

/**
 * Throws a 304 when If-None-Match names this ETag; otherwise returns the caching headers to send.
 * With `remember`, an anonymous visitor's ETag is kept so the next repeat visit is answered early
 * (see scripts/serve.ts and validator-cache.ts).
 */
export function conditionalGet(request: Request, etag: string, remember?: { cache: ValidatorCache; key: string } | null): Record<string, string> {
  remember?.cache.remember(remember.key, etag);
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie, Accept-Language" };
  const inm = request.headers.get("If-None-Match");
  if (inm && inm.split(",").some((t) => t.trim() === etag)) throw new Response(null, { status: 304, headers });
  return headers;
}
