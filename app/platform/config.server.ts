/**
 * The process's configuration, read once from the environment at boot and validated. Everything
 * else receives it as an argument.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  MEILI_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  MEILI_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Prepended to Meilisearch index names (several installations may share one server); "minyi_" when unset. */
  MEILI_INDEX_PREFIX: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9_-]{0,60}$/).optional()),
  SESSION_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional()),
  /** "demo" seeds an empty database with the demo organisation tree, accounts and a draft. */
  SEED: z.preprocess(emptyAsUndefined, z.enum(["demo", "none"]).default("demo")),
  /** Trust X-Forwarded-* from a reverse proxy (for client addresses and https detection). */
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")),
  /**
   * Who drains the search outbox: "server" (every server process, the default) or "separate"
   * (`npm run cli -- search worker` in its own process; PostgreSQL only).
   */
  SEARCH_SYNC: z.preprocess(emptyAsUndefined, z.enum(["server", "separate"]).default("server")),
  /** Server processes sharing the port (PostgreSQL only: PGlite is one process's database). */
  WEB_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(1)),
});

export interface AppConfig {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  /** indexPrefix: undefined means the default, "minyi_" (see search/create-engine.ts). */
  search: { kind: "meilisearch"; url: string; key: string | undefined; indexPrefix?: string } | { kind: "embedded" };
  sessionSecrets: string[];
  seed: "demo" | "none";
  trustProxy: boolean;
  workers: number;
  searchSync: "server" | "separate";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.SEARCH_SYNC === "separate" && !e.DATABASE_URL) {
    throw new ConfigError("Invalid configuration:\n  SEARCH_SYNC: \"separate\" needs DATABASE_URL (the embedded database belongs to the server process, which then drains the outbox itself)");
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dataDir },
    search: e.MEILI_URL ? { kind: "meilisearch", url: e.MEILI_URL, key: e.MEILI_KEY, indexPrefix: e.MEILI_INDEX_PREFIX } : { kind: "embedded" },
    sessionSecrets: [e.SESSION_SECRET ?? localSessionSecret(dataDir)],
    seed: e.SEED,
    trustProxy: e.TRUST_PROXY === "true",
    workers: e.DATABASE_URL ? e.WEB_CONCURRENCY : 1,
    searchSync: e.SEARCH_SYNC,
  };
}

/**
 * Without SESSION_SECRET (the embedded demo), a random secret is made once and kept in the data
 * folder, so sessions survive restarts. Production sets SESSION_SECRET.
 */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
