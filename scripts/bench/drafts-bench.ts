/**
 * npm run bench -- drafts: the Civil Code's parse time, and the server render time and requests
 * per second of its reading page (first visit, and repeat visits answered 304 from the ETag).
 * Targets (issue "drafts"): parse < 100 ms; render p95 < 30 ms; ≥ 1,000 requests/s for repeat visits.
 */
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { createDb } from "../../db/client";
import { users } from "../../db/schema";
import { loadPrincipal } from "../../app/accounts/principal.server";
import { createDraft } from "../../app/drafts/drafts.server";
import { parseLaw } from "../../app/drafts/parse";
import { flattenProvisions } from "../../app/drafts/flatten";
import { importVersion, publishVersion } from "../../app/drafts/versions.server";
import { seedDemoIfEmpty } from "../seed/demo";
import { load, round, summary, timeSync } from "./measure";
import { startServer } from "./server-process";

export interface DraftsBenchOptions {
  corpusDir: string;
  seconds: number;
  concurrency: number;
}

export async function benchDrafts(options: DraftsBenchOptions) {
  const file = path.join(options.corpusDir, "laws/中华人民共和国民法典.md");
  const text = readFileSync(file, "utf8");

  // 1. Parsing (pure): warm up, then sample.
  for (let i = 0; i < 10; i++) parseLaw(text);
  const parseMs: number[] = [];
  const flattenMs: number[] = [];
  for (let i = 0; i < 40; i++) {
    let law!: ReturnType<typeof parseLaw>;
    parseMs.push(timeSync(() => (law = parseLaw(text))));
    flattenMs.push(timeSync(() => flattenProvisions(law)));
  }

  // 2. A server on a fresh embedded database holding the Civil Code as a published draft.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "minyi-bench-"));
  const handle = await createDb({ kind: "pglite", dataDir });
  await seedDemoIfEmpty(handle.db, { now: new Date(), passwords: { admin: "bench-admin-1", officer: "bench-officer-1", staff: "bench-staff-1" } });
  const [officer] = await handle.db.select().from(users).where(eq(users.username, "officer"));
  const actor = await loadPrincipal(handle.db, officer!.id);
  const org = actor!.memberships[0]!.organizationId!;
  const draft = await createDraft(handle.db, actor, { title: "中华人民共和国民法典", slug: "civil-code", kind: "law", organizationId: org });
  if (!draft.ok) throw new Error("could not create the draft");
  const importStarted = performance.now();
  const version = await importVersion(handle.db, actor, { draftId: draft.value.id, label: "征求意见稿", sourceText: text, sourceFileName: path.basename(file) });
  const importMs = performance.now() - importStarted;
  if (!version.ok) throw new Error("could not import the Civil Code");
  await publishVersion(handle.db, actor, version.value.id, new Date());
  await handle.close();

  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
  try {
    const url = `${server.url}/drafts/civil-code`;
    const firstStarted = performance.now();
    const first = await fetch(url);
    const firstBody = await first.text();
    const firstMs = performance.now() - firstStarted;
    const etag = first.headers.get("etag") ?? "";
    const render = await load(url, { concurrency: 1, seconds: options.seconds, maxRequests: 300 });
    const full = await load(url, { concurrency: options.concurrency, seconds: options.seconds });
    const repeat = await load(url, { concurrency: options.concurrency, seconds: options.seconds, headers: { "If-None-Match": etag } });
    return {
      corpusFile: path.basename(file),
      articles: version.value.provisionCount,
      parse: { ms: summary(parseMs), target: "< 100 ms" },
      flatten: { ms: summary(flattenMs) },
      importIntoDatabase: { ms: round(importMs) },
      page: { bytes: Buffer.byteLength(firstBody), firstVisitMs: round(firstMs) },
      render: { ms: render.latency, requests: render.requests, target: "p95 < 30 ms" },
      fullPages: { concurrency: options.concurrency, rps: full.rps, latency: full.latency, statuses: full.statuses },
      repeatVisits304: { concurrency: options.concurrency, rps: repeat.rps, latency: repeat.latency, statuses: repeat.statuses, target: "≥ 1,000 requests/s" },
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
