/**
 * Who is asking, and at which address: the client's IP, the protocol and the host, taken from the
 * socket — or, behind a reverse proxy that we trust (TRUST_PROXY=true), from the X-Forwarded-*
 * headers it sets, as Express's `trust proxy = true` reads them (the left-most forwarded address,
 * the first forwarded protocol and host). Pure.
 */
import type { IncomingHttpHeaders } from "node:http";

export interface RequestOrigin {
  clientIp: string;
  protocol: "http" | "https";
  /** host[:port] as the client addressed it. */
  host: string;
}

const first = (value: string | string[] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  const head = v?.split(",")[0]?.trim();
  return head ? head : undefined;
};

export function requestOrigin(
  headers: IncomingHttpHeaders,
  socket: { remoteAddress?: string; encrypted?: boolean },
  trustProxy: boolean,
): RequestOrigin {
  const direct = socket.remoteAddress ?? "unknown";
  const ownProtocol = socket.encrypted ? "https" : "http";
  const ownHost = first(headers.host) ?? "localhost";
  if (!trustProxy) return { clientIp: direct, protocol: ownProtocol, host: ownHost };
  const proto = first(headers["x-forwarded-proto"])?.toLowerCase();
  return {
    clientIp: first(headers["x-forwarded-for"]) ?? direct,
    protocol: proto === "https" ? "https" : proto === "http" ? "http" : ownProtocol,
    host: first(headers["x-forwarded-host"]) ?? ownHost,
  };
}
