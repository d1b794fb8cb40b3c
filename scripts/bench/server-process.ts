/**
 * Starts a server for a benchmark and stops it: by default the built app (scripts/serve.ts), or
 * another script that serves HTTP the same way (reads PORT, prints "listening on" when ready), such
 * as the intake benchmark's reference server (reference-server.ts).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export async function startServer(env: Record<string, string>, script = "scripts/serve.ts"): Promise<{ url: string; stop: () => Promise<void> }> {
  if (script === "scripts/serve.ts" && !existsSync("build/server/index.js")) throw new Error("Build the app first: npm run build");
  const port = env.PORT ?? "3917";
  const child = spawn(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", script], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: port, NODE_ENV: "production", SEED: "none", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  child.stderr.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${log}`)));
    const poll = setInterval(() => {
      if (log.includes("listening on")) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
