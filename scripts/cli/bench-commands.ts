import path from "node:path";
import { benchDrafts } from "../bench/drafts-bench";
import { benchIntake } from "../bench/intake-bench";
import { benchSearch } from "../bench/search-bench";
import type { Group } from "./registry";

const defaultCorpus = () => process.env.CORPUS_DIR ?? path.resolve("../shared/corpus");

export const benchGroup: Group = {
  summary: "benchmarks: numbers, not timed tests (run on a quiet machine; compare ratios within one run)",
  commands: {
    drafts: {
      summary: "parse time of the Civil Code; render time and requests/s of its reading page (needs npm run build)",
      usage: "[--seconds N] [--concurrency N] [--corpus DIR] [--json]",
      options: { seconds: { type: "string" }, concurrency: { type: "string" }, corpus: { type: "string" }, json: { type: "boolean" } },
      async run({ values }) {
        const result = await benchDrafts({
          corpusDir: (values.corpus as string | undefined) ?? defaultCorpus(),
          seconds: Number(values.seconds ?? 5),
          concurrency: Number(values.concurrency ?? 16),
        });
        if (values.json) console.log(JSON.stringify(result, null, 2));
        else printDrafts(result);
      },
    },
    intake: {
      summary: "public comment form at 50 connections (comments/s, p95) and a 100,000-row import, on PostgreSQL, each beside this machine's best on the stack (needs DATABASE_URL and npm run build)",
      usage: "[--seconds N] [--warmup N] [--concurrency N] [--rows N] [--workers N] [--generator wrk|node]",
      options: { seconds: { type: "string" }, warmup: { type: "string" }, concurrency: { type: "string" }, rows: { type: "string" }, workers: { type: "string" }, generator: { type: "string" } },
      async run({ values }) {
        const databaseUrl = process.env.DATABASE_URL;
        if (!databaseUrl) {
          console.error("Set DATABASE_URL to a PostgreSQL server: the intake targets are for PostgreSQL. A database is created and dropped beside the one named.");
          return 2;
        }
        const result = await benchIntake({
          databaseUrl,
          seconds: Number(values.seconds ?? 10),
          warmupSeconds: Number(values.warmup ?? 3),
          concurrency: Number(values.concurrency ?? 50),
          importRows: Number(values.rows ?? 100_000),
          workers: Number(values.workers ?? 1),
          generator: values.generator === "node" ? "node" : "wrk",
        });
        console.log(JSON.stringify(result, null, 2));
      },
    },
    search: {
      summary: "index 1,000,000 generated comments in the embedded engine; index time, size, p50/p95 query latency; segmentation MB/s (needs DATABASE_URL)",
      usage: "[--docs N] [--queries N] [--corpus DIR] [--keep] [--reuse DATABASE]",
      options: { docs: { type: "string" }, queries: { type: "string" }, corpus: { type: "string" }, keep: { type: "boolean" }, reuse: { type: "string" } },
      async run({ values }) {
        const databaseUrl = process.env.DATABASE_URL;
        if (!databaseUrl) {
          console.error("Set DATABASE_URL to a PostgreSQL server: the search targets are for 1,000,000 comments on PostgreSQL. A database is created beside the one named (and dropped unless --keep).");
          return 2;
        }
        const result = await benchSearch({
          databaseUrl,
          corpusDir: path.resolve(typeof values.corpus === "string" ? values.corpus : "../shared/corpus"),
          docs: Number(values.docs ?? 1_000_000),
          queries: Number(values.queries ?? 200),
          keep: values.keep === true,
          reuse: typeof values.reuse === "string" ? values.reuse : null,
        });
        console.log(JSON.stringify(result, null, 2));
      },
    },
  },
};

function printDrafts(r: Awaited<ReturnType<typeof benchDrafts>>) {
  const rows: [string, string, string][] = [
    ["parse Civil Code (ms)", `p50 ${r.parse.ms.p50} · p95 ${r.parse.ms.p95}`, r.parse.target],
    ["flatten provisions (ms)", `p50 ${r.flatten.ms.p50} · p95 ${r.flatten.ms.p95}`, ""],
    ["import into database (ms)", String(r.importIntoDatabase.ms), ""],
    ["reading page, first visit (ms)", `${r.page.firstVisitMs} (${Math.round(r.page.bytes / 1024)} KiB)`, ""],
    ["reading page render (ms)", `p50 ${r.render.ms.p50} · p95 ${r.render.ms.p95} (n=${r.render.requests})`, r.render.target],
    [`full pages, ${r.fullPages.concurrency} connections (req/s)`, `${r.fullPages.rps} · p95 ${r.fullPages.latency.p95} ms`, ""],
    [`repeat visits 304, ${r.repeatVisits304.concurrency} connections (req/s)`, `${r.repeatVisits304.rps} · p95 ${r.repeatVisits304.latency.p95} ms`, r.repeatVisits304.target],
  ];
  const w = Math.max(...rows.map((x) => x[0].length));
  console.log(`Drafts benchmark: ${r.corpusFile}, ${r.articles} provisions`);
  for (const [name, value, target] of rows) console.log(`  ${name.padEnd(w)}  ${value}${target ? `   (target ${target})` : ""}`);
}
