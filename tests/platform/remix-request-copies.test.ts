/**
 * scripts/patches/@remix-run+server-runtime: an action or loader is handed the request itself when
 * its URL has no query string (Remix copied it twice, a sixth of the public form's throughput);
 * with one, Remix's own parameters (?index, _routes, _data) are still taken out as before.
 * Loaded as the server loads it (the CommonJS build, the patched one).
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { callRouteAction, callRouteLoader } = require(require.resolve("@remix-run/server-runtime/dist/data.js")) as {
  callRouteAction: (args: { loadContext: unknown; action: (a: { request: Request }) => unknown; params: object; request: Request; routeId: string; singleFetch: boolean }) => Promise<unknown>;
  callRouteLoader: (args: { loadContext: unknown; loader: (a: { request: Request }) => unknown; params: object; request: Request; routeId: string; singleFetch: boolean }) => Promise<unknown>;
};

async function seenBy(request: Request, kind: "action" | "loader", singleFetch = true): Promise<Request> {
  let seen: Request | null = null;
  const fn = ({ request: r }: { request: Request }) => {
    seen = r;
    return null;
  };
  if (kind === "action") await callRouteAction({ loadContext: {}, action: fn, params: {}, request, routeId: "r", singleFetch });
  else await callRouteLoader({ loadContext: {}, loader: fn, params: {}, request, routeId: "r", singleFetch });
  return seen!;
}

describe("requests handed to actions and loaders", () => {
  it("are the request itself when the URL has no query string, body and all", async () => {
    const request = new Request("http://x.test/drafts/a/comment", { method: "POST", body: "body=%E6%84%8F%E8%A7%81", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const seen = await seenBy(request, "action");
    expect(seen).toBe(request);
    expect((await seen.formData()).get("body")).toBe("意见");
    expect(await seenBy(new Request("http://x.test/drafts/a"), "loader", false)).toBeInstanceOf(Request);
  });

  it("still lose Remix's own parameters, and keep the others, when there is a query string", async () => {
    const post = new Request("http://x.test/drafts/a/comment?index&_routes=root&q=%E4%B8%AD", { method: "POST", body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const seen = await seenBy(post, "action");
    expect(seen).not.toBe(post);
    expect(new URL(seen.url).search).toBe("?q=%E4%B8%AD");
    expect((await seen.formData()).get("a")).toBe("1");
    expect(new URL((await seenBy(new Request("http://x.test/s?_data=routes%2Fs&k=v"), "loader", false)).url).search).toBe("?k=v");
  });
});
