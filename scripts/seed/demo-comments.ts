/**
 * Demo comments: a few hundred views on the demo drafts, built from the articles' own text — a
 * clause quoted, a phrase to reword, a concern a lawyer, a business or a resident would raise —
 * across contact points, channels, categories, regions and the weeks the consultation has been open.
 * Written through recordComments (the one place comments are written), so every comment has its
 * receipt code and its outbox message, and the search index fills itself from the outbox.
 *
 * Deterministic (a seeded generator), so demo screenshots and tests see the same data each time.
 * Articles that other tests count comments on (个人信息保护法 第十三条, 第二十条) are left alone, and
 * staff-entered views come from the second and third contact points, not the demo staff member's.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { consultations, contactPoints, draftVersions, provisions } from "../../db/schema";
import type { Channel, CommenterCategory } from "../../db/schema/vocabulary";
import { cstDate } from "../../app/drafts/china-time";
import { recordComments, type NewComment } from "../../app/intake/record-comments.server";
import { richTextFromPlain } from "../../app/platform/rich-text/rich-text.server";
import { DEMO_TEXTS } from "./demo-comment-texts";

export interface DemoCommentPlan {
  draftId: string;
  count: number;
  /** Stable keys no demo comment may target. */
  avoid?: string[];
}

export interface DemoCommentOptions {
  now: Date;
  /** How many days back the views go (the consultation has been open that long). */
  days: number;
  /** Contact points whose staff enter offline views, with their region codes. */
  contactPoints: { id: string; regionCode: string | null }[];
  seed?: number;
}

interface Unit {
  id: string;
  key: string;
  label: string;
  text: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** mulberry32: small, fast, good enough to vary demo data reproducibly. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of entries) if ((r -= w) < 0) return v;
    return entries[0]![0];
  };
  return { next, pick, weighted };
}

/** Commentable units of a version: each article (or amendment point) with its whole text. */
async function unitsOf(db: Executor, versionId: string): Promise<Unit[]> {
  const rows = await db
    .select({ id: provisions.id, parentId: provisions.parentId, kind: provisions.kind, key: provisions.stableKey, label: provisions.label, text: provisions.text })
    .from(provisions)
    .where(eq(provisions.versionId, versionId))
    .orderBy(asc(provisions.ordinal));
  const units = new Map<string, Unit>();
  const owner = new Map<string, string>();
  for (const r of rows) {
    if (r.kind === "article" || (r.kind === "point" && !owner.has(r.parentId ?? ""))) {
      units.set(r.id, { id: r.id, key: r.key, label: r.label, text: r.text });
      owner.set(r.id, r.id);
    } else if (r.parentId && owner.has(r.parentId)) {
      const unit = units.get(owner.get(r.parentId)!)!;
      owner.set(r.id, unit.id);
      unit.text += r.text;
    }
  }
  return [...units.values()].filter((u) => [...u.text].length >= 12);
}

/** A clause of the article worth quoting: between full stops or semicolons, not too long. */
function clauseOf(text: string, rand: ReturnType<typeof generator>): string {
  const clauses = text.split(/[。；：]/).map((c) => c.trim().replace(/^[“”]+|[“”]+$/g, "")).filter((c) => [...c].length >= 8 && [...c].length <= 70);
  return clauses.length > 0 ? rand.pick(clauses) : [...text].slice(0, 40).join("");
}

/** A short phrase inside a clause (between commas), to propose a rewording of. */
function phraseOf(clause: string, rand: ReturnType<typeof generator>): string {
  const parts = clause.split(/[，、]/).map((p) => p.trim()).filter((p) => [...p].length >= 4 && [...p].length <= 24);
  return parts.length > 0 ? rand.pick(parts) : clause;
}

function reworded(phrase: string, rand: ReturnType<typeof generator>): string {
  if (phrase.includes("应当")) return phrase.replace("应当", rand.pick(["必须", "应当及时", "应当依法"]));
  if (phrase.includes("可以")) return phrase.replace("可以", "应当");
  if (phrase.includes("等")) return phrase.replace("等", rand.pick(["以及其他", "和其他类似"]));
  return `${phrase}${rand.pick(["，并及时告知个人", "，并向社会公布", "，具体办法由国务院有关部门规定", "，但法律另有规定的除外"])}`;
}

