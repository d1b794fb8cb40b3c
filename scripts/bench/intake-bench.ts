/**
 * npm run bench -- intake: on real PostgreSQL (DATABASE_URL), the public comment form at 50
 * concurrent connections — accepted comments per second and p95 latency — checked against what
 * the database holds afterwards; then the rows per second of a 100,000-row spreadsheet import.
 * Targets (issue "intake"): ≥ 1,000 comments/s with p95 < 100 ms; import ≥ 20,000 rows/s.
 *
 * The targets are absolute, but this shared machine's speed varies 2–3× between days, so the same
 * run also measures what the machine can do at best on this stack, and reports ours as a share of
 * it (the share is what compares across machines and days): after our server, the same requests
 * for the same seconds go to the reference server (reference-server.ts: bare node:http, one prepared
 * statement per comment) on the same database — `publicForm.shareOfReference`; after the import,
 * the same number of rows goes in with one INSERT … SELECT in a rolled-back transaction
 * (import-ceiling.ts) — `import.shareOfCeiling`.
 */
import { count, eq } from "drizzle-orm";
import { createDb } from "../../db/client";
import { comments } from "../../db/schema";
import { seedDemoIfEmpty } from "../seed/demo";
import { measureImportCeiling } from "./import-ceiling";
import { benchImport } from "./import-bench";
import { loadPost, round } from "./measure";
import { startServer } from "./server-process";
import { luaString, wrkAvailable, wrkLoad } from "./wrk";

export interface IntakeBenchOptions {
  databaseUrl: string;
  seconds: number;
  concurrency: number;
  importRows: number;
  /** Server processes (WEB_CONCURRENCY). */
  workers: number;
  /** Seconds of the same load before each measured run, not counted. */
  warmupSeconds: number;
  /** The load generator: wrk when installed (the lighter one), else Node's http client. */
  generator: "wrk" | "node";
}

