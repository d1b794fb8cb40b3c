/** Password sign-in: one answer for a wrong password and an unknown account, rate-limited. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { recordAudit } from "../platform/audit.server";
import { createRateLimiter, type RateLimiter } from "../platform/rate-limit.server";
import { verifyAgainstNothing, verifyPassword } from "./password.server";
import { startSession } from "./sessions.server";

/**
 * Failed attempts are limited per account name (10 in 15 minutes) and per address (30 in 15
 * minutes: a whole office may share one address). Successful sign-ins do not count.
 */
const WINDOW_MS = 15 * 60 * 1000;
const defaultLimiters = {
  user: createRateLimiter({ limit: 10, windowMs: WINDOW_MS }),
  ip: createRateLimiter({ limit: 30, windowMs: WINDOW_MS }),
};

export type SignInResult =
  | { ok: true; userId: string; session: { id: string; expiresAt: Date } }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rate_limited"; retryAfterMs: number };

export async function signIn(
  db: Db,
  input: { username: string; password: string; clientIp: string; userAgent: string | null; requestId: string; now: Date },
  limiters: { user: RateLimiter; ip: RateLimiter } = defaultLimiters,
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const now = input.now.getTime();
  for (const [limiter, key] of [[limiters.ip, input.clientIp], [limiters.user, username]] as const) {
    const r = limiter.blocked(key, now);
    if (r.blocked) return { ok: false, error: "rate_limited", retryAfterMs: r.retryAfterMs };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.username, username));
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
  if (!user || !valid || user.disabledAt) {
    limiters.ip.hit(input.clientIp, now);
    limiters.user.hit(username, now);
    await recordAudit(db, {
      actorUserId: null,
      action: "auth.sign_in_failed",
      subjectType: "user",
      subjectId: user?.id ?? null,
      detail: { username: username.slice(0, 64) },
      requestId: input.requestId,
      at: input.now,
    });
    return { ok: false, error: "invalid" };
  }
  limiters.user.reset(username);
  const session = await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: input.now }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorUserId: user.id, action: "auth.sign_in", subjectType: "user", subjectId: user.id, requestId: input.requestId, at: input.now });
    return startSession(tx, { userId: user.id, now: input.now, userAgent: input.userAgent });
  });
  return { ok: true, userId: user.id, session };
}
