/** The HTTP layer's pure parts: who is asking (behind a trusted proxy or not), and the middleware chain. */
import { describe, expect, it } from "vitest";
import { chain, type Middleware } from "../../scripts/http/chain";
import { requestOrigin } from "../../scripts/http/forwarded";

describe("requestOrigin", () => {
  const socket = { remoteAddress: "10.0.0.9" };
  const forwarded = { host: "app.internal:3000", "x-forwarded-for": "203.0.113.7, 10.0.0.2", "x-forwarded-proto": "https, http", "x-forwarded-host": "minyi.example.cn" };

  it("ignores X-Forwarded-* unless the proxy is trusted", () => {
    expect(requestOrigin(forwarded, socket, false)).toEqual({ clientIp: "10.0.0.9", protocol: "http", host: "app.internal:3000" });
  });

  it("takes the left-most address, the first protocol and host from a trusted proxy", () => {
    expect(requestOrigin(forwarded, socket, true)).toEqual({ clientIp: "203.0.113.7", protocol: "https", host: "minyi.example.cn" });
  });

  it("falls back to the socket when a trusted proxy sends nothing, and never believes an odd protocol", () => {
    expect(requestOrigin({ host: "a.cn" }, { remoteAddress: "::1", encrypted: true }, true)).toEqual({ clientIp: "::1", protocol: "https", host: "a.cn" });
    expect(requestOrigin({ host: "a.cn", "x-forwarded-proto": "gopher" }, socket, true).protocol).toBe("http");
    expect(requestOrigin({}, {}, false)).toEqual({ clientIp: "unknown", protocol: "http", host: "localhost" });
  });
});

describe("chain", () => {
  const run = (middleware: Middleware[]) =>
    new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      const res = { end: () => resolve([...seen, "ended"]) } as never;
      chain(
        middleware.map((m, i) => (req, r, next) => {
          seen.push(`m${i}`);
          m(req, r, next);
        }),
        async () => {
          seen.push("last");
          resolve(seen);
        },
        (error) => resolve([...seen, `error: ${(error as Error).message}`]),
      )({} as never, res);
    });

  it("runs the middleware in order, then the last handler", async () => {
    expect(await run([(_q, _r, next) => next(), (_q, _r, next) => next()])).toEqual(["m0", "m1", "last"]);
  });

  it("stops where a middleware answers, and reports errors thrown or passed on", async () => {
    expect(await run([(_q, r) => (r as unknown as { end(): void }).end(), (_q, _r, next) => next()])).toEqual(["m0", "ended"]);
    expect(await run([() => { throw new Error("boom"); }])).toEqual(["m0", "error: boom"]);
    expect(await run([(_q, _r, next) => next(new Error("passed"))])).toEqual(["m0", "error: passed"]);
  });

  it("reports a failure of the last handler", async () => {
    const seen = await new Promise<string>((resolve) =>
      chain([], async () => { throw new Error("late"); }, (e) => resolve((e as Error).message))({} as never, {} as never),
    );
    expect(seen).toBe("late");
  });
});
