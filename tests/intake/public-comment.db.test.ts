import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { commenters, comments, consultations, outbox } from "../../db/schema";
import { submitPublicCommentForm, type SubmitContext } from "~/intake/public-comment.server";
import { findReceipt } from "~/intake/receipts.server";
import { isBlank } from "~/intake/text-rules";
import { forgetCommentTargets } from "~/intake/comment-target.server";
import { createRateLimiter } from "~/platform/rate-limit.server";
import { seedDemoIfEmpty } from "../../scripts/seed/demo";
import { openTestDb } from "../support/test-db";

const SLUG = "personal-information-protection";
const now = new Date();
const roomy = () => ({ ip: createRateLimiter({ limit: 1e9, windowMs: 1000 }), visitor: createRateLimiter({ limit: 1e9, windowMs: 1000 }) });
const ctx = (over: Partial<SubmitContext> = {}): SubmitContext => ({ now, clientIp: "10.1.2.3", visitorId: null, secret: "s".repeat(32), limiters: roomy(), ...over });
let n = 0;
const key = () => `test-key-${(++n).toString().padStart(12, "0")}`;
function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries({ idempotencyKey: key(), category: "resident", body: "建议写明告知的方式。", ...fields })) f.append(k, v);
  return f;
}

describe("public comments", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb();
    await seedDemoIfEmpty(h.db, { now, passwords: { admin: "a".repeat(12), officer: "o".repeat(12), staff: "s".repeat(12) } });
  });
  afterAll(() => h?.close());

  it("records a comment on an article durably, with a receipt code, an outbox message and consented contact details", async () => {
    const { result } = await submitPublicCommentForm(h.db, SLUG, form({
      provision: "art-13", body: "第十三条第一款第（五）项的“合理的范围”应当写清楚。", proposedText: "在合理的范围内处理个人信息", reason: "避免滥用",
      name: "张三", phone: "１３８ １２３４－５６７８", email: "zhang@example.com", consent: "on", region: "杭州市桐庐县",
    }), ctx());
    expect(result).toMatchObject({ ok: true, value: { pending: false } });
    if (!result.ok) return;
    expect(result.value.receiptCode).toMatch(/^MY-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
    const [c] = await h.db.select().from(comments).where(eq(comments.receiptCode, result.value.receiptCode));
    expect(c).toMatchObject({ provisionKey: "art-13", source: "public", channel: "online", category: "resident", moderationStatus: "approved", region: "杭州市桐庐县", proposedText: "在合理的范围内处理个人信息" });
    expect(c!.bodyText).toBe("第十三条第一款第（五）项的“合理的范围”应当写清楚。");
    const [who] = await h.db.select().from(commenters).where(eq(commenters.id, c!.commenterId!));
    expect(who).toMatchObject({ name: "张三", phone: "13812345678", email: "zhang@example.com", consentVersion: "2026-11" });
    expect(who!.retainUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const messages = await h.db.select().from(outbox).where(eq(outbox.aggregateId, c!.id));
    expect(messages).toMatchObject([{ topic: "comment.changed", aggregateType: "comment" }]);
  });

  it("keeps no personal data without consent, and asks for it next to the box", async () => {
    const before = await h.db.select({ n: count() }).from(commenters);
    const { result } = await submitPublicCommentForm(h.db, SLUG, form({ name: "李四", phone: "13800000000" }), ctx());
    expect(result).toEqual({ ok: false, error: "invalid", fieldErrors: { consent: { key: "comment.consentRequired" } } });
    expect(await h.db.select({ n: count() }).from(commenters)).toEqual(before);
  });

  it("refuses blank and zero-width-only opinions, bad phones and unknown articles, each next to its field", async () => {
    for (const body of ["", "   ", "\u200b\u200b", "\u3000\ufeff"]) {
      const { result } = await submitPublicCommentForm(h.db, SLUG, form({ body }), ctx());
      expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { body: { key: "errors.required" } } });
    }
    expect((await submitPublicCommentForm(h.db, SLUG, form({ phone: "12345", consent: "on" }), ctx())).result).toMatchObject({ fieldErrors: { phone: { key: "errors.phone" } } });
    expect((await submitPublicCommentForm(h.db, SLUG, form({ provision: "art-9999" }), ctx())).result).toMatchObject({ fieldErrors: { provision: { key: "comment.provisionUnknown" } } });
    expect((await submitPublicCommentForm(h.db, SLUG, form({ body: "长".repeat(10_001) }), ctx())).result).toMatchObject({ fieldErrors: { body: { key: "errors.tooLong" } } });
  });

  it("stores what people wrote exactly: no NFC, compatibility ideographs and emoji survive", async () => {
    const text = "\uF900\uFA10 與 豈 — 👩‍👩‍👧 e\u0301";
    const { result } = await submitPublicCommentForm(h.db, SLUG, form({ body: text, proposedText: text, reason: text }), ctx());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [c] = await h.db.select().from(comments).where(eq(comments.receiptCode, result.value.receiptCode));
    expect([c!.bodyText, c!.proposedText, c!.reason]).toEqual([text, text, text]);
  });

  it("holds comments for review under pre-moderation", async () => {
    await h.db.update(consultations).set({ moderation: "pre" });
    forgetCommentTargets();
    const { result } = await submitPublicCommentForm(h.db, SLUG, form({}), ctx());
    await h.db.update(consultations).set({ moderation: "post" });
    forgetCommentTargets();
    expect(result).toMatchObject({ ok: true, value: { pending: true } });
    if (!result.ok) return;
    const [c] = await h.db.select().from(comments).where(eq(comments.receiptCode, result.value.receiptCode));
    expect(c!.moderationStatus).toBe("pending");
  });

  it("says the consultation is closed outside its window, and records nothing", async () => {
    const [c] = await h.db.select().from(consultations).limit(1);
    const later = new Date(c!.closesAt.getTime() + 1000);
    const before = await h.db.select({ n: count() }).from(comments);
    expect((await submitPublicCommentForm(h.db, SLUG, form({}), ctx({ now: later }))).result).toEqual({ ok: false, error: "closed" });
    expect((await submitPublicCommentForm(h.db, SLUG, form({}), ctx({ now: new Date(c!.opensAt.getTime() - 1000) }))).result).toEqual({ ok: false, error: "closed" });
    expect(await h.db.select({ n: count() }).from(comments)).toEqual(before);
  });

  it("turns away software that fills the hidden field, and limits how fast one browser sends", async () => {
    expect((await submitPublicCommentForm(h.db, SLUG, form({ website: "http://spam.example" }), ctx())).result).toEqual({ ok: false, error: "spam" });
    const limiters = { ip: createRateLimiter({ limit: 100, windowMs: 60_000 }), visitor: createRateLimiter({ limit: 3, windowMs: 60_000 }) };
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await submitPublicCommentForm(h.db, SLUG, form({}), ctx({ visitorId: "visitor-aaaaaaaaaaaa", limiters }))).result);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ error: "rate_limited" });
  });

  it("limits how fast one address sends, whatever browser it claims, and records nothing it turns away", async () => {
    const limiters = { ip: createRateLimiter({ limit: 2, windowMs: 60_000 }), visitor: createRateLimiter({ limit: 100, windowMs: 60_000 }) };
    const before = await h.db.select({ n: count() }).from(comments);
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push((await submitPublicCommentForm(h.db, SLUG, form({}), ctx({ clientIp: "10.9.9.9", visitorId: `visitor-${i}-aaaaaaaaaaaa`, limiters }))).result);
    }
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ error: "rate_limited", retryAfterMs: expect.any(Number) });
    expect((await submitPublicCommentForm(h.db, SLUG, form({ website: "x" }), ctx())).result).toEqual({ ok: false, error: "spam" });
    const [{ n: after } = { n: 0 }] = await h.db.select({ n: count() }).from(comments);
    expect(after - before[0]!.n).toBe(2);
  });

  it("answers a retry of a submission that went through with its receipt, even over the limit", async () => {
    const limiters = { ip: createRateLimiter({ limit: 1, windowMs: 60_000 }), visitor: createRateLimiter({ limit: 100, windowMs: 60_000 }) };
    const f = form({ body: "网络断了，浏览器又提交了一次。" });
    const first = (await submitPublicCommentForm(h.db, SLUG, f, ctx({ clientIp: "10.8.8.8", limiters }))).result;
    const retry = (await submitPublicCommentForm(h.db, SLUG, f, ctx({ clientIp: "10.8.8.8", limiters }))).result;
    expect(first.ok && retry.ok && retry.value.receiptCode).toBe(first.ok && first.value.receiptCode);
    expect((await submitPublicCommentForm(h.db, SLUG, form({}), ctx({ clientIp: "10.8.8.8", limiters }))).result).toMatchObject({ ok: false, error: "rate_limited" });
  });

  it("looks up a receipt by its code: what was said, on which clause, its status, and no personal data", async () => {
    const { result } = await submitPublicCommentForm(h.db, SLUG, form({
      provision: "art-13", body: "回执上应当看得到这条意见。", proposedText: "写明告知方式", reason: "便于理解",
      name: "赵六", phone: "13911112222", email: "zhao@example.com", consent: "on",
    }), ctx());
    if (!result.ok) throw new Error(result.error);
    const receipt = await findReceipt(h.db, result.value.receiptCode);
    expect(receipt).toMatchObject({
      code: result.value.receiptCode, draft: { slug: SLUG }, clause: { key: "art-13", label: "第十三条" }, channel: "online",
      proposedText: "写明告知方式", reason: "便于理解", moderation: { status: "approved", reason: null }, processing: "received", adoption: null,
    });
    expect(receipt!.bodyHtml).toContain("回执上应当看得到这条意见。");
    const shown = JSON.stringify(receipt);
    for (const secret of ["赵六", "13911112222", "zhao@example.com"]) expect(shown).not.toContain(secret);
    expect(await findReceipt(h.db, "MY-000-000")).toBeNull();
  });

  it("makes one comment and one receipt of 200 parallel submissions with one idempotency key", async () => {
    const f = form({ body: "同一份意见，连点了很多次提交。" });
    const idempotencyKey = f.get("idempotencyKey") as string;
    const results = await Promise.all(Array.from({ length: 200 }, () => submitPublicCommentForm(h.db, SLUG, f, ctx())));
    const codes = new Set(results.map(({ result }) => (result.ok ? result.value.receiptCode : `error:${result.error}`)));
    expect(codes.size).toBe(1);
    expect([...codes][0]).toMatch(/^MY-/);
    expect(await h.db.select({ n: count() }).from(comments).where(eq(comments.idempotencyKey, idempotencyKey))).toEqual([{ n: 1 }]);
  });

  it("keeps no stray personal data when copies of one submission race", async () => {
    const before = await h.db.select({ n: count() }).from(commenters);
    const f = form({ name: "王五", phone: "13900001111", consent: "on" });
    const results = await Promise.all(Array.from({ length: 30 }, () => submitPublicCommentForm(h.db, SLUG, f, ctx())));
    expect(new Set(results.map(({ result }) => (result.ok ? result.value.receiptCode : "x"))).size).toBe(1);
    const after = await h.db.select({ n: count() }).from(commenters);
    expect(after[0]!.n - before[0]!.n).toBe(1);
  });

  it("records exactly 1,000 comments from 1,000 parallel distinct submissions", async () => {
    const [{ n: before } = { n: 0 }] = await h.db.select({ n: count() }).from(comments);
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => submitPublicCommentForm(h.db, SLUG, form({ body: `第${i}份意见` }), ctx())));
    expect(results.filter(({ result }) => result.ok)).toHaveLength(1000);
    expect(new Set(results.map(({ result }) => (result.ok ? result.value.receiptCode : ""))).size).toBe(1000);
    const [{ n: after } = { n: 0 }] = await h.db.select({ n: count() }).from(comments);
    expect(after - before).toBe(1000);
  }, 120_000);

  it("answers every naughty string in every field with a field error or stores it exactly, never HTML", async () => {
    const strings: string[] = JSON.parse(readFileSync(new URL("../fixtures/blns.json", import.meta.url), "utf8"));
    const fields = ["body", "proposedText", "reason", "region", "name", "phone", "email", "category", "provision", "idempotencyKey", "consent", "bodyJson"] as const;
    let stored = 0;
    let refused = 0;
    for (const field of fields) {
      for (const s of strings) {
        const extra: Record<string, string> = { [field]: s };
        if (["name", "phone", "email"].includes(field)) extra.consent = "on";
        const { result } = await submitPublicCommentForm(h.db, SLUG, form(extra), ctx());
        if (!result.ok) {
          expect(["invalid", "spam"], `${field}: ${JSON.stringify(s)}`).toContain(result.error);
          refused++;
          continue;
        }
        stored++;
        const [c] = await h.db.select().from(comments).where(eq(comments.receiptCode, result.value.receiptCode));
        if (field === "body") {
          expect(c!.bodyText).toBe(s);
          expect(c!.bodyHtml).not.toMatch(/<(?!\/?(p|br|strong|em|u)>)/);
        }
        // An empty optional field is "not given".
        if (field === "proposedText" || field === "reason" || field === "region") expect(c![field]).toBe(isBlank(s) ? null : s);
      }
    }
    expect(stored).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(0);
  }, 300_000);
});
