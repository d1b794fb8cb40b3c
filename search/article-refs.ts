/**
 * Article references (第一百二十八条, 第128条, 第１２８条, 第一百二十八条之一) → article numbers.
 * 第一百二十八条之一 is an article inserted after 128 (刑法's style); it is found under 128 because
 * the platform numbers articles by their base number (ProvisionPlace.articleNumber).
 */
import { fold } from "./fold";

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const SECTION_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** Characters of a Chinese numeral, for building patterns. */
export const NUMERAL_CHARS = Object.keys({ ...DIGITS, ...UNITS, ...SECTION_UNITS }).join("");

/** The largest article number we accept: no law has more; bigger numbers are not references. */
export const MAX_ARTICLE_NUMBER = 100_000;

/**
 * 一百二十八 → 128, 十三 → 13, 两百 → 200, 一百零三 → 103, 一千零三十四 → 1034, 二〇二四 → 2024
 * (digit by digit when there is no unit); ASCII and full-width digits too. null when the text is
 * not a numeral.
 */
export function chineseNumeral(text: string): number | null {
  const s = fold(text).trim();
  if (s === "") return null;
  if (/^[0-9]+$/.test(s)) return s.length > 15 ? null : Number(s);
  const chars = [...s];
  if (chars.every((ch) => DIGITS[ch] !== undefined)) {
    if (chars.length > 15) return null;
    return chars.reduce((value, ch) => value * 10 + DIGITS[ch]!, 0);
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity; // units within a section must descend: 一千二百, not 二百一千
  let lastSectionUnit = Infinity;
  let afterZero = false;
  for (const ch of chars) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null) return null; // 一二百: two digits with no unit between
      if (d === 0) { afterZero = true; continue; }
      digit = d;
      continue;
    }
    const unit = UNITS[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      section += (digit ?? 1) * unit; // 十三: a leading 十 means 一十
      digit = null;
      lastUnit = unit;
      afterZero = false;
      continue;
    }
    const sectionUnit = SECTION_UNITS[ch];
    if (sectionUnit !== undefined) {
      if (sectionUnit >= lastSectionUnit) return null;
      const value = section + (digit ?? 0);
      if (value === 0) return null;
      total += value * sectionUnit;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      lastSectionUnit = sectionUnit;
      afterZero = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 一百二 (colloquial 120): a last digit right after 百/千 counts one unit lower; after 零 it is units.
    section += !afterZero && lastUnit !== Infinity && lastUnit >= 100 ? digit * (lastUnit / 10) : digit;
  }
  const value = total + section;
  return Number.isSafeInteger(value) ? value : null;
}

const NUMBER = `[0-9]+|[${NUMERAL_CHARS}]+`;
/** 第…条, optionally 之一, optionally a range to 第…条 / …条. */
const ARTICLE_IN_TEXT = new RegExp(
  `第\\s*(${NUMBER})\\s*条(?:\\s*之\\s*[${NUMERAL_CHARS}0-9]+)?(?:\\s*(?:至|到|—|－|-|~|～)\\s*第?\\s*(${NUMBER})\\s*条)?`,
  "g",
);

/** Ranges longer than this are not expanded (only their two ends are taken). */
const MAX_RANGE = 50;

export function articleNumber(numeral: string): number | null {
  const value = chineseNumeral(numeral);
  return value !== null && value >= 1 && value <= MAX_ARTICLE_NUMBER ? value : null;
}

/** Adds one reference (and the articles of a range) to a set. */
export function addArticleRange(into: Set<number>, from: string, to: string | undefined): void {
  const first = articleNumber(from);
  if (first === null) return;
  into.add(first);
  if (to === undefined) return;
  const last = articleNumber(to);
  if (last === null) return;
  if (last > first && last - first <= MAX_RANGE) for (let n = first + 1; n <= last; n++) into.add(n);
  else into.add(last);
}

/**
 * Article numbers a text names, unique and ascending: 第一百二十八条, 第128条, 第１２８条,
 * 第一百二十八条之一 → 128; 第十三条第一款 → 13; 第十条至第十二条 → 10, 11, 12. Only the
 * 第…条 form counts in running text (a bare 3条 is more often "three items" than an article).
 */
export function articleRefsInText(text: string): number[] {
  const found = new Set<number>();
  for (const match of fold(text).matchAll(ARTICLE_IN_TEXT)) addArticleRange(found, match[1]!, match[2]);
  return [...found].sort((a, b) => a - b);
}
