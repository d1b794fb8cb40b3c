import type { Db } from "../../db/client";
import type { SearchEngine } from "../../search/engine";
import type { AppConfig } from "./config.server";
import type { ValidatorCache } from "./validator-cache";

/** What the server hands every loader and action (see scripts/serve.ts). */
export interface MinyiContext {
  db: Db;
  config: AppConfig;
  /** The search engine the configuration chose (embedded PostgreSQL or Meilisearch); see search/engine.ts. */
  search: SearchEngine;
  requestId: string;
  /** Client address as seen by the server (respecting TRUST_PROXY). */
  clientIp: string;
  /** Per-request nonce for the Content-Security-Policy. */
  cspNonce: string;
  /** Whether the request came over https (decides the Secure cookie flag). */
  secure: boolean;
  /** Per-request memo (e.g. the signed-in user, loaded once for all loaders of a request). */
  memo: Map<string, Promise<unknown>>;
  /** Recently sent ETags of public pages, shared by all requests of this process. */
  validators: ValidatorCache;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends MinyiContext {}
  interface Future {
    v3_singleFetch: true;
  }
}
