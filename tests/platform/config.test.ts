import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "~/platform/config.server";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "minyi-config-"));

describe("configuration", () => {
  it("defaults to PGlite in DATA_DIR, the embedded search engine and port 3000", () => {
    const dir = tmp();
    const c = readConfig({ DATA_DIR: dir });
    expect(c.database).toEqual({ kind: "pglite", dataDir: dir });
    expect(c.search).toEqual({ kind: "embedded" });
    expect(c.port).toBe(3000);
    expect(c.seed).toBe("demo");
  });

  it("uses PostgreSQL and Meilisearch when their URLs are set", () => {
    const c = readConfig({ DATA_DIR: tmp(), DATABASE_URL: "postgres://u@127.0.0.1:5432/minyi", MEILI_URL: "http://127.0.0.1:7700", MEILI_KEY: "k", PORT: "8080" });
    expect(c.database).toEqual({ kind: "postgres", url: "postgres://u@127.0.0.1:5432/minyi" });
    expect(c.search).toEqual({ kind: "meilisearch", url: "http://127.0.0.1:7700", key: "k" });
    expect(c.port).toBe(8080);
  });

  it("runs several server processes only on PostgreSQL", () => {
    expect(readConfig({ DATA_DIR: tmp(), WEB_CONCURRENCY: "4", DATABASE_URL: "postgres://u@127.0.0.1:5432/minyi" }).workers).toBe(4);
    expect(readConfig({ DATA_DIR: tmp(), WEB_CONCURRENCY: "4" }).workers).toBe(1);
    expect(() => readConfig({ DATA_DIR: tmp(), WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
  });

  it("drains the search outbox in the server unless told a separate worker does, which needs PostgreSQL", () => {
    expect(readConfig({ DATA_DIR: tmp() }).searchSync).toBe("server");
    expect(readConfig({ DATA_DIR: tmp(), SEARCH_SYNC: "separate", DATABASE_URL: "postgres://u@127.0.0.1:5432/minyi" }).searchSync).toBe("separate");
    expect(() => readConfig({ DATA_DIR: tmp(), SEARCH_SYNC: "separate" })).toThrow(/SEARCH_SYNC.*DATABASE_URL/);
    expect(() => readConfig({ DATA_DIR: tmp(), SEARCH_SYNC: "sometimes" })).toThrow(/SEARCH_SYNC/);
  });

  it("treats empty variables as unset", () => {
    const c = readConfig({ DATA_DIR: tmp(), DATABASE_URL: "", MEILI_URL: " " });
    expect(c.database.kind).toBe("pglite");
    expect(c.search.kind).toBe("embedded");
  });

  it("keeps a generated session secret in the data folder when none is configured", () => {
    const dir = tmp();
    const first = readConfig({ DATA_DIR: dir }).sessionSecrets[0];
    expect(first).toHaveLength(43);
    expect(readConfig({ DATA_DIR: dir }).sessionSecrets[0]).toBe(first);
    expect(readFileSync(path.join(dir, "session-secret"), "utf8")).toBe(first);
  });

  it("names every invalid variable", () => {
    expect(() => readConfig({ DATA_DIR: tmp(), PORT: "0", DATABASE_URL: "not a url", SESSION_SECRET: "short" })).toThrow(ConfigError);
    try {
      readConfig({ DATA_DIR: tmp(), PORT: "0", DATABASE_URL: "not a url", SESSION_SECRET: "short" });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/SESSION_SECRET/);
    }
  });
});
