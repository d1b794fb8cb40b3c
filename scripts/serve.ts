/**
 * The HTTP server: node:http in front of the Remix build (scripts/http: compression, a request id,
 * the same-site check, static assets, quick 304s, then Remix with a load context holding the
 * database and config). On start it migrates the database
 * and, when it is empty, seeds the demo. SIGTERM/SIGINT close connections so the process exits.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { broadcastDevReady, createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import serveStatic from "serve-static";
import { createDb } from "../db/client";
import cluster from "node:cluster";
import { readConfig, type AppConfig } from "../app/platform/config.server";
import { createLineBuffer } from "../app/platform/log-buffer.server";
import { localeFromRequest } from "../app/platform/i18n/locales";
import { createValidatorCache, validatorKey } from "../app/platform/validator-cache";
import { startBackgroundSync } from "../search/background-sync";
import { chain, type Middleware } from "./http/chain";
import { requestOrigin } from "./http/forwarded";
import { remixRequest, sendRemixResponse } from "./http/remix-bridge";
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

  const accessLog = createLineBuffer();
  process.on("exit", () => accessLog.flush());
  const requestIds = new WeakMap<IncomingMessage, string>();

  // Every request gets an id (a trusted proxy's, or a new one), echoed back and logged with its outcome.
  const requestId: Middleware = (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const id = config.trustProxy && typeof incoming === "string" && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    requestIds.set(req, id);
    res.setHeader("X-Request-Id", id);
    const t0 = process.hrtime.bigint();
    res.on("finish", () => {
      const pathname = (req.url ?? "/").split("?", 1)[0]!;
      if (pathname.startsWith("/assets/")) return;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      accessLog.line(JSON.stringify({ level: "info", requestId: id, method: req.method, path: pathname, status: res.statusCode, ms: Math.round(ms * 10) / 10 }));
    });
    next();
  };

  // Cross-site form posts are refused (cookies are SameSite=Lax too; this covers older browsers).
  const sameSite: Middleware = (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.headers.origin;
    if (origin && origin !== "null") {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.headers.host) {
        res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Cross-site request refused / 拒绝跨站请求");
        return;
      }
    }
    next();
  };

  // Built assets have content hashes in their names: cached for a year.
  const serveAssets = serveStatic(ASSETS_DIR, { immutable: true, maxAge: "1y", index: false });
  const assets: Middleware = (req, res, next) => {
    const url = req.url ?? "/";
    if (!url.startsWith("/assets/")) return next();
    req.url = url.slice("/assets".length);
    serveAssets(req, res, () => {
      req.url = url;
      next();
    });
  };

  // A repeat visit to a public page whose ETag was sent moments ago is answered at once.
  const validators = createValidatorCache({ ttlMs: 2_000, maxEntries: 10_000 });
  const freshValidator: Middleware = (req, res, next) => {
    const inm = req.headers["if-none-match"];
    const cookie = req.headers.cookie ?? "";
    if (req.method !== "GET" || !inm || /(?:^|;\s*)minyi_session=/.test(cookie)) return next();
    const etag = validators.fresh(validatorKey(req.url ?? "/", localeFromRequest(cookie || null, req.headers["accept-language"] ?? null)));
    if (etag && inm.split(",").some((t) => t.trim() === etag)) {
      res.writeHead(304, { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie, Accept-Language" }).end();
      return;
    }
    next();
  };

  // A function makes Remix re-derive its whole route table and static handler on every request
  // (a sixth of a request's CPU under load): only development, which reloads builds, needs that.
  const mode = config.env === "development" ? "development" : "production";
  const handleRemix = createRequestHandler(build, mode);
  const remix = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = requestOrigin(req.headers, req.socket as { remoteAddress?: string; encrypted?: boolean }, config.trustProxy);
    const handler = mode === "development" ? createRequestHandler(await currentBuild(), mode) : handleRemix;
    let cspNonce: string | undefined;
    const context: AppLoadContext = {
      db: handle.db,
      config,
      search,
      requestId: requestIds.get(req) ?? randomUUID(),
      clientIp: origin.clientIp,
      // Drawn when a page is rendered: a form post answered by a redirect has no use for it (its
      // random bytes were a hundredth of the public form's CPU).
      get cspNonce() {
        return (cspNonce ??= randomBytes(16).toString("base64"));
      },
      secure: origin.protocol === "https",
      memo: new Map(),
      validators,
    };
    await sendRemixResponse(res, await handler(remixRequest(req, res, origin), context));
  };

  const onError = (error: unknown, req: IncomingMessage, res: ServerResponse) => {
    console.error(JSON.stringify({ level: "error", requestId: requestIds.get(req), msg: "request failed", error: error instanceof Error ? error.message : String(error) }));
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Server error / 服务器错误");
    else res.destroy();
  };

  const server = createServer(chain([compression() as Middleware, requestId, sameSite, assets, freshValidator], remix, onError));
  server.listen(config.port, config.host, () => {
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
