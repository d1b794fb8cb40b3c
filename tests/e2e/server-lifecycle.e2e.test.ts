/**
 * The README's start path on an empty data folder: migrate, seed once with credentials printed
 * once, serve, stop promptly on SIGTERM, and refuse a second server on the same folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { e2eReady } from "../support/browser";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "minyi-start-"));

function start(port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", SEED: "demo", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("listening on")) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited before listening:\n${output}`));
    });
  });
  // A server that is expected to refuse never listens: that rejection is not an error by itself.
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => output };
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  const t0 = Date.now();
  child.kill("SIGTERM");
  const code = await exited;
  return { code, ms: Date.now() - t0 };
}

describe.skipIf(!e2eReady())("starting and stopping the server", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("seeds an empty folder once, prints the credentials once, and exits promptly on SIGTERM", async () => {
    const first = start(3901);
    await first.listening;
    expect(first.output()).toMatch(/admin\s+\S+-\S+-\S+/);
    const res = await fetch("http://127.0.0.1:3901/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("个人信息保护法");

    const second = start(3902);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another process/);

    const stopped = await stop(first.child, first.exited);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5_000);

    const again = start(3903);
    await again.listening;
    expect(again.output()).not.toMatch(/demo accounts/);
    expect((await stop(again.child, again.exited)).code).toBe(0);
  });
});
