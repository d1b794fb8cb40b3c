/**
 * The shared search contract against a live Meilisearch, when MEILI_URL points at one (MEILI_KEY
 * if it needs a key). Each run works in its own indexes (a unique prefix) and deletes them after.
 * No Meilisearch server can be installed on CI, so there this file reports itself skipped, with the
 * reason; the adapter is still held to Meilisearch's OpenAPI description by
 * meilisearch-engine.test.ts.
 */
import { describe, it } from "vitest";
import { Meilisearch } from "meilisearch";
import { createMeilisearchEngine } from "../../search/meilisearch-engine";
import { describeEngineContract } from "./engine-contract";

const url = process.env.MEILI_URL;
const key = process.env.MEILI_KEY || undefined;

if (url) {
  describeEngineContract("meilisearch", async () => {
    const prefix = `minyi_test_${process.pid}_${Date.now().toString(36)}_`;
    const engine = createMeilisearchEngine({ url, key, indexPrefix: prefix, taskTimeoutMs: 120_000 });
    const cleanup = async () => {
      const client = new Meilisearch({ host: url, apiKey: key });
      for (const uid of [`${prefix}comments`, `${prefix}provisions`]) {
        // A delete task for an index that was never created fails with index_not_found: fine.
        await client.deleteIndex(uid).waitTask({ timeout: 60_000 });
      }
    };
    return { engine, cleanup };
  });
} else {
  describe.skip("search engine contract: meilisearch (no Meilisearch server: set MEILI_URL)", () => {
    it("runs the shared contract suite against a live Meilisearch", () => {});
  });
}
