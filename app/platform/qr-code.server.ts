/**
 * QR codes for printed notices, drawn on the server as SVG, and the absolute address such a code
 * carries. The SVG is built here from the code's modules (encoded by `qrcode`): one white square
 * with the quiet zone and one black path, nothing else — no script, no external reference, no
 * fonts, so it can be put inline in a page and prints sharp at any size.
 */
import { create, type QRCode } from "qrcode";

export type QrErrorCorrection = "M" | "Q";

/** The blank margin around the code, in modules. ISO/IEC 18004 asks for 4; readers fail without it. */
export const QUIET_ZONE = 4;

/** The most bytes a QR code (version 40, byte mode) holds at each level. */
export const QR_MAX_BYTES: Record<QrErrorCorrection, number> = { M: 2331, Q: 1663 };

/** The text cannot be put in a QR code (empty, or longer than the largest code holds). */
export class QrCodeError extends Error {
  override name = "QrCodeError";
}

export interface QrSvgOptions {
  /**
   * M restores 15 % of damaged modules, Q 25 %. Q (the default) suits a notice on a board, which
   * gets creased, stained and covered by drawing pins; M gives a smaller code for long texts.
   */
  errorCorrection?: QrErrorCorrection;
  /** Read out by screen readers instead of the image (the address it opens, say). */
  label?: string;
}

/** An SVG image of the QR code for `text`, scalable (viewBox, no width or height), black on white. */
export function qrCodeSvg(text: string, options: QrSvgOptions = {}): string {
  const level = options.errorCorrection ?? "Q";
  if (text.length === 0) throw new QrCodeError("A QR code needs some text to hold; none was given.");
  let code: QRCode;
  try {
    code = create(text, { errorCorrectionLevel: level });
  } catch (error) {
    const bytes = Buffer.byteLength(text, "utf8");
    throw new QrCodeError(
      `The text is too long for a QR code: ${bytes} bytes; the largest code holds about ${QR_MAX_BYTES[level]} bytes of text at error correction level ${level}` +
        ` (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  const { size } = code.modules;
  const total = size + 2 * QUIET_ZONE;
  // One subpath per horizontal run of dark modules: a few hundred short commands for a URL.
  let d = "";
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!code.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && code.modules.get(row, col)) col++;
      const run = col - start;
      d += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
    }
  }
  const label = options.label === undefined ? "" : ` role="img" aria-label="${escapeXml(options.label)}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges"${label}>` +
    `<rect width="${total}" height="${total}" fill="#fff"/>` +
    `<path fill="#000" d="${d}"/>` +
    `</svg>`
  );
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** A host as it may appear in a URL: a name or IPv4 address, or a bracketed IPv6 address, and a port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstValue(header: string | null): string | undefined {
  const first = header?.split(",")[0]?.trim();
  return first ? first : undefined;
}

function validHost(value: string | undefined): string | undefined {
  return value && value.length <= 255 && HOST.test(value) ? value : undefined;
}

/**
 * The origin people reach this server at (https://minyi.example.gov.cn), for addresses that leave
 * the screen — printed, or in a QR code. The request's own Host and scheme, or, only when the
 * server is configured to trust its reverse proxy, the X-Forwarded-Proto/-Host/-Port it sets.
 * Untrusted, those headers are ignored: anyone can send them.
 */
export function publicOrigin(request: Request, trustProxy: boolean): string {
  const url = new URL(request.url);
  let scheme = url.protocol === "https:" ? "https" : "http";
  // The Host header rather than url.host: the adapter takes a port from X-Forwarded-Host even untrusted.
  let host = validHost(request.headers.get("host") ?? undefined) ?? url.host;
  if (trustProxy) {
    const proto = firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase();
    if (proto === "http" || proto === "https") scheme = proto;
    const forwardedHost = validHost(firstValue(request.headers.get("x-forwarded-host")));
    if (forwardedHost) host = forwardedHost;
    const port = firstValue(request.headers.get("x-forwarded-port"));
    // A port the forwarded host does not name itself ("[::1]" has none; "[::1]:8443" has).
    if (port && /^\d{1,5}$/.test(port) && !/:\d+$/.test(host)) host = `${host}:${port}`;
  }
  // new URL normalises: lower-case host, default port dropped (https://x:443 → https://x).
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return url.origin; // a port out of range, say
  }
}

/** An absolute URL on this server for a path (and query), as people outside reach it. */
export function publicUrl(request: Request, trustProxy: boolean, pathAndQuery: string): string {
  return new URL(pathAndQuery, publicOrigin(request, trustProxy)).href;
}
