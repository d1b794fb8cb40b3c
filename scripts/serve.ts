/**
 * The HTTP server: Express in front of the Remix build, with a request id, security checks, static
 * assets and a load context holding the database and config. On start it migrates the database
 * and, when it is empty, seeds the demo. SIGTERM/SIGINT close connections so the process exits.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { createDb } from "../db/client";
import cluster from "node:cluster";
import { readConfig, type AppConfig } from "../app/platform/config.server";
import { createLineBuffer } from "../app/platform/log-buffer.server";
import { localeFromRequest } from "../app/platform/i18n/locales";
import { createValidatorCache, validatorKey } from "../app/platform/validator-cache";
import { startBackgroundSync } from "../search/background-sync";
import { createSearchEngine } from "../search/create-engine";
import { seedDemoIfEmpty } from "./seed/demo";
import { printCredentials } from "./seed/credentials";

const BUILD_PATH = path.resolve("build/server/index.js");
const ASSETS_DIR = path.resolve("build/client/assets");

/** With WEB_CONCURRENCY > 1 (PostgreSQL only): migrate and seed once, then fork that many servers. */
async function primary(config: AppConfig) {
  const handle = await createDb(config.database);
  if (config.seed === "demo") {
    const seeded = await seedDemoIfEmpty(handle.db, { now: new Date() });
    if (seeded) printCredentials(seeded.credentials);
  }
  await handle.close();
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork({ MINYI_WORKER: "1" });
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`[minyi] server process ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork({ MINYI_WORKER: "1" });
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    }, 50);
    setTimeout(() => process.exit(0), 8_000).unref();
    void check;
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function main() {
  const config = readConfig();
  if (cluster.isPrimary && config.workers > 1) return primary(config);
  const started = Date.now();
  // A forked server process finds the database already migrated by the primary.
  const handle = await createDb(config.database, { migrate: !cluster.isWorker });
  console.log(`[minyi] database ready (${handle.kind === "postgres" ? "PostgreSQL" : `PGlite in ${config.dataDir}`}) in ${Date.now() - started} ms`);

  if (config.seed === "demo" && !process.env.MINYI_WORKER) {
    const seeded = await seedDemoIfEmpty(handle.db, { now: new Date() });
    if (seeded) printCredentials(seeded.credentials);
  }

  // The outbox worker runs in every server process (claims never overlap); only one fills an empty
  // index. With SEARCH_SYNC=separate, `npm run cli -- search worker` does it in its own process.
  const search = createSearchEngine(config.search, handle.db);
  const searchSync = config.searchSync === "server"
    ? startBackgroundSync(handle.db, search, { fillEmptyIndex: !cluster.isWorker || cluster.worker?.id === 1 })
    : { stop: async () => {} };

  let build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  let buildMtime = statSync(BUILD_PATH).mtimeMs;
  const currentBuild = async (): Promise<ServerBuild> => {
    if (config.env !== "development") return build;
    const mtime = statSync(BUILD_PATH).mtimeMs;
    if (mtime !== buildMtime) {
      buildMtime = mtime;
      build = (await import(`${pathToFileURL(BUILD_PATH).href}?t=${mtime}`)) as ServerBuild;
      await broadcastDevReady(build);
    }
    return build;
  };

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.use(compression());

  const accessLog = createLineBuffer();
  process.on("exit", () => accessLog.flush());
  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    const id = config.trustProxy && incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    const t0 = process.hrtime.bigint();
    res.on("finish", () => {
      if (req.path.startsWith("/assets/")) return;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      accessLog.line(JSON.stringify({ level: "info", requestId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }));
    });
    next();
  });

  // Cross-site form posts are refused (cookies are SameSite=Lax too; this covers older browsers).
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.get("origin");
    if (origin && origin !== "null") {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.get("host")) {
        res.status(403).type("text/plain; charset=utf-8").send("Cross-site request refused / 拒绝跨站请求");
        return;
      }
    }
    next();
  });

  app.use("/assets", express.static(ASSETS_DIR, { immutable: true, maxAge: "1y", index: false }));

  // A repeat visit to a public page whose ETag was sent moments ago is answered at once.
  const validators = createValidatorCache({ ttlMs: 2_000, maxEntries: 10_000 });
  app.use((req, res, next) => {
    const inm = req.get("if-none-match");
    if (req.method !== "GET" || !inm || /(?:^|;\s*)minyi_session=/.test(req.get("cookie") ?? "")) return next();
    const etag = validators.fresh(validatorKey(req.originalUrl, localeFromRequest(req.get("cookie") ?? null, req.get("accept-language") ?? null)));
    if (etag && inm.split(",").some((t) => t.trim() === etag)) {
      res.status(304).set({ ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie, Accept-Language" }).end();
      return;
    }
    next();
  });

  app.all(
    "*",
    createRequestHandler({
      // A function makes Remix re-derive its whole route table and static handler on every request
      // (a sixth of a request's CPU under load): only development, which reloads builds, needs that.
      build: config.env === "development" ? currentBuild : build,
      mode: config.env === "development" ? "development" : "production",
      getLoadContext: (req, res) => ({
        db: handle.db,
        config,
        search,
        requestId: res.locals.requestId as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: randomBytes(16).toString("base64"),
        secure: req.secure,
        memo: new Map(),
        validators,
      }),
    }),
  );

  const server = app.listen(config.port, config.host, () => {
    console.log(`[minyi] listening on http://localhost:${config.port} (started in ${Date.now() - started} ms)`);
    if (config.env === "development") void broadcastDevReady(build);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[minyi] ${signal}: closing`);
    server.close();
    server.closeIdleConnections?.();
    setTimeout(() => server.closeAllConnections?.(), 3_000).unref();
    // The worker finishes its batch and stops before the database it writes to is closed.
    searchSync
      .stop()
      .catch((error: unknown) => console.error("[minyi] error while stopping the search sync", error))
      .then(() => handle.close())
      .catch((error: unknown) => console.error("[minyi] error while closing the database", error))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
