/**
 * Holds HTTP exchanges with Meilisearch to its official OpenAPI 3.1 description
 * (../shared/contracts/meilisearch/open-api-1.15.2.json): a request must name an operation
 * (method + path template), use only query parameters that operation declares, and carry a body
 * valid against its requestBody schema; a response must be valid against the schema declared for
 * its status. OpenAPI 3.1 schemas are JSON Schema 2020-12, so ajv's 2020 build validates them with
 * the spec's own components, $refs resolved.
 *
 * Errata. The description is generated from the server's code (utoipa) and gets a few things
 * wrong that the real server does differently; each fix below is applied to a copy of the spec,
 * narrowly, and is listed here so nothing is quietly loosened:
 * 1. SearchQuery lists its properties in snake_case and marks eleven of them required; the server
 *    reads camelCase (`showRankingScore`, `hitsPerPage` …, as the GET /search parameters in the
 *    same file are named) and every one of those has a default. The properties are renamed to
 *    camelCase (so they are still type-checked) and `required` is dropped.
 * 2. POST/PUT /indexes/{indexUid}/documents mark the query parameter `csvDelimiter` required; it
 *    only applies to CSV payloads, and no client sends it with JSON.
 * 3. Task-enqueueing routes answer 202 Accepted, while most declare only 200 (POST
 *    …/documents/delete declares 202): a 202 answer is checked against the 200 schema when the
 *    operation declares no 202.
 * Not corrected, avoided instead: the id-list deletion route is described as
 * /indexes/{indexUid}/delete-batch (the server serves /indexes/{indexUid}/documents/delete-batch),
 * so the adapter deletes by filter; a task's `startedAt` is typed string although the server sends
 * null while a task is enqueued, so canned tasks are shown processing, then finished; a document
 * task's `details` ({receivedDocuments, indexedDocuments}) fail DetailsView (whose first half is
 * the settings object with additionalProperties false), so canned document tasks carry null
 * details — the adapter reads only a task's status and error.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const SPEC_PATH = path.join(process.env.CONTRACTS_DIR ?? path.resolve(here, "../../../shared/contracts"), "meilisearch/open-api-1.15.2.json");
const BASE = "https://meilisearch.test/openapi.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter { name: string; in: "path" | "query" | "header"; required?: boolean; schema?: JsonObject }
interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  pathParams: string[];
  parameters: Parameter[];
  requestBody?: ValidateFunction;
  requestBodyRequired: boolean;
  responses: Map<string, ValidateFunction | null>;
}

export interface Exchange {
  method: string;
  /** Path and query string, as sent: `/indexes/x/search?foo=1`. */
  url: string;
  /** Parsed JSON body, or undefined when there was none. */
  body?: unknown;
}

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Rewrites local refs to absolute ones so schemas compiled alone still reach the components. */
function absolutize(node: Json): Json {
  if (Array.isArray(node)) return node.map(absolutize);
  if (node && typeof node === "object") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${BASE}${v}` : absolutize(v);
    }
    return out;
  }
  return node;
}

function applyErrata(spec: JsonObject): JsonObject {
  const copy = structuredClone(spec) as JsonObject;
  const schemas = ((copy.components as JsonObject).schemas as JsonObject);
  // Erratum 1.
  const search = schemas.SearchQuery as JsonObject;
  const props = search.properties as JsonObject;
  search.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [snakeToCamel(k), v]));
  delete search.required;
  // Erratum 2.
  const docs = (copy.paths as JsonObject)["/indexes/{indexUid}/documents"] as JsonObject;
  for (const method of ["post", "put"]) {
    for (const p of ((docs[method] as JsonObject).parameters as JsonObject[])) {
      if (p.name === "csvDelimiter") p.required = false;
    }
  }
  return copy;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}${e.params && Object.keys(e.params).length ? " " + JSON.stringify(e.params) : ""}`).join("; ");
}

export class MeilisearchOpenApi {
  private readonly operations: Operation[] = [];
  private readonly ajv: Ajv2020;
  private readonly paramAjv: Ajv2020;

