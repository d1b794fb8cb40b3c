import { create } from "qrcode";
import { describe, expect, it } from "vitest";
import { publicOrigin, publicUrl, QR_MAX_BYTES, QrCodeError, qrCodeSvg, QUIET_ZONE } from "~/platform/qr-code.server";

const URL_A = "https://minyi.example.gov.cn/drafts/personal-information-protection/comment";
const URL_B = "https://minyi.example.gov.cn/drafts/elderly-care/comment";

/**
 * A strict little XML check, enough for the SVG we make: every tag is well formed, attributes are
 * quoted and not repeated, tags nest and close, there is one root and no text outside it.
 */
function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const name = "[A-Za-z_][\\w.:-]*";
  const attr = new RegExp(`\\s+(${name})="([^"<&]|&(?:amp|lt|gt|quot|apos|#\\d+);)*"`, "y");
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = (lt === -1 ? xml.slice(i) : xml.slice(i, lt));
    if (stack.length === 0 && text.trim() !== "") throw new Error(`text outside the root: ${text.slice(0, 40)}`);
    if (/[<>]/.test(text) || /&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(text)) throw new Error(`bad text: ${text.slice(0, 40)}`);
    if (lt === -1) break;
    const close = new RegExp(`</(${name})\\s*>`, "y");
    close.lastIndex = lt;
    const c = close.exec(xml);
    if (c) {
      if (stack.pop() !== c[1]) throw new Error(`</${c[1]}> closes nothing open`);
      i = close.lastIndex;
      continue;
    }
    const open = new RegExp(`<(${name})`, "y");
    open.lastIndex = lt;
    const o = open.exec(xml);
    if (!o) throw new Error(`bad tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
    let j = open.lastIndex;
    const seen = new Set<string>();
    for (;;) {
      attr.lastIndex = j;
      const a = attr.exec(xml);
      if (!a) break;
      if (seen.has(a[1]!)) throw new Error(`attribute ${a[1]} repeated in <${o[1]}>`);
      seen.add(a[1]!);
      j = attr.lastIndex;
    }
    const end = /\s*(\/?)>/y;
    end.lastIndex = j;
    const e = end.exec(xml);
    if (!e) throw new Error(`unterminated <${o[1]}> at ${lt}: ${xml.slice(j, j + 40)}`);
    if (stack.length === 0) roots++;
    if (!e[1]) stack.push(o[1]!);
    i = end.lastIndex;
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(", ")}`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

/** The dark modules the SVG draws, read back from its path ("M{x} {y}h{n}v1h-{n}z" runs). */
function drawnModules(svg: string): { total: number; dark: Set<string> } {
  const total = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? "";
  const dark = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let k = 0; k < Number(m[3]); k++) dark.add(`${Number(m[1]) + k},${m[2]}`);
  }
  expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, "")).toBe(""); // nothing but runs
  return { total, dark };
}

describe("the well-formedness check used here", () => {
  it("catches what it should", () => {
    for (const bad of ['<svg><path></svg>', '<svg a=1/>', '<svg a="1" a="2"/>', '<svg/><svg/>', 'x<svg/>', '<svg>&nbsp;</svg>', '<svg><p a="<"/></svg>', '<svg']) {
      expect(() => assertWellFormedXml(bad), bad).toThrow();
    }
    expect(() => assertWellFormedXml('<svg xmlns="x"><g a="&amp;"><path d="M0 0"/></g></svg>')).not.toThrow();
  });
});

