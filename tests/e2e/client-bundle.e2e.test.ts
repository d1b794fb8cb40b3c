/** The browser bundle must not carry server code: database drivers, password hashing, search admin keys. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { e2eReady } from "../support/browser";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe.skipIf(!e2eReady())("the client bundle", () => {
  it("holds no postgres, PGlite, drizzle, argon2, Meilisearch, jieba or OpenCC code", () => {
    const js = files("build/client/assets").filter((f) => f.endsWith(".js"));
    expect(js.length).toBeGreaterThan(3);
    const markers = [/electric-sql|PGlite/, /pg_advisory_lock|postgres\.js|sslmode/, /drizzle/i, /argon2/i, /MEILI_KEY|Meilisearch\(/, /SESSION_SECRET|session-secret/, /node-rs\/jieba|opencc/i];
    for (const file of js) {
      const text = readFileSync(file, "utf8");
      for (const marker of markers) expect(text, `${path.basename(file)} contains ${marker}`).not.toMatch(marker);
    }
  });
});