  /** `errata: false` validates against the description exactly as published (to show the errata are needed). */
  constructor(options: { specPath?: string; errata?: boolean } = {}) {
    const raw = JSON.parse(readFileSync(options.specPath ?? SPEC_PATH, "utf8")) as JsonObject;
    if (raw.openapi !== "3.1.0") throw new Error(`expected an OpenAPI 3.1 description, got ${String(raw.openapi)}`);
    const spec = absolutize(options.errata === false ? raw : applyErrata(raw)) as JsonObject;
    const makeAjv = (coerceTypes: boolean) => {
      // strict: false because OpenAPI adds keywords JSON Schema does not define (example, xml …).
      const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes, validateFormats: true });
      const uint = (max: number) => ({ type: "number" as const, validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= max });
      ajv.addFormat("u-int8", uint(0xff));
      ajv.addFormat("u-int32", uint(0xffffffff));
      ajv.addFormat("u-int64", uint(Number.MAX_SAFE_INTEGER));
      ajv.addFormat("double", { type: "number", validate: (n: number) => Number.isFinite(n) });
      ajv.addFormat("float", { type: "number", validate: (n: number) => Number.isFinite(n) });
      ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/);
      ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      ajv.addFormat("password", true);
      ajv.addSchema({ $id: BASE, components: spec.components } as object);
      return ajv;
    };
    this.ajv = makeAjv(false);
    this.paramAjv = makeAjv(true);

    for (const [template, item] of Object.entries(spec.paths as JsonObject)) {
      const pathParams: string[] = [];
      const pattern = new RegExp(`^${template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        pathParams.push(name);
        return "([^/]+)";
      })}$`);
      for (const [method, opJson] of Object.entries(item as JsonObject)) {
        const op = opJson as JsonObject;
        const bodySchema = ((op.requestBody as JsonObject | undefined)?.content as JsonObject | undefined)?.["application/json"] as JsonObject | undefined;
        const responses = new Map<string, ValidateFunction | null>();
        for (const [status, resp] of Object.entries((op.responses ?? {}) as JsonObject)) {
          const schema = (((resp as JsonObject).content as JsonObject | undefined)?.["application/json"] as JsonObject | undefined)?.schema;
          responses.set(status, schema === undefined ? null : this.ajv.compile(schema as object));
        }
        this.operations.push({
          method: method.toUpperCase(), template, pattern, pathParams,
          parameters: ((op.parameters ?? []) as unknown as Parameter[]),
          requestBody: bodySchema?.schema !== undefined ? this.ajv.compile(bodySchema.schema as object) : undefined,
          requestBodyRequired: (op.requestBody as JsonObject | undefined)?.required === true,
          responses,
        });
      }
    }
  }

  /** The operation a method and path name, or null. Literal segments win over templates. */
  operation(method: string, pathname: string): Operation | null {
    const candidates = this.operations.filter((o) => o.method === method.toUpperCase() && o.pattern.test(pathname));
    candidates.sort((a, b) => a.pathParams.length - b.pathParams.length);
    return candidates[0] ?? null;
  }

  /** Problems with a request; empty when it is what the description allows. */
  checkRequest(exchange: Exchange): string[] {
    const url = new URL(exchange.url, "http://x");
    const op = this.operation(exchange.method, url.pathname);
    if (!op) return [`${exchange.method} ${url.pathname}: no such operation in the OpenAPI description`];
    const where = `${exchange.method} ${op.template}`;
    const problems: string[] = [];
    const match = op.pattern.exec(url.pathname)!;
    op.pathParams.forEach((name, i) => {
      const p = op.parameters.find((q) => q.in === "path" && q.name === name);
      if (p?.schema) problems.push(...this.checkParam(where, p, decodeURIComponent(match[i + 1]!)));
    });
    const declared = op.parameters.filter((p) => p.in === "query");
    for (const name of new Set(url.searchParams.keys())) {
      const p = declared.find((q) => q.name === name);
      if (!p) problems.push(`${where}: query parameter "${name}" is not declared`);
      else if (p.schema) problems.push(...this.checkParam(where, p, url.searchParams.get(name)!));
    }
    for (const p of declared) {
      if (p.required && !url.searchParams.has(p.name)) problems.push(`${where}: required query parameter "${p.name}" missing`);
    }
    if (exchange.body !== undefined) {
      if (!op.requestBody) problems.push(`${where}: sends a body the operation does not take`);
      else if (!op.requestBody(exchange.body)) problems.push(`${where}: request body: ${formatErrors(op.requestBody.errors)}`);
    } else if (op.requestBodyRequired) {
      problems.push(`${where}: request body required`);
    }
    return problems;
  }

  private readonly paramValidators = new Map<string, ValidateFunction>();

  private checkParam(where: string, p: Parameter, value: string): string[] {
    const key = JSON.stringify(p.schema);
    let validate = this.paramValidators.get(key);
    if (!validate) {
      validate = this.paramAjv.compile({ type: "object", properties: { v: p.schema as object } });
      this.paramValidators.set(key, validate);
    }
    const holder = { v: value as unknown };
    return validate(holder) ? [] : [`${where}: parameter "${p.name}": ${formatErrors(validate.errors)}`];
  }

  /** Problems with a response to a request; empty when it matches the declared schema. */
  checkResponse(method: string, pathWithQuery: string, status: number, body: unknown): string[] {
    const pathname = new URL(pathWithQuery, "http://x").pathname;
    const op = this.operation(method, pathname);
    if (!op) return [`${method} ${pathname}: no such operation in the OpenAPI description`];
    const where = `${method} ${op.template} → ${status}`;
    let validate = op.responses.get(String(status));
    if (validate === undefined && status === 202) validate = op.responses.get("200"); // erratum 3
    if (validate === undefined) return [`${where}: status not declared (declared: ${[...op.responses.keys()].join(", ")})`];
    if (validate === null) return body === undefined ? [] : [`${where}: the description declares no body, one was sent`];
    return validate(body) ? [] : [`${where}: response body: ${formatErrors(validate.errors)}`];
  }
}