function body(unit: Unit | null, category: CommenterCategory, rand: ReturnType<typeof generator>): { text: string; proposedText: string | null; reason: string | null } {
  const t = DEMO_TEXTS;
  if (!unit) return { text: rand.pick(t.wholeDraft), proposedText: null, reason: null };
  const clause = clauseOf(unit.text, rand);
  const concern = rand.pick(t.concerns);
  const who = rand.next() < 0.35 ? `${rand.pick(t.introductions[category] ?? t.introductions.other)}，` : "";
  switch (Math.floor(rand.next() * 5)) {
    case 0:
      return { text: `${who}${unit.label}规定“${clause}”。${concern}`, proposedText: null, reason: null };
    case 1: {
      const phrase = phraseOf(clause, rand);
      const proposed = reworded(phrase, rand);
      return { text: `${who}建议将${unit.label}中的“${phrase}”修改为“${proposed}”。`, proposedText: clause.replace(phrase, proposed), reason: rand.pick(t.reasons) };
    }
    case 2:
      return { text: `${who}${unit.label}中“${phraseOf(clause, rand)}”的表述不够明确，${rand.pick(t.questions)}`, proposedText: null, reason: null };
    case 3:
      return { text: `${who}对${unit.label}，${concern}${rand.pick(t.suggestions)}`, proposedText: null, reason: rand.next() < 0.5 ? rand.pick(t.reasons) : null };
    default:
      return { text: `${who}同意${unit.label}的规定。${rand.pick(t.supports)}`, proposedText: null, reason: null };
  }
}

/** Writes the planned comments (all approved: the demo consultations are post-moderated) and returns how many. */
export async function seedDemoComments(db: Executor, plans: DemoCommentPlan[], options: DemoCommentOptions): Promise<number> {
  const rand = generator(options.seed ?? 20_261_130);
  let written = 0;
  for (const plan of plans) {
    const [version] = await db
      .select({ id: draftVersions.id })
      .from(draftVersions)
      .where(and(eq(draftVersions.draftId, plan.draftId), eq(draftVersions.status, "published")))
      .orderBy(asc(draftVersions.seq));
    if (!version) continue;
    const [consultation] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.versionId, version.id));
    const units = (await unitsOf(db, version.id)).filter((u) => !(plan.avoid ?? []).includes(u.key));
    if (units.length === 0) continue;
    // Some articles draw far more views than others, as in real consultations.
    const popular = units.filter(() => rand.next() < 0.15);
    const byDay = new Map<number, NewComment[]>();
    for (let i = 0; i < plan.count; i++) {
      const channel = rand.weighted<Channel>({ online: 45, symposium: 15, letter: 10, phone: 8, visit: 8, email: 7, questionnaire: 7 });
      const category = rand.weighted<CommenterCategory>({
        resident: 30, lawyer: 12, enterprise: 12, expert: 8, student: 8, deputy: 6, cppcc_member: 4, official: 8, other: 12,
      });
      const unit = rand.next() < 0.08 ? null : rand.next() < 0.4 && popular.length > 0 ? rand.pick(popular) : rand.pick(units);
      const said = body(unit, category, rand);
      const rich = richTextFromPlain(said.text, { maxChars: 5000 });
      if (!rich.ok) continue;
      const daysAgo = Math.floor(rand.next() * options.days);
      const online = channel === "online";
      const cp = online ? null : rand.pick(options.contactPoints);
      const named = !online && rand.next() < 0.4;
      const comment: NewComment = {
        draftId: plan.draftId, versionId: version.id, provisionId: unit?.id ?? null, provisionKey: unit?.key ?? null,
        consultationId: consultation?.id ?? null, contactPointId: cp?.id ?? null, source: online ? "public" : "staff", channel, category,
        region: online ? rand.pick(DEMO_TEXTS.places) : cp?.regionCode ?? null,
        body: rich.value, proposedText: said.proposedText, reason: said.reason, moderationStatus: "approved",
        saidOn: online ? null : cstDate(new Date(options.now.getTime() - daysAgo * DAY)),
        commenter: named ? { name: rand.pick(DEMO_TEXTS.names), phone: `1380000${String(Math.floor(rand.next() * 10_000)).padStart(4, "0")}` } : null,
      };
      byDay.set(daysAgo, [...(byDay.get(daysAgo) ?? []), comment]);
    }
    for (const [daysAgo, list] of [...byDay].sort((a, b) => b[0] - a[0])) {
      // Entered during that day (China time), oldest day first: "newest first" reads as it happened.
      const at = new Date(options.now.getTime() - daysAgo * DAY - (daysAgo === 0 ? 60_000 : 3 * 60 * 60 * 1000));
      written += (await recordComments(db, list, { now: at, outbox: "each" })).length;
    }
  }
  return written;
}

/** The contact points' region codes, for staff-entered views. */
export async function contactPointRegions(db: Executor, ids: string[]): Promise<{ id: string; regionCode: string | null }[]> {
  const rows = await db.select({ id: contactPoints.id, regionCode: contactPoints.regionCode }).from(contactPoints).where(inArray(contactPoints.id, ids));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}
