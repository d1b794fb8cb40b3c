/**
 * scripts/patches/@remix-run+router: the server's route matching keeps its results per route table
 * and pathname. A kept result must be what matching computes afresh, and no caller may change what
 * another one gets. Loaded as Remix's server runtime loads it (the CommonJS build, the patched one).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const { matchRoutes } = require(routerPath) as typeof import("@remix-run/router");

type Route = AgnosticRouteObject;

// The shapes this app's route table has: layouts, index routes, params, optional segments, a splat.
const table: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "drafts", path: "drafts", children: [{ id: "drafts-index", index: true }] },
      { id: "draft", path: "drafts/:slug", children: [{ id: "draft-index", index: true }, { id: "comment", path: "comment" }, { id: "version", path: "v/:seq" }] },
      { id: "compare", path: "drafts/:slug/compare/:range?" },
      { id: "receipt", path: "receipt/:code?" },
      { id: "exact", path: "Admin/Case", caseSensitive: true },
      { id: "files", path: "files/*" },
      { id: "missing", path: "*" },
    ],
  },
];

const PATHS = [
  "/", "/drafts", "/drafts/", "/drafts/personal-information-protection/comment", "/drafts/x/v/3", "/drafts/x/compare",
  "/drafts/x/compare/1...2", "/receipt", "/receipt/MY-7K3-9QF", "/Admin/Case", "/admin/case", "/files/a/b%2Fc/d.txt",
  "/drafts/%E4%B8%AA%E4%BA%BA/comment", "/no/such/page", "//drafts//x",
];

/** The same route objects in a new array: matched afresh, as the table was never seen before. */
const uncached = (pathname: string, basename?: string) => matchRoutes([...table], pathname, basename);

describe("the router patch's match cache", () => {
  it("is applied (patch-package ran on install)", () => {
    expect(readFileSync(routerPath, "utf8")).toContain("__matchCache");
  });

  it("answers a kept pathname as matching afresh does: same params, pathnames and route objects", () => {
    for (const pathname of PATHS) {
      const fresh = uncached(pathname);
      const first = matchRoutes(table, pathname);
      const again = matchRoutes(table, pathname);
      expect(first, pathname).toEqual(fresh);
      expect(again, pathname).toEqual(fresh);
      again?.forEach((m, i) => expect(m.route).toBe(fresh![i]!.route));
    }
    expect(matchRoutes(table, "/drafts/x/v/3")?.at(-1)?.params).toEqual({ slug: "x", seq: "3" });
    expect(matchRoutes(table, "/receipt")?.at(-1)?.params).toEqual({ code: undefined });
  });

  it("keeps results per basename and location form", () => {
    expect(matchRoutes(table, "/app/receipt/A", "/app")).toEqual(uncached("/app/receipt/A", "/app"));
    expect(matchRoutes(table, "/app/receipt/A", "/app")?.at(-1)?.params).toEqual({ code: "A" });
    expect(matchRoutes(table, "/other/receipt/A", "/app")).toBeNull();
    expect(matchRoutes(table, { pathname: "/drafts/y/comment", search: "?provision=art-1" })).toEqual(uncached("/drafts/y/comment"));
  });

  it("gives every caller its own arrays, matches and params, shared within one result as uncached", () => {
    const a = matchRoutes(table, "/drafts/z/v/9")!;
    const fresh = uncached("/drafts/z/v/9")!;
    // Uncached matching gives all the matches of a result one params object; so does the cache.
    expect(new Set(fresh.map((m) => m.params)).size).toBe(1);
    expect(new Set(a.map((m) => m.params)).size).toBe(1);
    (a[0]!.params as Record<string, string>).slug = "changed";
    (a[1] as { pathname: string }).pathname = "/changed";
    a.pop();
    const b = matchRoutes(table, "/drafts/z/v/9")!;
    expect(b).toEqual(fresh);
    expect(b).not.toBe(a);
    expect(b[0]!.params).not.toBe(a[0]!.params);
  });

  it("stays right past its bound (oldest results dropped, then matched again)", () => {
    for (let i = 0; i < 1_500; i++) expect(matchRoutes(table, `/receipt/R${i}`)?.at(-1)?.params).toEqual({ code: `R${i}` });
    expect(matchRoutes(table, "/receipt/R0")).toEqual(uncached("/receipt/R0"));
    expect(matchRoutes(table, "/no/such/page")).toEqual(uncached("/no/such/page"));
  });

  it("keeps no result for one table that another table would get", () => {
    const other: Route[] = [{ id: "only", path: "drafts/:id/comment" }];
    expect(matchRoutes(table, "/drafts/q/comment")?.at(-1)?.route.id).toBe("comment");
    expect(matchRoutes(other, "/drafts/q/comment")?.map((m) => m.route.id)).toEqual(["only"]);
  });
});
