/** Conditional GET: answer 304 when the client already holds what we would send. */
import { createHash } from "node:crypto";

export function etagOf(...parts: (string | null | undefined)[]): string {
  return `W/"${createHash("sha1").update(parts.map((p) => p ?? "").join("\u0000")).digest("base64url")}"`;
}

/** Throws a 304 when If-None-Match names this ETag; otherwise returns the caching headers to send. */
export function conditionalGet(request: Request, etag: string): Record<string, string> {
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie, Accept-Language" };
  const inm = request.headers.get("If-None-Match");
  if (inm && inm.split(",").some((t) => t.trim() === etag)) throw new Response(null, { status: 304, headers });
  return headers;
}
