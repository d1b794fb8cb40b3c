/**
 * A GB18030 encoder for test fixtures, without iconv: Node's TextDecoder("gb18030") is turned
 * around. ASCII is one byte; every character of the two-byte (GBK) range is found by decoding all
 * two-byte sequences once. Characters that GB18030 encodes in four bytes (e.g. U+FEFF) throw: the
 * fixtures here are Chinese law texts, whose characters all lie in the two-byte range.
 */
let table: Map<string, [number, number]> | null = null;

function twoByteTable(): Map<string, [number, number]> {
  if (table) return table;
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  table = map;
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  const map = twoByteTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = map.get(ch);
    if (!pair) throw new Error(`encodeGb18030: U+${code.toString(16).toUpperCase().padStart(4, "0")} needs a four-byte sequence`);
    out.push(pair[0], pair[1]);
  }
  return Uint8Array.from(out);
}
