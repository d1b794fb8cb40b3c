/**
 * Chinese numerals as used in law labels: 第一千二百六十条, 第一百零八条, 两, 〇, and ASCII or
 * full-width digits.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const WAN = 10000;

/** Characters that may appear in a number written in Chinese or with digits (for regular expressions). */
export const NUMBER_CHARS = "零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟0-9０-９";

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/** Parses 0…9999 written with units (一千二百六十) or as a digit string (一九九七). */
function parseBelowWan(s: string): number | null {
  if (s === "") return null;
  const hasUnit = [...s].some((c) => c in UNITS);
  if (!hasUnit) {
    // digit by digit: 一九九七, 二〇〇七
    let n = 0;
    for (const c of s) {
      const d = DIGITS[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const c of s) {
    const d = DIGITS[c];
    if (d !== undefined) {
      if (d === 0) {
        if (pending !== null) return null; // 一零 is not valid inside a unit number
        zeroSeen = true;
        continue;
      }
      if (pending !== null) return null; // two digits in a row
      pending = d;
      continue;
    }
    const u = UNITS[c];
    if (u === undefined) return null;
    if (u >= lastUnit) return null; // units must decrease: 百 after 十 is invalid
    if (pending === null) {
      // a bare 十 means 一十 (十一, 一百十); other bare units are not numbers
      if (u !== 10) return null;
      pending = 1;
    }
    total += pending * u;
    pending = null;
    lastUnit = u;
    zeroSeen = false;
  }
  if (pending !== null) total += pending;
  return total;
}

/**
 * Parses a number written in Chinese numerals (一千二百六十, 一百零八, 两, 十一), digits (128) or
 * full-width digits (１２８). Returns null when the string is not a number.
 */
export function parseChineseNumber(input: string): number | null {
  const s = toAsciiDigits(input.trim());
  if (s === "") return null;
  if (/^[0-9]+$/.test(s)) return Number(s);
  const wanAt = s.indexOf("万");
  if (wanAt >= 0) {
    if (s.indexOf("万", wanAt + 1) >= 0) return null;
    const high = wanAt === 0 ? 1 : parseBelowWan(s.slice(0, wanAt));
    if (high === null) return null;
    let rest = s.slice(wanAt + 1);
    if (rest.startsWith("零") || rest.startsWith("〇")) rest = rest.slice(1);
    const low = rest === "" ? 0 : parseBelowWan(rest);
    if (low === null) return null;
    return high * WAN + low;
  }
  return parseBelowWan(s);
}

const DIGIT_CHARS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;
const UNIT_CHARS: ReadonlyArray<readonly [number, string]> = [[1000, "千"], [100, "百"], [10, "十"]];

function formatBelowWan(n: number, leadingTen: boolean): string {
  let out = "";
  let rest = n;
  let needZero = false;
  let started = false;
  for (const [value, unit] of UNIT_CHARS) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d === 0) {
      if (started) needZero = true;
      continue;
    }
    if (needZero) out += "零";
    needZero = false;
    if (!(value === 10 && d === 1 && !started && leadingTen)) out += DIGIT_CHARS[d];
    out += unit;
    started = true;
  }
  if (rest > 0) {
    if (needZero) out += "零";
    out += DIGIT_CHARS[rest];
  }
  return out;
}

/** 128 -> 一百二十八, 10 -> 十, 110 -> 一百一十, 1001 -> 一千零一, 0 -> 零. */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  if (n === 0) return "零";
  if (n < WAN) return formatBelowWan(n, true);
  const high = Math.floor(n / WAN);
  const low = n % WAN;
  let out = formatChineseNumber(high) + "万";
  if (low > 0) out += (low < 1000 ? "零" : "") + formatBelowWan(low, false);
  return out;
}

/** articleLabel(128, 1) -> "第一百二十八条之一". */
export function articleLabel(n: number, suffix?: number | null): string {
  const base = `第${formatChineseNumber(n)}条`;
  return suffix != null && suffix > 0 ? `${base}之${formatChineseNumber(suffix)}` : base;
}
