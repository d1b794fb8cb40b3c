/**
 * Every string of the Big List of Naughty Strings through every staff field, over HTTP against the
 * running server, as a browser without JavaScript posts them: each answer is a 2xx/3xx or a 4xx
 * with a message, never a 500, and what comes back is text, never live HTML. (The public form's
 * fields get the same treatment at the service level in tests/intake/public-comment.db.test.ts.)
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, e2eReady } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";

const strings: string[] = JSON.parse(readFileSync(new URL("../fixtures/blns.json", import.meta.url), "utf8"));
const LIVE_TAG = /<script|<img|<svg|<iframe|onerror=|onload=/i;

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/sign-in`, {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
    body: new URLSearchParams({ username, password }).toString(),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

/** Posts forms with limited parallelism; returns every status and any body that holds live markup. */
async function postAll(path: string, cookie: string, forms: Record<string, string>[]) {
  const statuses: Record<number, number> = {};
  const leaks: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < forms.length) {
      const form = forms[next++]!;
      const res = await fetch(`${baseUrl()}${path}`, {
        method: "POST", redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl(), Cookie: cookie },
        body: new URLSearchParams(form).toString(),
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const html = await res.text();
      for (const value of Object.values(form)) if (LIVE_TAG.test(value) && html.includes(value)) leaks.push(`${res.status} ${JSON.stringify(value)}`);
    }
  }));
  return { statuses, leaks };
}

describe.skipIf(!e2eReady())("naughty strings in staff forms", () => {
  let cookie: string;
  let draftId: string;
  let contactPointId: string;
  beforeAll(async () => {
    cookie = await signIn("staff", E2E_PASSWORDS.staff);
    const page = await (await fetch(`${baseUrl()}/staff/symposia/new`, { headers: { Cookie: cookie } })).text();
    draftId = /name="draftId"[^>]*value="([0-9a-f-]{36})"|value="([0-9a-f-]{36})"[^>]*>[^<]*个人信息保护法/.exec(page)?.slice(1).find(Boolean) ?? "";
    contactPointId = /name="contactPointId"[^>]*value="([0-9a-f-]{36})"/.exec(page)?.[1] ?? "";
  });

  it("answers every string in every fast-entry field with a page or a field error, never a 500 or live HTML", async () => {
    const valid = { article: "13", body: "意见", proposedText: "", reason: "", name: "", category: "resident", contact: "", saidOn: "2026-11-01" };
    const forms = Object.keys(valid).flatMap((field) => strings.map((s) => ({ ...valid, [field]: s, formKey: randomUUID() })));
    const { statuses, leaks } = await postAll("/staff/entry?draft=personal-information-protection&channel=letter", cookie, forms);
    expect(Object.keys(statuses).map(Number).filter((s) => s >= 500)).toEqual([]);
    const saved = Object.entries(statuses).filter(([code]) => Number(code) >= 300 && Number(code) < 400).reduce((n, [, c]) => n + c, 0);
    expect(saved, JSON.stringify(statuses)).toBeGreaterThan(strings.length);
    expect(statuses[400] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    // What was stored is shown back as text on the entry screen.
    const screen = await (await fetch(`${baseUrl()}/staff/entry?draft=personal-information-protection&channel=letter`, { headers: { Cookie: cookie } })).text();
    for (const s of strings.filter((x) => LIVE_TAG.test(x))) expect(screen.includes(s), s).toBe(false);
    // ~4,000 posts, one at a time through the embedded database: minutes on a slow day.
  }, 900_000);

  it("answers every string in every symposium field likewise", async () => {
    expect(draftId).toMatch(/^[0-9a-f-]{36}$/);
    const valid = { contactPointId, draftId, heldOn: "2026-11-01", place: "社区服务中心", attendance: "12", topic: "" };
    const forms = ["heldOn", "place", "attendance", "topic"].flatMap((field) => strings.map((s) => ({ ...valid, [field]: s })));
    const { statuses, leaks } = await postAll("/staff/symposia/new", cookie, forms);
    expect(Object.keys(statuses).map(Number).filter((s) => s >= 500)).toEqual([]);
    expect(statuses[400] ?? 0).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  }, 600_000);
});
