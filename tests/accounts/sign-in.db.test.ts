import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { auditLog, sessions, users } from "../../db/schema";
import { sessionUserId } from "~/accounts/sessions.server";
import { signIn } from "~/accounts/sign-in.server";
import { createRateLimiter } from "~/platform/rate-limit.server";
import { seedDemoIfEmpty } from "../../scripts/seed/demo";
import { openTestDb } from "../support/test-db";

const PASSWORDS = { admin: "admin-password", officer: "officer-password", staff: "staff-password" };
const now = new Date("2026-11-30T10:00:00Z");
const limiters = (user = 100, ip = 100) => ({ user: createRateLimiter({ limit: user, windowMs: 60_000 }), ip: createRateLimiter({ limit: ip, windowMs: 60_000 }) });
const attempt = (username: string, password: string, clientIp = "127.0.0.1") => ({ username, password, clientIp, userAgent: "test", requestId: "req-1", now });

describe("signing in", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb();
    await seedDemoIfEmpty(h.db, { now, passwords: PASSWORDS });
  });
  afterAll(() => h?.close());

  it("slows down one address guessing many accounts", async () => {
    const limiter = limiters(100, 3);
    for (let i = 0; i < 3; i++) await signIn(h.db, attempt(`user${i}`, "guess-xxxxxxxx", "10.0.2.1"), limiter);
    expect(await signIn(h.db, attempt("officer", PASSWORDS.officer, "10.0.2.1"), limiter)).toMatchObject({ ok: false, error: "rate_limited" });
    expect((await signIn(h.db, attempt("officer", PASSWORDS.officer, "10.0.2.2"), limiter)).ok).toBe(true);
  });

  it("starts a session for the right password, whatever the case of the username", async () => {
    const r = await signIn(h.db, attempt("  Officer ", PASSWORDS.officer), limiters());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await sessionUserId(h.db, r.session.id, now)).toBe(r.userId);
    expect(await sessionUserId(h.db, r.session.id, new Date(r.session.expiresAt.getTime() + 1))).toBeNull();
  });

  it("answers a wrong password and an unknown account the same way, and audits both", async () => {
    const limiter = limiters();
    const wrong = await signIn(h.db, attempt("officer", "nope-nope-nope"), limiter);
    const unknown = await signIn(h.db, attempt("nobody", "nope-nope-nope"), limiter);
    expect(wrong).toEqual({ ok: false, error: "invalid" });
    expect(unknown).toEqual(wrong);
    const failures = await h.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
    expect(failures.map((f) => (f.detail as { username: string }).username)).toEqual(expect.arrayContaining(["officer", "nobody"]));
  });

  it("refuses a disabled account even with the right password", async () => {
    await h.db.update(users).set({ disabledAt: now }).where(eq(users.username, "staff"));
    const r = await signIn(h.db, attempt("staff", PASSWORDS.staff), limiters());
    expect(r).toEqual({ ok: false, error: "invalid" });
    await h.db.update(users).set({ disabledAt: null }).where(eq(users.username, "staff"));
  });

  it("does not count successful sign-ins against an office's shared address", async () => {
    const limiter = limiters(3, 3);
    for (let i = 0; i < 5; i++) expect((await signIn(h.db, attempt("officer", PASSWORDS.officer, "10.0.0.8"), limiter)).ok).toBe(true);
  });

  it("slows down guessing an account: after too many failures even the right password waits", async () => {
    const limiter = limiters(3, 100);
    for (let i = 0; i < 3; i++) await signIn(h.db, attempt("admin", `guess-${i}-xxxxx`, `10.0.1.${i}`), limiter);
    const r = await signIn(h.db, attempt("admin", PASSWORDS.admin, "10.0.0.9"), limiter);
    expect(r).toMatchObject({ ok: false, error: "rate_limited" });
    expect((await signIn(h.db, attempt("officer", PASSWORDS.officer, "10.0.0.9"), limiter)).ok).toBe(true);
    const [admin] = await h.db.select().from(users).where(eq(users.username, "admin"));
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, admin!.id))).toEqual([]);
  });
});
