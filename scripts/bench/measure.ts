/** Small timing helpers for benchmarks: percentiles over samples, and a bounded HTTP load loop. */
import http from "node:http";

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summary(samples: number[]) {
  return {
    n: samples.length,
    min: round(Math.min(...samples)),
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(Math.max(...samples)),
  };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function timeSync(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  statuses: Record<number, number>;
  latency: ReturnType<typeof summary>;
}

type Send = (agent: http.Agent, target: URL, onResponse: (res: http.IncomingMessage) => void) => http.ClientRequest;

/** The load loop both generators share: `next(i)` prepares request i, timed from when it is sent. */
async function run(url: string, options: { concurrency: number; seconds: number; maxRequests?: number }, next: (i: number) => Send): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL(url);
  const deadline = performance.now() + options.seconds * 1000;
  const max = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const send = next(i);
      const t0 = performance.now();
      const req = send(agent, target, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          resolve();
        });
      });
      req.on("error", reject);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, async () => {
    while (performance.now() < deadline && sent < max) await one(sent++);
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latencies.length, seconds: round(seconds), rps: Math.round(latencies.length / seconds), statuses, latency: summary(latencies) };
}

/** POSTs a request built per call (`make(i)`) from `concurrency` keep-alive connections for `seconds`. */
export function loadPost(
  url: string,
  make: (i: number) => { body: string; headers: Record<string, string> },
  options: { concurrency: number; seconds: number },
): Promise<LoadResult> {
  return run(url, options, (i) => {
    const { body, headers } = make(i);
    return (agent, target, onResponse) => {
      const req = http.request(
        { agent, method: "POST", host: target.hostname, port: target.port, path: target.pathname + target.search, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } },
        onResponse,
      );
      req.end(body);
      return req;
    };
  });
}

/** GETs `url` from `concurrency` keep-alive connections for `seconds` (or `maxRequests`), whichever ends first. */
export function load(url: string, options: { concurrency: number; seconds: number; maxRequests?: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const get: Send = (agent, target, onResponse) =>
    http.get({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search, headers: options.headers }, onResponse);
  return run(url, options, () => get);
}
