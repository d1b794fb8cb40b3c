/**
 * Sign-in sessions: a random id in a signed, http-only cookie; the session itself lives in the
 * database, so signing out, disabling an account or expiry end it at once.
 */
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { sessions } from "../../db/schema";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const COOKIE_NAME = "minyi_session";

function cookie(secrets: string[], secure: boolean) {
  return createCookie(COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    secrets,
  });
}

export async function startSession(
  db: Executor,
  input: { userId: string; now: Date; userAgent: string | null },
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ id, userId: input.userId, createdAt: input.now, expiresAt, userAgent: input.userAgent?.slice(0, 300) ?? null });
  // Opportunistic clean-up of expired sessions.
  await db.delete(sessions).where(lt(sessions.expiresAt, input.now));
  return { id, expiresAt };
}

export function sessionCookieHeader(secrets: string[], secure: boolean, session: { id: string; expiresAt: Date }) {
  return cookie(secrets, secure).serialize(session.id, { expires: session.expiresAt });
}

export function clearedSessionCookieHeader(secrets: string[], secure: boolean) {
  return cookie(secrets, secure).serialize("", { maxAge: 0 });
}

export async function readSessionId(request: Request, secrets: string[]): Promise<string | null> {
  const value: unknown = await cookie(secrets, false).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The user id of a live session, or null. */
export async function sessionUserId(db: Executor, sessionId: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
  return row?.userId ?? null;
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function endAllSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
