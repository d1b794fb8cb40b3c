/**
 * An anonymous visitor id in a session cookie, used only to limit how fast one browser can send
 * comments (beside the per-address limit). It identifies no one and is never stored with a comment.
 */
import { randomBytes } from "node:crypto";

const NAME = "minyi_visitor";

export function visitorId(request: Request): string | null {
  const m = new RegExp(`(?:^|;\\s*)${NAME}=([A-Za-z0-9_-]{16,64})`).exec(request.headers.get("Cookie") ?? "");
  return m?.[1] ?? null;
}

/** A Set-Cookie header for a new visitor id, or null when the request already has one. */
export function visitorCookie(request: Request, secure: boolean): string | null {
  if (visitorId(request)) return null;
  return `${NAME}=${randomBytes(16).toString("base64url")}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
