/**
 * The server's HTTP layer (scripts/serve.ts on node:http) as a client sees it, without a browser:
 * Remix's status and headers pass through, static assets are cached and compressed, cross-site
 * posts are refused, several cookies survive, and a client that leaves early harms no one.
 */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { baseUrl, e2eReady } from "../support/browser";

describe.skipIf(!e2eReady())("the HTTP layer", () => {
  it("passes Remix's status and headers through, compressed when asked", async () => {
    const res = await fetch(`${baseUrl()}/`, { headers: { "Accept-Encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.text()).toContain("民意");
    const missing = await fetch(`${baseUrl()}/drafts/no-such-draft`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("serves built assets for a year, and lets Remix answer for a missing one", async () => {
    const page = await (await fetch(`${baseUrl()}/`)).text();
    const asset = page.match(/\/assets\/[^"]+\.css/)?.[0];
    expect(asset).toBeTruthy();
    const res = await fetch(`${baseUrl()}${asset}`, { headers: { "Accept-Encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toMatch(/^text\/css/);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect((await fetch(`${baseUrl()}/assets/not-built-9.js`)).status).toBe(404);
  });

  it("answers HEAD without a body", async () => {
    const res = await fetch(`${baseUrl()}/drafts`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("refuses a form posted from another site, in both languages", async () => {
    const res = await fetch(`${baseUrl()}/drafts/personal-information-protection/comment`, {
      method: "POST", headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" }, body: "body=x",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("Cross-site request refused / 拒绝跨站请求");
  });

  it("keeps every Set-Cookie of a response apart", async () => {
    // Switching the language as a new visitor sets the locale cookie; the comment page sets the visitor cookie.
    const lang = await fetch(`${baseUrl()}/lang`, {
      method: "POST", redirect: "manual", headers: { Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" }, body: "locale=en&redirectTo=%2F",
    });
    expect(lang.status).toBe(302);
    const cookies = lang.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThanOrEqual(1);
    for (const c of cookies) expect(c).toMatch(/^[a-z_]+=[^,]*;/);
  });

  it("goes on serving after a client leaves in the middle of sending a form", async () => {
    await new Promise<void>((resolve) => {
      const url = new URL(`${baseUrl()}/drafts/personal-information-protection/comment`);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "100000", Origin: baseUrl() } });
      req.on("error", () => resolve());
      req.write("body=");
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    expect((await fetch(`${baseUrl()}/drafts`)).status).toBe(200);
  });
});
