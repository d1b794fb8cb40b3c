/**
 * Engines for the sync tests: the real PostgreSQL engine, wrapped by a fault injector that makes
 * it unreachable on demand (throwing SearchUnavailableError, as an outage does) or refuses chosen
 * documents (a bad document, not an outage), and counts what reached it. The wrapped engine's
 * behaviour is untouched: whatever gets through is really indexed.
 */
import type { Db } from "../../db/client";
import { SearchUnavailableError, type CommentDocument, type DocumentKind, type SearchDocument, type SearchEngine } from "../../search/engine";
import { createPostgresEngine } from "../../search/postgres-engine";

export interface FaultInjector {
  engine: SearchEngine;
  inner: SearchEngine;
  down: boolean;
  /** Document ids whose indexing fails with a plain error. */
  poison: Set<string>;
  /** How many times each document id was indexed. */
  indexed: Map<string, number>;
  /** Runs once, inside the next index() call, before the documents reach the engine. */
  beforeNextIndex: (() => Promise<void>) | null;
}

export function faultInjector(inner: SearchEngine): FaultInjector {
  const fi: FaultInjector = { engine: undefined as unknown as SearchEngine, inner, down: false, poison: new Set(), indexed: new Map(), beforeNextIndex: null };
  const guard = (what: string) => {
    if (fi.down) throw new SearchUnavailableError(`injected outage: ${what} refused`);
  };
  fi.engine = {
    name: inner.name,
    async ensureReady() { guard("ensureReady"); await inner.ensureReady(); },
    async index(documents: SearchDocument[]) {
      const hook = fi.beforeNextIndex;
      fi.beforeNextIndex = null;
      await hook?.();
      guard("index");
      const bad = documents.find((d) => fi.poison.has(d.id));
      if (bad) throw new Error(`injected bad document ${bad.id}`);
      await inner.index(documents);
      for (const d of documents) fi.indexed.set(d.id, (fi.indexed.get(d.id) ?? 0) + 1);
    },
    async remove(kind: DocumentKind, ids: string[]) { guard("remove"); await inner.remove(kind, ids); },
    async clear(kind: DocumentKind) { guard("clear"); await inner.clear(kind); },
    search(request) { guard("search"); return inner.search(request); },
    async count(kind: DocumentKind) { guard("count"); return inner.count(kind); },
    async health() { return fi.down ? { ok: false, engine: inner.name, detail: "injected outage" } : inner.health(); },
  };
  return fi;
}

export async function postgresEngine(db: Db): Promise<SearchEngine> {
  const engine = createPostgresEngine(db);
  await engine.ensureReady();
  return engine;
}

/** Every comment document the engine holds, read back through its own search. */
export async function indexedComments(engine: SearchEngine): Promise<Map<string, CommentDocument>> {
  const all = new Map<string, CommentDocument>();
  for (let offset = 0; ; offset += 100) {
    const page = await engine.search({ kind: "comment", query: "", sort: "oldest", offset, limit: 100 });
    for (const hit of page.hits) all.set(hit.document.id, hit.document);
    if (page.hits.length < 100) return all;
  }
}
