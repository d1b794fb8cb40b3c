/**
 * How routes learn who is asking and whether they may: `currentUser` (memoised per request),
 * `requireUser` (redirects to sign-in) and `authorize` (403 unless the policy allows).
 */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { can, type Action, type Principal, type Scope } from "./policy";
import { loadPrincipal } from "./principal.server";
import { readSessionId, sessionUserId } from "./sessions.server";

export function currentUser(request: Request, context: AppLoadContext): Promise<Principal | null> {
  const cached = context.memo.get("principal") as Promise<Principal | null> | undefined;
  if (cached) return cached;
  const promise = (async () => {
    const sessionId = await readSessionId(request, context.config.sessionSecrets);
    if (!sessionId) return null;
    const userId = await sessionUserId(context.db, sessionId, new Date());
    return userId ? loadPrincipal(context.db, userId) : null;
  })();
  context.memo.set("principal", promise);
  return promise;
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<Principal> {
  const user = await currentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** Throws a 403 response unless `user` may do `action` in `scope`. */
export function authorize(user: Principal | null, action: Action, scope?: Scope): void {
  if (!can(user, action, scope)) throw data({ reason: "forbidden" }, { status: 403 });
}

/** Requires a signed-in user who may do `action` (in `scope`). */
export async function requirePermission(request: Request, context: AppLoadContext, action: Action, scope?: Scope): Promise<Principal> {
  const user = await requireUser(request, context);
  authorize(user, action, scope);
  return user;
}

/** Only same-site relative paths, never "//evil.example". */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
