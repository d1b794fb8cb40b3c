/** Connect-style middleware run in order over plain node:http (compression and serve-static are such). */
import type { IncomingMessage, ServerResponse } from "node:http";

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** One request listener: each middleware calls next() to pass the request on; `last` answers what is left. */
export function chain(middleware: Middleware[], last: (req: IncomingMessage, res: ServerResponse) => Promise<void>, onError: (error: unknown, req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    let i = 0;
    const next = (error?: unknown): void => {
      if (error) return onError(error, req, res);
      const m = middleware[i++];
      if (!m) {
        last(req, res).catch((e: unknown) => onError(e, req, res));
        return;
      }
      try {
        m(req, res, next);
      } catch (e) {
        onError(e, req, res);
      }
    };
    next();
  };
}
