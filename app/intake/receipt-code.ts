/**
 * Receipt codes people write down and read back over the phone: "MY-7K3-9QF". Six characters of
 * Crockford's base32 (no I, L, O, U), so 0/O and 1/I/L typed by mistake are read correctly. Pure.
 */
import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Random bytes drawn a few thousand at a time (an import makes a hundred thousand codes). */
const pool = new Uint8Array(6 * 1024);
let poolAt = pool.length;
/** A uniform draw below 32 from one random byte: 256 is a multiple of 32, so no value is favoured. */
function randomBelow32(): number {
  if (poolAt >= pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++]! & 31;
}

export function newReceiptCode(random?: (max: number) => number): string {
  let c = "";
  for (let i = 0; i < 6; i++) c += ALPHABET[random ? random(ALPHABET.length) : randomBelow32()];
  return `MY-${c.slice(0, 3)}-${c.slice(3)}`;
}

/** What a person typed ("my 7k3 9qf", "MY7K39QF", "7K3-9QF") as a code, or null if it cannot be one. */
export function readReceiptCode(input: string): string | null {
  const cleaned = input
    .normalize("NFKC") // full-width letters and digits typed on a phone; codes are ASCII only
    .toUpperCase()
    .replace(/[\s\-_.·]/g, "")
    .replace(/^MY/, "")
    .replace(/[OIL]/g, (c) => (c === "O" ? "0" : "1"));
  if (!/^[0-9A-HJKMNP-TV-Z]{6}$/.test(cleaned)) return null;
  return `MY-${cleaned.slice(0, 3)}-${cleaned.slice(3)}`;
}
