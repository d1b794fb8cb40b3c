/**
 * Phone numbers and e-mail addresses as commenters write them: full-width digits, spaces, hyphens,
 * a +86 prefix. Normalised for storage; rejected with a reason when they are not a number we could
 * call back. Pure.
 */
import { halfWidthDigits } from "./text-rules";

export type PhoneResult = { ok: true; value: string } | { ok: false; error: "phone" };

/** Mainland mobile (11 digits from 1[3-9]), landline with area code (0xx(x)-xxxxxxx(x)), or an extension. */
export function normalisePhone(input: string): PhoneResult {
  const ascii = halfWidthDigits(input).trim();
  if (!/^[+\d\s\-()（）转]+$/.test(ascii)) return { ok: false, error: "phone" };
  let digits = ascii.replace(/[\s\-()（）]/g, "");
  const [main = "", ext] = digits.split("转");
  digits = main.replace(/^\+?86(?=1[3-9]\d{9}$|0\d{9,11}$)/, "");
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, value: digits };
  const landline = /^(0\d{2,3})(\d{7,8})$/.exec(digits);
  if (landline && /^\d{0,6}$/.test(ext ?? "")) return { ok: true, value: `${landline[1]}-${landline[2]}${ext ? `转${ext}` : ""}` };
  return { ok: false, error: "phone" };
}

export function isEmail(input: string): boolean {
  return /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@.]{2,}$/.test(input) && input.length <= 254;
}
