/**
 * Akoma Ntoso metadata derived from a parsed law text alone (for akomaNtosoFromText).
 *
 * - name: the Work's IRI needs an ASCII name and no transliteration (pinyin) is available, so it is
 *   "law-" + a 64-bit FNV-1a hash of the title (whitespace and a trailing draft note removed), in
 *   base 36: stable for every version and layout of the same title (立法法 2015 and 2023 are one
 *   Work), independent of file names and import order. A file's ordinal would change with the order.
 * - dates: the dates of the 题注 / history lines that record an event (通过, 修正, 修订, 公布, 批准,
 *   发布; not 施行 alone). The first is the Work date (first adoption), the latest the Expression date
 *   (this version). Without such a date: a date in the file name (2023-03-13 or _20230313), else today.
 * - docType: "bill" when a draft note such as "（征求意见稿）" or "（草案）" follows the title (its text
 *   becomes the versionLabel and leaves the preface), else "act" with versionLabel "".
 * - author: the organ of the first recorded event (第十三届全国人民代表大会常务委员会 → #npcsc, 全国人民
 *   代表大会 → #npc, 国务院令 → #statecouncil, 公安部令 → #mps); other organs, e.g. 上海市人民代表大会常务
 *   委员会, get "#org-" + a hash of their name and are shown by name; "#unknown" when none is printed.
 * - subtype (<act name>): from the title's ending (法 → law, 条例 → regulation, 决定 → decision…).
 */
import type { ParsedLaw } from "../parse/types";
import type { AkomaNtosoInput, AkomaNtosoMeta } from "./types";

const DRAFT_NOTE = /[（(]([^（()）]{0,20}(?:草案|征求意见稿|审议稿|送审稿|讨论稿|建议稿)[^（()）]{0,10})[）)]$/;
const EVENT_VERB = /通过|修正|修订|公布|批准|发布/;
const CHINESE_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;

/** 64-bit FNV-1a of the UTF-8 bytes of `text`, in base 36 (13 characters). */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK64;
  }
  return hash.toString(36).padStart(13, "0");
}

function stripDraftNote(title: string): string {
  return title.replace(/\s+/g, "").replace(DRAFT_NOTE, "");
}

/** ASCII name of the Work: "law-" + hash of the title (see the module comment). */
export function titleSlug(title: string): string {
  return `law-${fnv1a64(stripDraftNote(title))}`;
}

/** 十二 → 12, 二十九 → 29, 三十一 → 31 (days and months only). */
function smallChineseNumber(s: string): number {
  if (!s.includes("十")) return CHINESE_DIGITS[s] ?? NaN;
  const [tens, units] = s.split("十") as [string, string];
  return (tens === "" ? 1 : CHINESE_DIGITS[tens] ?? NaN) * 10 + (units === "" ? 0 : CHINESE_DIGITS[units] ?? NaN);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface DatedEvent {
  date: string;
  /** text from the date to the next date */
  text: string;
}

/** Dates in a 题注 / history text (Arabic, full-width or Chinese numerals), each with the text that follows it. */
export function datedEvents(history: string): DatedEvent[] {
  const text = history.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const found: { index: number; end: number; date: string | null }[] = [];
  for (const m of text.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)) {
    found.push({ index: m.index, end: m.index + m[0].length, date: isoDate(+m[1]!, +m[2]!, +m[3]!) });
  }
  for (const m of text.matchAll(/([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g)) {
    const year = Number([...m[1]!].map((c) => CHINESE_DIGITS[c]).join(""));
    found.push({ index: m.index, end: m.index + m[0].length, date: isoDate(year, smallChineseNumber(m[2]!), smallChineseNumber(m[3]!)) });
  }
  found.sort((a, b) => a.index - b.index);
  return found.flatMap((f, i) => (f.date ? [{ date: f.date, text: text.slice(f.end, found[i + 1]?.index ?? text.length) }] : []));
}

function fileNameDate(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(fileName) ?? /_(\d{4})(\d{2})(\d{2})(?!\d)/.exec(fileName);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

const ORGANS: readonly [RegExp, string][] = [
  [/全国人民代表大会常务委员会/, "npcsc"],
  [/全国人民代表大会/, "npc"],
  [/国务院/, "statecouncil"],
  [/公安部令/, "mps"],
];

/** The organ named in a history text: [author id, name as printed]. */
export function authorFrom(text: string): { author: string; authorName?: string } {
  for (const [re, id] of ORGANS) if (re.test(text)) return { author: `#${id}` };
  const local = /([\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|盟|县|区))第[一二三四五六七八九十]+届人民代表大会(常务委员会)?/.exec(text);
  if (local) {
    const name = `${local[1]}人民代表大会${local[2] ?? ""}`;
    return { author: `#org-${fnv1a64(name).slice(0, 8)}`, authorName: name };
  }
  const order = /([\u4e00-\u9fff]{2,12}?(?:部|委员会|局|署|行|院|政府))令/.exec(text);
  if (order) return { author: `#org-${fnv1a64(order[1]!).slice(0, 8)}`, authorName: order[1]! };
  return { author: "#unknown" };
}

const SUBTYPES: readonly [RegExp, string][] = [
  [/宪法(修正案)?$/, "constitution"],
  [/修正案[（(][^）)]*[）)]$|修正案$/, "amendment"],
  [/决定$/, "decision"],
  [/决议$/, "resolution"],
  [/规定$/, "provisions"],
  [/条例$/, "regulation"],
  [/办法$/, "measures"],
  [/法典?$/, "law"],
];

export function subtypeOf(title: string): string | undefined {
  const t = stripDraftNote(title);
  return SUBTYPES.find(([re]) => re.test(t))?.[1];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Title, 题注 and metadata of a parsed law, ready for toAkomaNtoso (rows to be added). */
export function deriveAkomaNtoso(law: Pick<ParsedLaw, "title" | "subtitle">, fileName?: string): Omit<AkomaNtosoInput, "rows"> {
  const lines = (law.subtitle ?? "").split("\n").filter((l) => l.trim() !== "");
  const noteLine = lines.find((l) => DRAFT_NOTE.test(l.trim()) && l.trim().replace(DRAFT_NOTE, "") === "");
  const titleNote = DRAFT_NOTE.exec(law.title.trim());
  const versionLabel = (noteLine ? DRAFT_NOTE.exec(noteLine.trim())?.[1] : titleNote?.[1]) ?? "";
  const history = lines.filter((l) => l !== noteLine).join("\n");

  const events = datedEvents(history).filter((e) => EVENT_VERB.test(e.text));
  const fallback = fileNameDate(fileName) ?? today();
  const workDate = events[0]?.date ?? fallback;
  const date = events.reduce((latest, e) => (e.date > latest ? e.date : latest), workDate);
  const { author, authorName } = authorFrom(events[0] ? events[0].text : `${law.title}\n${history}`);
  const subtype = subtypeOf(law.title);

  const meta: AkomaNtosoMeta = {
    country: "cn",
    docType: versionLabel ? "bill" : "act",
    name: titleSlug(law.title),
    date,
    workDate,
    versionLabel,
    language: "zho",
    author,
    ...(authorName ? { authorName } : {}),
    ...(subtype ? { subtype } : {}),
  };
  return { title: law.title, preface: history === "" ? null : history, meta };
}