function sibling(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const OPINIONS = [
  "建议明确个人信息处理者告知的方式，使用老年人能看懂的语言。",
  "第十三条第一款第（五）项中的“合理的范围”应当由有关部门作出具体规定。",
  "建议增加对未成年人个人信息的特别保护条款，并规定监护人同意的程序。",
  "对于自动化决策，应当赋予个人要求说明和拒绝的权利，并明确救济途径。",
  "建议规定个人信息保护影响评估报告的保存期限不少于三年。",
];

const body = (i: number) => `${OPINIONS[i % OPINIONS.length]}（第${i}份）`;
// Every request from its own address, as behind a proxy: the per-address limit is not what is measured.
const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** Idempotency keys start with `keyPrefix`: our server's and the reference's must not collide. */
function nodeRequest(origin: string, keyPrefix: string) {
  return (i: number) => ({
    body: new URLSearchParams({ idempotencyKey: `${keyPrefix}-${i.toString().padStart(10, "0")}`, provision: `art-${(i % 74) + 1}`, body: body(i), category: "resident" }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, "X-Forwarded-For": address(i) },
  });
}

/** The same requests as `nodeRequest`, built by wrk's Lua (each thread numbers its own). */
function wrkRequests(pathname: string, origin: string, keyPrefix: string): string {
  const enc = (s: string) => new URLSearchParams({ x: s }).toString().slice(2);
  return `
local opinions = { ${OPINIONS.map((o) => luaString(enc(o))).join(", ")} }
local open, close = ${luaString(enc("（第"))}, ${luaString(enc("份）"))}
local counter = 0
function request()
  local i = (thread_id or 0) * 100000000 + counter
  counter = counter + 1
  local body = "idempotencyKey=${keyPrefix}-" .. string.format("%010d", i) .. "&provision=art-" .. ((i % 74) + 1) .. "&body=" .. opinions[(i % ${OPINIONS.length}) + 1] .. open .. i .. close .. "&category=resident"
  local ip = string.format("10.%d.%d.%d", math.floor(i / 65536) % 256, math.floor(i / 256) % 256, i % 256)
  return wrk.format("POST", ${luaString(pathname)}, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Origin"] = ${luaString(origin)}, ["X-Forwarded-For"] = ip }, body)
end
`;
}

/** Drives the comment form at `serverUrl` with wrk (or Node's client) as the options say, for `seconds`. */
async function driveForm(serverUrl: string, keyPrefix: string, options: IntakeBenchOptions, seconds = options.seconds) {
  const target = `${serverUrl}/drafts/personal-information-protection/comment`;
  const origin = serverUrl;
  return options.generator === "wrk" && wrkAvailable()
    ? await wrkLoad(target, wrkRequests(new URL(target).pathname, origin, keyPrefix), { concurrency: options.concurrency, seconds })
    : { ...(await loadPost(target, nodeRequest(origin, keyPrefix), { concurrency: options.concurrency, seconds })), errors: 0, generator: options.generator === "wrk" ? "Node http (wrk is not installed: apt install wrk)" : "Node http" };
}

/**
 * The same load first for `warmupSeconds`, not counted: a fresh Node process runs its first
 * seconds unoptimised (and fills its connection pool), which in a short run is most of its p95.
 * Then the measured run; `stored` counts the comments the database gained during it.
 */
async function measureForm(serverUrl: string, keyPrefix: string, options: IntakeBenchOptions, publicCount: () => Promise<number>) {
  if (options.warmupSeconds > 0) await driveForm(serverUrl, `${keyPrefix}-warm`, options, options.warmupSeconds);
  const before = await publicCount();
  const result = await driveForm(serverUrl, keyPrefix, options);
  return { result, stored: (await publicCount()) - before };
}

const share = (ours: number, best: number) => (best > 0 ? round(ours / best) : null);

export async function benchIntake(options: IntakeBenchOptions) {
  const { default: postgres } = await import("postgres");
  const name = `minyi_bench_${process.pid}`;
  const admin = postgres(sibling(options.databaseUrl, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = sibling(options.databaseUrl, name);
  try {
    const handle = await createDb({ kind: "postgres", url });
    await seedDemoIfEmpty(handle.db, { now: new Date(), passwords: { admin: "bench-admin-1", officer: "bench-officer-1", staff: "bench-staff-1" } });
    const publicCount = async () => (await handle.db.select({ n: count() }).from(comments).where(eq(comments.source, "public")))[0]?.n ?? 0;

    const server = await startServer({ DATABASE_URL: url, TRUST_PROXY: "true", PORT: "3918", WEB_CONCURRENCY: String(options.workers) });
    let form, stored;
    try {
      ({ result: form, stored } = await measureForm(server.url, `bench-${process.pid}`, options, publicCount));
    } finally {
      await server.stop();
    }

    const reference = await startServer({ DATABASE_URL: url, PORT: "3919" }, "scripts/bench/reference-server.ts");
    let floor, referenceStored;
    try {
      ({ result: floor, stored: referenceStored } = await measureForm(reference.url, `reference-${process.pid}`, options, publicCount));
    } finally {
      await reference.stop();
    }

    const importResult = await benchImport(handle.db, { rows: options.importRows });
    await handle.close();
    // After the import, so that its rolled-back rows (dead until vacuumed) cannot slow the import.
    const ceiling = await measureImportCeiling(url, { rows: options.importRows });

    const accepted = form.statuses[302] ?? 0;
    const acceptedPerSecond = Math.round(accepted / form.seconds);
    const referenceAccepted = floor.statuses[302] ?? 0;
    const referencePerSecond = Math.round(referenceAccepted / floor.seconds);
    return {
      database: "PostgreSQL",
      publicForm: {
        concurrency: options.concurrency,
        serverProcesses: options.workers,
        loadGenerator: form.generator,
        connectionErrors: form.errors,
        accepted,
        acceptedPerSecond,
        latency: form.latency,
        statuses: form.statuses,
        storedAfterwards: stored,
        target: "≥ 1,000 comments/s, p95 < 100 ms",
        reference: {
          server: "node:http + one prepared statement (scripts/bench/reference-server.ts), one process",
          connectionErrors: floor.errors,
          accepted: referenceAccepted,
          acceptedPerSecond: referencePerSecond,
          latency: floor.latency,
          statuses: floor.statuses,
          storedAfterwards: referenceStored,
        },
        shareOfReference: share(acceptedPerSecond, referencePerSecond),
      },
      import: {
        ...importResult,
        ceiling: { rowsPerSecond: ceiling.rowsPerSecond, ms: ceiling.ms, perRowForeignKeyChecks: ceiling.perRowForeignKeyChecks },
        shareOfCeiling: share(importResult.commit.rowsPerSecond, ceiling.rowsPerSecond),
      },
    };
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
