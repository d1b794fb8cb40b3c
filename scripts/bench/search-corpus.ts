/**
 * Generated comments for the search benchmark, built from the real law texts in the corpus: each
 * comment is about an article of one of the 31 laws (taken as drafts under consultation), quotes or
 * reworks that article's own sentences, names other articles now and then, and carries the facets
 * an officer narrows by (contact point, organisation path, region, channel, category, status, date)
 * in skewed, realistic proportions: a few drafts and articles draw most views. Seeded: the same
 * seed gives the same million comments.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseLaw } from "../../app/drafts/parse";
import { flattenProvisions, type ProvisionRow } from "../../app/drafts/flatten";
import { CHANNELS, COMMENTER_CATEGORIES, MODERATION_STATUSES, PROCESSING_STATUSES } from "../../db/schema/vocabulary";
import type { CommentDocument } from "../../search/engine";

interface Article {
  key: string;
  number: number;
  label: string;
  chapterKey: string | null;
  path: string[];
  sentences: string[];
}

interface LawDraft {
  title: string;
  draftId: string;
  versionId: string;
  articles: Article[];
}

/** A deterministic uuid-shaped id from a name, so facet values are stable across runs. */
export function idFor(name: string): string {
  const h = createHash("sha1").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function seeded(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    /** Zipf-like: index 0 is the most likely. */
    skewed: (n: number) => Math.min(n - 1, Math.floor(n * next() ** 2.2)),
  };
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。；！？])/)
    .map((s) => s.replace(/\s+/g, "").trim())
    .filter((s) => s.length >= 6 && s.length <= 160);
}

/** The corpus laws as drafts with their articles (number, label, chapter, path, sentences). */
export function loadLawDrafts(corpusDir: string): LawDraft[] {
  const dir = path.join(corpusDir, "laws");
  if (!existsSync(dir)) throw new Error(`corpus not found at ${dir}: pass --corpus DIR`);
  const out: LawDraft[] = [];
  for (const file of readdirSync(dir).sort()) {
    const title = file.replace(/\.(txt|md)$/, "");
    const rows = flattenProvisions(parseLaw(readFileSync(path.join(dir, file), "utf8")));
    const byOrdinal = new Map(rows.map((r) => [r.ordinal, r]));
    const ancestors = (r: ProvisionRow) => {
      const chain: ProvisionRow[] = [];
      for (let p = r.parentOrdinal === null ? undefined : byOrdinal.get(r.parentOrdinal); p; p = p.parentOrdinal === null ? undefined : byOrdinal.get(p.parentOrdinal)) chain.unshift(p);
      return chain;
    };
    const articles: Article[] = [];
    for (const r of rows) {
      if (r.kind !== "article" || r.number === null) continue;
      const texts = [r.text, ...rows.filter((c) => c.stableKey.startsWith(`${r.stableKey}.`)).map((c) => c.text)].join("");
      const up = ancestors(r);
      const sentences = sentencesOf(texts);
      if (sentences.length === 0) continue;
      articles.push({
        key: r.stableKey, number: r.number, label: r.label, chapterKey: up.find((a) => a.kind === "chapter")?.stableKey ?? null,
        path: [...up.map((a) => `${a.label}${a.heading ? ` ${a.heading}` : ""}`), r.label], sentences,
      });
    }
    if (articles.length > 0) out.push({ title, draftId: idFor(`draft:${title}`), versionId: idFor(`version:${title}`), articles });
  }
  // Bigger laws (more to say about) first: the skewed pick makes them the busiest drafts.
  return out.sort((a, b) => b.articles.length - a.articles.length);
}

