/**
 * The engine the configuration asks for: the embedded PostgreSQL engine on the platform's own
 * database (the default), or Meilisearch when MEILI_URL is set.
 */
import type { Executor } from "../db/client";
import type { SearchEngine } from "./engine";
import { createMeilisearchEngine } from "./meilisearch-engine";
import { createPostgresEngine } from "./postgres-engine";

export type SearchConfig =
  | { kind: "embedded" }
  | { kind: "meilisearch"; url: string; key?: string | undefined; indexPrefix?: string };

export function createSearchEngine(config: SearchConfig, db: Executor): SearchEngine {
  if (config.kind === "meilisearch") {
    return createMeilisearchEngine({ url: config.url, key: config.key, indexPrefix: config.indexPrefix ?? "minyi_" });
  }
  return createPostgresEngine(db);
}
