/**
 * Node's request and response on one side, Remix's fetch Request and Response on the other — what
 * @remix-run/express does, without Express (whose router and per-request prototype changes cost
 * the public form a fifth of its CPU). The body streams in (uploads are bounded by the routes'
 * upload handlers), a response body streams out, and a client that goes away aborts the loaders.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";
import type { RequestOrigin } from "./forwarded";

export function remixRequest(req: IncomingMessage, res: ServerResponse, origin: RequestOrigin): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  let controller: AbortController | null = new AbortController();
  // Aborted only if the connection closes before the response is finished.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const method = req.method ?? "GET";
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (method !== "GET" && method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(`${origin.protocol}://${origin.host}${req.url ?? "/"}`, init);
}

export async function sendRemixResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: string[] = [];
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") headers.push(key, value);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push("set-cookie", cookie);
  if (response.statusText) res.writeHead(response.status, response.statusText, headers);
  else res.writeHead(response.status, headers);
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