const OPENERS = [
  "建议将本条修改为：", "建议删除本条中的", "本条规定过于原则，建议细化：", "我认为", "建议明确", "对于", "基层在执行中反映，",
  "作为一名社区工作者，我建议", "本条与实际情况不符，", "赞成本条规定，同时建议", "建议增加一款：", "关于", "希望立法机关考虑",
];
const CLOSERS = [
  "", "", "", "便于基层理解和执行。", "以保护群众的合法权益。", "避免执行中出现争议。", "建议由有关部门作出具体规定。",
  "否则难以落实。", "期限过短，建议延长。", "处罚力度偏轻。", "应当听取老年人和残疾人的意见。", "与上位法的规定保持一致。",
];
const ASIDES = [
  "App 运营者", "cookie 的使用", "GDPR 的做法", "5G 基站", "AI 生成内容", "e-mail 通知", "二维码", "微信群", "短视频平台", "网约车",
  "养老机构收费", "物业服务", "快递员权益", "农村宅基地", "校外培训", "电动自行车", "外卖骑手", "直播带货", "人脸识别", "数据出境",
];
const CN = "零一二三四五六七八九";
function chineseNumber(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ""}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ""}`;
  const rest = n % 100;
  return `${CN[Math.floor(n / 100)]}百${rest === 0 ? "" : rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`;
}

export interface CommentFactory {
  drafts: LawDraft[];
  make(i: number): CommentDocument;
}

/**
 * Comments over `drafts`: 60 contact points in 3 provinces × 4 cities × counties, 7 channels, 9
 * categories, dates over a year. `make(i)` is deterministic in (seed, i).
 */
export function commentFactory(drafts: LawDraft[], seed = 20_261_130): CommentFactory {
  const provinces = Array.from({ length: 3 }, (_, p) => idFor(`org:p${p}`));
  const contactPoints = Array.from({ length: 60 }, (_, c) => {
    const p = c % 3;
    const city = Math.floor(c / 3) % 4;
    const county = Math.floor(c / 12) % 5;
    return {
      id: idFor(`cp:${c}`),
      orgs: [idFor("org:national"), provinces[p]!, idFor(`org:p${p}c${city}`), idFor(`org:p${p}c${city}k${county}`)],
      region: `${33 + p}${String(city + 1).padStart(2, "0")}${String(county + 1).padStart(2, "0")}`,
    };
  });
  const start = Date.UTC(2025, 11, 1);
  return {
    drafts,
    make(i: number): CommentDocument {
      const r = seeded(seed ^ Math.imul(i + 1, 2654435761));
      r.next();
      const draft = drafts[r.skewed(drafts.length)]!;
      const article = draft.articles[r.skewed(draft.articles.length)]!;
      const quote = article.sentences[r.int(article.sentences.length)]!;
      const parts = [OPENERS[r.int(OPENERS.length)]!, quote];
      if (r.int(4) === 0) parts.push(`这与${article.label}的规定有关，`);
      const refs = new Set([article.number]);
      if (r.int(6) === 0) {
        const other = draft.articles[r.int(draft.articles.length)]!;
        refs.add(other.number);
        parts.push(r.int(2) ? `并与第${chineseNumber(other.number)}条衔接。` : `并与第${other.number}条衔接。`);
      }
      if (r.int(5) === 0) parts.push(`特别是${ASIDES[r.int(ASIDES.length)]}，`);
      if (r.int(3) === 0) parts.push(draft.articles[r.int(draft.articles.length)]!.sentences[0]!);
      parts.push(CLOSERS[r.int(CLOSERS.length)]!);
      const cp = r.int(10) === 0 ? null : contactPoints[r.skewed(contactPoints.length)]!;
      const created = start + r.int(365 * 24 * 3600) * 1000;
      const channel = cp ? CHANNELS[1 + r.int(CHANNELS.length - 1)]! : "online";
      return {
        kind: "comment",
        id: idFor(`comment:${seed}:${i}`),
        receiptCode: `MY-${(i % 46656).toString(36).toUpperCase().padStart(3, "0")}-${Math.floor(i / 46656).toString(36).toUpperCase().padStart(3, "0")}`,
        draftId: draft.draftId,
        versionId: draft.versionId,
        provisionKey: article.key,
        articleNumber: article.number,
        chapterKey: article.chapterKey,
        provisionPath: article.path,
        articleRefs: [...refs].sort((a, b) => a - b),
        contactPointId: cp?.id ?? null,
        organizationIds: cp?.orgs ?? [],
        region: cp?.region ?? null,
        channel,
        category: COMMENTER_CATEGORIES[r.skewed(COMMENTER_CATEGORIES.length)]!,
        status: PROCESSING_STATUSES[r.skewed(PROCESSING_STATUSES.length)]!,
        moderation: cp ? "approved" : MODERATION_STATUSES[r.skewed(MODERATION_STATUSES.length)]!,
        date: new Date(created + 8 * 3600_000).toISOString().slice(0, 10),
        createdAt: new Date(created).toISOString(),
        body: parts.join(""),
        proposedText: r.int(3) === 0 ? `修改为：${article.sentences[r.int(article.sentences.length)]!}` : null,
        reason: r.int(4) === 0 ? CLOSERS[1 + r.int(CLOSERS.length - 1)] || null : null,
        duplicateGroupId: null,
      };
    },
  };
}