describe("qrCodeSvg", () => {
  it("makes a scalable, well-formed SVG with a viewBox and nothing active in it", () => {
    const svg = qrCodeSvg(URL_A);
    assertWellFormedXml(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).not.toMatch(/<svg[^>]*\s(?:width|height)=/); // sized by the page, not by itself
    expect(svg).not.toMatch(/<script|<foreignObject|<use|<image|href|\son\w+=|javascript:|url\(/i);
    // Only the three elements we draw.
    expect([...svg.matchAll(/<(\w+)/g)].map((m) => m[1])).toEqual(["svg", "rect", "path"]);
  });

  it("draws exactly the code's modules, with a quiet zone of four modules on every side", () => {
    for (const level of ["M", "Q"] as const) {
      const code = create(URL_A, { errorCorrectionLevel: level });
      const { total, dark } = drawnModules(qrCodeSvg(URL_A, { errorCorrection: level }));
      const size = code.modules.size;
      expect(total).toBe(size + 2 * QUIET_ZONE);
      const expected = new Set<string>();
      for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (code.modules.get(row, col)) expected.add(`${col + QUIET_ZONE},${row + QUIET_ZONE}`);
      expect(dark).toEqual(expected);
      for (const key of dark) {
        const [x, y] = key.split(",").map(Number) as [number, number];
        expect(x >= QUIET_ZONE && y >= QUIET_ZONE && x < total - QUIET_ZONE && y < total - QUIET_ZONE, key).toBe(true);
      }
    }
  });

  it("uses error correction Q unless told M (Q needs at least as many modules)", () => {
    const q = drawnModules(qrCodeSvg(URL_A)).total;
    const m = drawnModules(qrCodeSvg(URL_A, { errorCorrection: "M" })).total;
    expect(q).toBe(create(URL_A, { errorCorrectionLevel: "Q" }).modules.size + 2 * QUIET_ZONE);
    expect(m).toBeLessThanOrEqual(q);
  });

  it("gives different codes for different URLs, and the same code for the same URL", () => {
    expect(qrCodeSvg(URL_A)).not.toBe(qrCodeSvg(URL_B));
    expect(qrCodeSvg(URL_A)).toBe(qrCodeSvg(URL_A));
    expect(qrCodeSvg(`${URL_A}?provision=art-13`)).not.toBe(qrCodeSvg(`${URL_A}?provision=art-14`));
  });

  it("labels the image for screen readers, escaping the label", () => {
    const svg = qrCodeSvg(URL_A, { label: `打开 <"${URL_A}?a=1&b=2">` });
    assertWellFormedXml(svg);
    expect(svg).toContain(`role="img" aria-label="打开 &lt;&quot;${URL_A}?a=1&amp;b=2&quot;&gt;"`);
    expect(qrCodeSvg(URL_A)).not.toContain("aria-label");
  });

  it("still works for very long URLs, up to what the largest code holds", () => {
    const long = `${URL_A}?${"x".repeat(QR_MAX_BYTES.Q - URL_A.length - 1)}`;
    expect(Buffer.byteLength(long)).toBe(QR_MAX_BYTES.Q);
    const svg = qrCodeSvg(long);
    assertWellFormedXml(svg);
    expect(drawnModules(svg).total).toBe(177 + 2 * QUIET_ZONE); // version 40
    // Non-ASCII is encoded as UTF-8 bytes.
    expect(() => qrCodeSvg(`https://例子.中国/drafts/养老服务条例/comment`)).not.toThrow();
  });

  it("fails clearly when the text cannot be put in a QR code", () => {
    const tooLong = `${URL_A}?${"x".repeat(QR_MAX_BYTES.Q)}`;
    expect(() => qrCodeSvg(tooLong)).toThrow(QrCodeError);
    expect(() => qrCodeSvg(tooLong)).toThrow(new RegExp(`too long for a QR code: ${Buffer.byteLength(tooLong)} bytes.*level Q`));
    // What Q refuses, M may still hold.
    expect(() => qrCodeSvg(tooLong, { errorCorrection: "M" })).not.toThrow();
    expect(() => qrCodeSvg(`${URL_A}?${"x".repeat(QR_MAX_BYTES.M)}`, { errorCorrection: "M" })).toThrow(QrCodeError);
    expect(() => qrCodeSvg("")).toThrow(QrCodeError);
  });
});

describe("publicOrigin", () => {
  const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

  it("is the request's own scheme and Host", () => {
    expect(publicOrigin(request("http://127.0.0.1:3000/x", { host: "127.0.0.1:3000" }), false)).toBe("http://127.0.0.1:3000");
    expect(publicOrigin(request("https://minyi.example.gov.cn/x", { host: "minyi.example.gov.cn" }), false)).toBe("https://minyi.example.gov.cn");
    expect(publicOrigin(request("http://localhost/x"), false)).toBe("http://localhost");
  });

  it("ignores X-Forwarded-* unless the proxy is trusted", () => {
    const forwarded = { host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-port": "8443" };
    expect(publicOrigin(request("http://10.0.0.5:3000/x", forwarded), false)).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(request("http://10.0.0.5:3000/x", forwarded), true)).toBe("https://evil.example:8443");
  });

  it("behind a trusted proxy, takes the first of several values, drops default ports and keeps a host's own port", () => {
    const r = (h: Record<string, string>) => publicOrigin(request("http://10.0.0.5:3000/x", { host: "10.0.0.5:3000", ...h }), true);
    expect(r({ "x-forwarded-proto": "https, http", "x-forwarded-host": "Minyi.Example.gov.cn, proxy.internal" })).toBe("https://minyi.example.gov.cn");
    expect(r({ "x-forwarded-proto": "https", "x-forwarded-host": "minyi.example.gov.cn", "x-forwarded-port": "443" })).toBe("https://minyi.example.gov.cn");
    expect(r({ "x-forwarded-proto": "https", "x-forwarded-host": "minyi.example.gov.cn:8443", "x-forwarded-port": "443" })).toBe("https://minyi.example.gov.cn:8443");
    expect(r({ "x-forwarded-proto": "https", "x-forwarded-host": "[2001:db8::1]", "x-forwarded-port": "8443" })).toBe("https://[2001:db8::1]:8443");
    expect(r({ "x-forwarded-proto": "https" })).toBe("https://10.0.0.5:3000");
  });

  it("refuses hosts and schemes that are not one, whoever sends them", () => {
    const bad = ["evil.example/path", "a b", "evil.example@x", "x:99999", "<script>", ""];
    for (const host of bad) {
      expect(publicOrigin(request("http://127.0.0.1:3000/x", { host: "127.0.0.1:3000", "x-forwarded-host": host, "x-forwarded-proto": "javascript" }), true), host).toBe("http://127.0.0.1:3000");
    }
  });

  it("makes absolute URLs for paths, encoded", () => {
    const r = request("http://127.0.0.1:3000/drafts/x/notice", { host: "127.0.0.1:3000" });
    expect(publicUrl(r, false, "/drafts/personal-information-protection/comment")).toBe("http://127.0.0.1:3000/drafts/personal-information-protection/comment");
    expect(publicUrl(r, false, `/drafts/${encodeURIComponent("养老")}/comment?provision=art-13`)).toBe("http://127.0.0.1:3000/drafts/%E5%85%BB%E8%80%81/comment?provision=art-13");
  });
});
