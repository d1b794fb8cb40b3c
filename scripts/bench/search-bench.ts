/**
 * npm run bench -- search: on real PostgreSQL (DATABASE_URL), indexes N generated comments (default
 * 1,000,000; search-corpus.ts builds them from the law corpus) through the embedded engine, then
 * prints index time, index size and p50/p95 query latency for frequent and rare terms, with and
 * without facets, plus article-reference queries; and segmentation throughput.
 * Targets (issue "search"): p95 < 50 ms at 1M comments; segmentation ≥ 5 MB/s.
 *
 * Query terms are chosen from the generated text itself: "frequent" terms are in 5–40 % of comments,
 * "rare" ones in about 1 in 10,000 (document frequency measured on a sample); only words a query
 * reads back as themselves, and no bare numerals.
 */
import { sql } from "drizzle-orm";
import { createDb, type Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { FACETS, type SearchEngine, type SearchRequest } from "../../search/engine";
import { createPostgresEngine } from "../../search/postgres-engine";
import { indexTerms, queryTerms } from "../../search/tokenize";
import { round, summary } from "./measure";
import { commentFactory, loadLawDrafts, seeded } from "./search-corpus";
import { benchSegmentation } from "./segmentation-bench";

export interface SearchBenchOptions {
  databaseUrl: string;
  corpusDir: string;
  docs: number;
  /** Timed runs per query kind (spread over the chosen terms). */
  queries: number;
  /** Keep the database afterwards (its name is printed); with `reuse`, index only what is missing. */
  keep: boolean;
  reuse: string | null;
}

const BATCH = 2_000;

function sibling(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const CJK_WORD = /^[\u4e00-\u9fff]{2,}$/;
const NUMERALS_ONLY = /^[零一二三四五六七八九十百千万亿两]+$/;
/** A word a person would type, that a query reads back as that very word. */
const typable = (t: string) => CJK_WORD.test(t) && !NUMERALS_ONLY.test(t) && queryTerms(t).join(" ") === t;

/** Terms by document frequency over a sample of the generated comments. */
function chooseTerms(make: (i: number) => { body: string }, docs: number) {
  const sample = Math.min(docs, 40_000);
  const pick = seeded(7);
  const df = new Map<string, number>();
  for (let k = 0; k < sample; k++) {
    for (const t of new Set(indexTerms(make(pick.int(docs)).body))) if (typable(t)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const share = (t: string) => df.get(t)! / sample;
  const all = [...df.keys()].sort();
  const frequent = all.filter((t) => share(t) >= 0.05 && share(t) <= 0.4).sort((a, b) => share(b) - share(a)).slice(0, 12);
  const rare = all.filter((t) => df.get(t) === 4 || df.get(t) === 5).slice(0, 40);
  return {
    frequent: frequent.map((t) => ({ term: t, share: round(share(t) * 100, 1) })),
    rare: rare.map((t) => ({ term: t, share: round(share(t) * 100, 3) })),
  };
}

async function timeQueries(engine: SearchEngine, requests: SearchRequest[], runs: number) {
  for (const r of requests.slice(0, Math.min(requests.length, 5))) await engine.search(r); // warm-up
  const ms: number[] = [];
  let hits = 0;
  let exact = 0;
  for (let i = 0; i < runs; i++) {
    const request = requests[i % requests.length]!;
    const t0 = performance.now();
    const result = await engine.search(request);
    ms.push(performance.now() - t0);
    hits += result.total;
    if (result.totalIsExact) exact++;
  }
  return { ms: summary(ms), meanTotal: Math.round(hits / runs), exactTotals: `${exact}/${runs}` };
}

async function indexAll(db: Db, engine: SearchEngine, make: (i: number) => Parameters<SearchEngine["index"]>[0][number], docs: number) {
  const [{ n: already } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_documents where kind = 'comment'`);
  const from = already;
  const started = performance.now();
  let lastReport = started;
  for (let i = from; i < docs; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, docs - i) }, (_, k) => make(i + k));
    await engine.index(batch);
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const done = i + batch.length - from;
      process.stderr.write(`search bench: indexed ${i + batch.length}/${docs} (${Math.round(done / ((lastReport - started) / 1000))} docs/s)\n`);
    }
  }
  const ms = performance.now() - started;
  return { indexed: docs - from, ms: Math.round(ms), docsPerSecond: docs > from ? Math.round((docs - from) / (ms / 1000)) : null, alreadyIndexed: from };
}

export async function benchSearch(options: SearchBenchOptions) {
  const { default: postgres } = await import("postgres");
  const admin = postgres(sibling(options.databaseUrl, "postgres"), { max: 1, onnotice: () => {} });
  const name = options.reuse ?? `minyi_search_bench_${process.pid}`;
  if (!options.reuse) await admin.unsafe(`create database "${name}"`);
  const keep = options.keep || !!options.reuse;
  try {
    const segmentation = await benchSegmentation({ corpusDir: options.corpusDir, seconds: 3 });
    const handle = await createDb({ kind: "postgres", url: sibling(options.databaseUrl, name) });
    try {
      const engine = createPostgresEngine(handle.db);
      await engine.ensureReady();
      const factory = commentFactory(loadLawDrafts(options.corpusDir));
      const indexing = await indexAll(handle.db, engine, factory.make, options.docs);
      await handle.db.execute(sql.raw("vacuum analyze search_documents"));
      const [size] = await queryRows<{ total: number; table: number; tsv: number }>(handle.db, sql`
        select pg_total_relation_size('search_documents')::float8 as total, pg_table_size('search_documents')::float8 as table,
               pg_relation_size('search_documents_tsv_idx')::float8 as tsv`);
      const terms = chooseTerms(factory.make, options.docs);
      const busiest = factory.drafts[0]!;
      const q = (query: string, facets: boolean, filters?: SearchRequest["filters"]): SearchRequest => ({
        kind: "comment", query, limit: 20, ...(facets ? { facets: [...FACETS] } : {}), ...(filters ? { filters } : {}),
      });
      const frequent = terms.frequent.map((t) => t.term);
      const rare = terms.rare.map((t) => t.term);
      const refs = ["第十三条", "第128条", "128条", "第一百零八条 建议"];
      const runs = options.queries;
      const latency = {
        frequentNoFacets: await timeQueries(engine, frequent.map((t) => q(t, false)), runs),
        frequentWithFacets: await timeQueries(engine, frequent.map((t) => q(t, true)), runs),
        rareNoFacets: await timeQueries(engine, rare.map((t) => q(t, false)), runs),
        rareWithFacets: await timeQueries(engine, rare.map((t) => q(t, true)), runs),
        twoFrequentTermsWithFacets: await timeQueries(engine, frequent.slice(1).map((t, i) => q(`${frequent[i]} ${t}`, true)), runs),
        frequentInOneDraftWithFacets: await timeQueries(engine, frequent.map((t) => q(t, true, { draftId: [busiest.draftId] })), runs),
        articleReferencesWithFacets: await timeQueries(engine, refs.map((t) => q(t, true, { draftId: [busiest.draftId] })), runs),
        browseWithFacets: await timeQueries(engine, [q("", true)], Math.min(runs, 50)),
      };
      const worstP95 = Math.max(...Object.values(latency).map((l) => l.ms.p95));
      return {
        database: `PostgreSQL (${name}${keep ? ", kept" : ""})`,
        documents: options.docs,
        segmentation,
        indexing,
        size: { totalMB: round(size!.total / 1e6, 1), tableMB: round(size!.table / 1e6, 1), tsvIndexMB: round(size!.tsv / 1e6, 1) },
        terms: { frequent: terms.frequent.slice(0, 6), rare: terms.rare.slice(0, 6) },
        latencyMs: latency,
        target: `p95 < 50 ms at 1M comments: worst p95 ${round(worstP95)} ms — ${worstP95 < 50 ? "met" : "NOT met"}`,
      };
    } finally {
      await handle.close();
    }
  } finally {
    if (!keep) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
