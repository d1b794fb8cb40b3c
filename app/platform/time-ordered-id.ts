/**
 * Ids of comments and their commenters: UUID version 7 (RFC 9562 §5.7) — 48 bits of Unix milliseconds,
 * a 12-bit sequence (method 1 of §6.2: strictly increasing within this process), then 62 random
 * bits. A random (version 4) id lands on a random leaf of the primary-key index; ids that grow
 * are added at its right edge, where PostgreSQL inserts without searching the tree. They are
 * still unguessable enough for internal ids; what people see is the receipt code. Pure apart from
 * the clock and the random bytes.
 */
import { randomFillSync } from "node:crypto";

const POOL = new Uint8Array(16 * 512);
let poolAt = POOL.length;
let lastMs = -1;
let sequence = 0;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function timeOrderedId(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4,096 ids in one millisecond (or the clock went back): borrow the next millisecond.
    lastMs++;
    sequence = 0;
  }
  if (poolAt + 8 > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const r = POOL.subarray(poolAt, (poolAt += 8));
  const ms = lastMs;
  const b = [
    Math.floor(ms / 2 ** 40) & 0xff, Math.floor(ms / 2 ** 32) & 0xff, (ms >>> 24) & 0xff, (ms >>> 16) & 0xff, (ms >>> 8) & 0xff, ms & 0xff,
    0x70 | (sequence >>> 8), sequence & 0xff,
    0x80 | (r[0]! & 0x3f), r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, r[6]!, r[7]!,
  ];
  const h = b.map((x) => HEX[x]!);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}
