/**
 * Receipt codes people write down and read back over the phone: "MY-7K3-9QF". Six characters of
 * Crockford's base32 (no I, L, O, U), so 0/O and 1/I/L typed by mistake are read correctly. Pure.
 */
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReceiptCode(random: (max: number) => number = randomInt): string {
  const c = Array.from({ length: 6 }, () => ALPHABET[random(ALPHABET.length)]).join("");
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
