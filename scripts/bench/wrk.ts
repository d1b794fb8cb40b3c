/**
 * Load from wrk (Debian package `wrk`), a C load generator: on a 2-core machine shared by the
 * server, PostgreSQL and the load, Node's own HTTP client costs the server a large share of a core,
 * so when wrk is installed the benchmarks use it and say so. Per-request bodies come from a Lua
 * `request()` function the caller writes; wrk counts statuses and latency percentiles.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { round, type LoadResult } from "./measure";

export function wrkAvailable(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

/** A Lua string literal holding `s` exactly (bytes escaped as decimal). */
export function luaString(s: string): string {
  return `"${[...Buffer.from(s, "utf8")].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\${b}`)).join("")}"`;
}

const REPORT = `
local threads = {}
local next_id = 0
function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do counts[status] = (counts[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(counts) do table.insert(parts, string.format('"%d":%d', status, n)) end
  io.write(string.format('WRK-JSON {"requests":%d,"micros":%d,"errors":%d,"p50":%d,"p95":%d,"min":%d,"max":%d,"statuses":{%s}}\\n',
    summary.requests, summary.duration, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency.min, latency.max, table.concat(parts, ",")))
end
`;

/**
 * Runs wrk against `url` with `concurrency` connections for `seconds`. `requestLua` must define
 * `request()` (it may use `thread_id`, set per thread, and its own counters).
 */
export async function wrkLoad(url: string, requestLua: string, options: { concurrency: number; seconds: number; threads?: number }): Promise<LoadResult & { errors: number; generator: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "minyi-wrk-"));
  const script = path.join(dir, "load.lua");
  writeFileSync(script, `${REPORT}\n${requestLua}\n`);
  try {
    const threads = options.threads ?? 1;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn("wrk", ["-t", String(threads), "-c", String(options.concurrency), "-d", `${options.seconds}s`, "--timeout", "10s", "-s", script, url], { stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout.on("data", (d: Buffer) => (text += d.toString()));
      child.stderr.on("data", (d: Buffer) => (text += d.toString()));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}:\n${text}`))));
    });
    const line = out.split("\n").find((l) => l.startsWith("WRK-JSON "));
    if (!line) throw new Error(`wrk printed no report:\n${out}`);
    const r = JSON.parse(line.slice("WRK-JSON ".length)) as { requests: number; micros: number; errors: number; p50: number; p95: number; min: number; max: number; statuses: Record<string, number> };
    const seconds = r.micros / 1e6;
    const statuses: Record<number, number> = {};
    for (const [k, v] of Object.entries(r.statuses)) statuses[Number(k)] = v;
    return {
      requests: r.requests,
      seconds: round(seconds),
      rps: Math.round(r.requests / seconds),
      statuses,
      errors: r.errors,
      latency: { n: r.requests, min: round(r.min / 1000), p50: round(r.p50 / 1000), p95: round(r.p95 / 1000), max: round(r.max / 1000) },
      generator: `wrk (${threads} thread${threads === 1 ? "" : "s"})`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
