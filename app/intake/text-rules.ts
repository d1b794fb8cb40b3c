/**
 * What we accept as text people wrote: anything they typed, stored exactly (no NFC: it would rewrite
 * CJK compatibility ideographs), except what the database cannot hold (NUL, unpaired surrogates) and
 * text with nothing visible in it. Pure.
 */

/** Whitespace and invisible characters that do not make a text non-blank. */
const INVISIBLE = /[\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/gu;

export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, "") === "";
}

/** NUL cannot be stored in PostgreSQL text; unpaired surrogates cannot be encoded as UTF-8. */
export function hasUnstorableCharacters(text: string): boolean {
  return /\u0000/.test(text) || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Length in characters as people count them (code points, so an emoji or a rare ideograph is one). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Full-width digits and symbols (０-９, ＋, －) as ASCII: what people type on Chinese keyboards. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0b\uff0d\uff08\uff09]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
