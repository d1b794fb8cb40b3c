/**
 * Starts the built app (npm start's server) on a free port with a fresh PGlite data folder seeded
 * with the demo and known passwords. In CI a missing browser or build is a failure, never a skip.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../scripts/seed/demo";
import { CHROMIUM_PATH } from "./browser";
import { E2E_PASSWORDS } from "./e2e-accounts";


declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    e2eReady: boolean;
    seedIds: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export default async function setup(project: TestProject) {
  const required = process.env.CI === "true" || process.env.E2E === "required";
  const missing = [
    existsSync(CHROMIUM_PATH) ? null : `Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
    existsSync("build/server/index.js") ? null : "the app build (npm run build)",
  ].filter(Boolean);
  if (missing.length > 0) {
    const message = `e2e tests need ${missing.join(" and ")}`;
    if (required) throw new Error(message);
    console.warn(`\n[e2e] SKIPPED: ${message}\n`);
    project.provide("e2eReady", false);
    project.provide("baseUrl", "");
    project.provide("seedIds", "{}");
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "minyi-e2e-"));
  const handle = await createDb({ kind: "pglite", dataDir });
  const seeded = await seedDemoIfEmpty(handle.db, { now: new Date(), passwords: E2E_PASSWORDS, comments: true });
  await handle.close();

  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", SEED: "none", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${log}`)), 60_000);
    server.on("exit", (code) => reject(new Error(`server exited (${code}):\n${log}`)));
    const check = setInterval(() => {
      if (log.includes("listening on")) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
  });
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("e2eReady", true);
  project.provide("seedIds", JSON.stringify(seeded?.ids ?? {}));
  return async () => {
    server.removeAllListeners("exit");
    await new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
      setTimeout(() => { server.kill("SIGKILL"); resolve(); }, 10_000).unref();
    });
    if (process.env.E2E_SERVER_LOG) console.log(log);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
