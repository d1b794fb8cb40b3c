/**
 * The edits applyAmendment makes to an article's 款/项: each returns null on success or a note
 * saying why it could not be made (never a silent guess).
 *
 * Numbering, as in drafting practice: an existing 款/项 is named by its number in the text being
 * amended (第一款第三项改为第四项，修改为… names the old 第三项 even after a 项 was added before
 * it), a new one by the position it will have (增加一项，作为第二项). So every 款/项 remembers its
 * original number (`origin`, null for added ones).
 */
import { formatChineseNumber } from "../parse/chinese-numbers";
import { parseParagraphs, type Paragraph, splitItemLabel } from "./article-text";
import type { ItemText, Target } from "./types";

export interface WorkItem extends ItemText {
  origin: number | null;
}
export interface WorkParagraph {
  text: string;
  items: WorkItem[];
  origin: number | null;
  /** How many 项 the 款 had in the text being amended. */
  originalItems: number;
}
export interface Work {
  paragraphs: WorkParagraph[];
  originalCount: number;
}

/** The article being amended: every 款 and 项 numbered as printed. */
export function toWork(paragraphs: readonly Paragraph[]): Work {
  return { paragraphs: paragraphs.map((p, k) => numbered(p, k + 1)), originalCount: paragraphs.length };
}

function numbered(p: Paragraph, origin: number | null): WorkParagraph {
  const items = p.items.map((i, j) => ({ ...i, ...(i.subitems ? { subitems: i.subitems.map((s) => ({ ...s })) } : {}), origin: j + 1 }));
  return { text: p.text, items, origin, originalItems: items.length };
}

export function describe(target: Target): string {
  const p = target.paragraph !== undefined ? `第${formatChineseNumber(target.paragraph)}款` : "";
  const i = target.item !== undefined ? `第${formatChineseNumber(target.item)}项` : "";
  return `${target.article.label}${p}${i}`;
}

const STANDARD_ITEM = /^（[一二三四五六七八九十百]+）$/;

/** Gives the 项 of a 款 the labels （一）（二）… again after an insertion or deletion, if they had them. */
function relabel(items: WorkItem[], notes: string[]): void {
  if (!items.every((i) => STANDARD_ITEM.test(i.label))) return;
  let changed = false;
  items.forEach((item, k) => {
    const label = `（${formatChineseNumber(k + 1)}）`;
    if (item.label !== label) changed = true;
    item.label = label;
  });
  if (changed) notes.push("项 relabelled in order after the change");
}

function paragraphOf(work: Work, target: Target, n: number): WorkParagraph | string {
  const found = work.paragraphs.find((p) => p.origin === n);
  if (found) return found;
  const where = describe({ article: target.article, paragraph: n });
  return n > work.originalCount || n < 1 ? `${where}: the article has ${work.originalCount} 款` : `${where}: removed by an earlier instruction`;
}

/** The 款 holding the target's 项: the one named, else the only 款 that has 项. */
function itemHost(work: Work, target: Target, paragraph: number | null | undefined): WorkParagraph | string {
  if (paragraph != null) return paragraphOf(work, target, paragraph);
  const hosts = work.paragraphs.filter((p) => p.items.length > 0);
  if (hosts.length === 1) return hosts[0]!;
  return `${describe(target)}: ${hosts.length === 0 ? "the article has no 项" : "several 款 have 项 and none is named"}`;
}

function itemOf(work: Work, target: Target, n: number): { host: WorkParagraph; index: number } | string {
  const host = itemHost(work, target, target.paragraph);
  if (typeof host === "string") return host;
  const index = host.items.findIndex((i) => i.origin === n);
  if (index >= 0) return { host, index };
  return n > host.originalItems || n < 1 ? `${describe(target)}: the 款 has ${host.originalItems} 项` : `${describe(target)}: removed by an earlier instruction`;
}

/** The texts a target covers: a whole article, a 款 with its 项, or one 项 (with its 目). */
function scope(work: Work, target: Target): { text: string }[] | string {
  if (target.item !== undefined) {
    const found = itemOf(work, target, target.item);
    if (typeof found === "string") return found;
    const item = found.host.items[found.index]!;
    return [item, ...(item.subitems ?? [])];
  }
  const paragraphs = target.paragraph !== undefined ? paragraphOf(work, target, target.paragraph) : work.paragraphs;
  if (typeof paragraphs === "string") return paragraphs;
  return (Array.isArray(paragraphs) ? paragraphs : [paragraphs]).flatMap((p) => [p, ...p.items.flatMap((i) => [i, ...(i.subitems ?? [])])]);
}

/** Rewrites every occurrence of `find` in the target; a note when there is none. */
export function editWords(work: Work, target: Target, find: string, replace: (found: string) => string, notes: string[]): string | null {
  const slots = scope(work, target);
  if (typeof slots === "string") return slots;
  if (find === "") return `${describe(target)}: empty quoted words`;
  let found = 0;
  for (const slot of slots) {
    const parts = slot.text.split(find);
    found += parts.length - 1;
    slot.text = parts.join(replace(find));
  }
  if (found === 0) return `${describe(target)}: “${find}” not found`;
  if (found > 1) notes.push(`${describe(target)}: “${find}” occurs ${found} times; changed at each`);
  return null;
}

export function replaceParagraph(work: Work, target: Target, newText: string): string | null {
  const old = paragraphOf(work, target, target.paragraph!);
  if (typeof old === "string") return old;
  const fresh = parseParagraphs(newText).map((p, k) => numbered(p, k === 0 ? old.origin : null));
  work.paragraphs.splice(work.paragraphs.indexOf(old), 1, ...fresh);
  return null;
}

export function replaceItem(work: Work, target: Target, newText: string): string | null {
  const found = itemOf(work, target, target.item!);
  if (typeof found === "string") return found;
  const old = found.host.items[found.index]!;
  const { label, text } = splitItemLabel(newText);
  found.host.items[found.index] = { label: label ?? old.label, text, origin: old.origin };
  return null;
}

export function insertParagraph(work: Work, target: Target, position: number | null, text: string): string | null {
  const at = position === null ? work.paragraphs.length : position - 1;
  if (at < 0 || at > work.paragraphs.length) return `${describe(target)}: cannot add a 第${formatChineseNumber(at + 1)}款 to ${work.paragraphs.length} 款`;
  work.paragraphs.splice(at, 0, ...parseParagraphs(text).map((p) => numbered(p, null)));
  return null;
}

export function insertItem(work: Work, target: Target, paragraph: number | null, position: number | null, text: string, notes: string[]): string | null {
  const host = itemHost(work, target, paragraph);
  if (typeof host === "string") return host;
  const at = position === null ? host.items.length : position - 1;
  if (at < 0 || at > host.items.length) return `${describe(target)}: cannot add a 第${formatChineseNumber(at + 1)}项 to ${host.items.length} 项`;
  const { label, text: itemText } = splitItemLabel(text);
  host.items.splice(at, 0, { label: label ?? `（${formatChineseNumber(at + 1)}）`, text: itemText, origin: null });
  relabel(host.items, notes);
  return null;
}

export function deletePart(work: Work, target: Target, notes: string[]): string | null {
  if (target.item !== undefined) {
    const found = itemOf(work, target, target.item);
    if (typeof found === "string") return found;
    found.host.items.splice(found.index, 1);
    relabel(found.host.items, notes);
    return null;
  }
  const old = paragraphOf(work, target, target.paragraph!);
  if (typeof old === "string") return old;
  work.paragraphs.splice(work.paragraphs.indexOf(old), 1);
  return null;
}
