/** Password sign-in: one answer for a wrong password and an unknown account, rate-limited. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { recordAudit } from "../platform/audit.server";
import { createRateLimiter, type RateLimiter } from "../platform/rate-limit.server";
import { verifyAgainstNothing, verifyPassword } from "./password.server";
import { startSession } from "./sessions.server";

/** 10 attempts per 15 minutes per address and per account name. */
const defaultLimiter = createRateLimiter({ limit: 10, windowMs: 15 * 60 * 1000 });

export type SignInResult =
  | { ok: true; userId: string; session: { id: string; expiresAt: Date } }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rate_limited"; retryAfterMs: number };

export async function signIn(
  db: Db,
  input: { username: string; password: string; clientIp: string; userAgent: string | null; requestId: string; now: Date },
  limiter: RateLimiter = defaultLimiter,
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  for (const key of [`ip:${input.clientIp}`, `user:${username}`]) {
    const r = limiter.hit(key, input.now.getTime());
    if (!r.allowed) return { ok: false, error: "rate_limited", retryAfterMs: r.retryAfterMs };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.username, username));
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
  if (!user || !valid || user.disabledAt) {
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
  limiter.reset(`user:${username}`);
  const session = await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: input.now }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorUserId: user.id, action: "auth.sign_in", subjectType: "user", subjectId: user.id, requestId: input.requestId, at: input.now });
    return startSession(tx, { userId: user.id, now: input.now, userAgent: input.userAgent });
  });
  return { ok: true, userId: user.id, session };
}
