/**
 * What is derived from published versions: the comparison table between two versions (条文对照表)
 * and the Akoma Ntoso export. Both inputs never change once published, so results are memoised.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { draftVersions, drafts, organizations } from "../../db/schema";
import { toAkomaNtoso } from "./akoma-ntoso";
import { clauseUnits } from "./compare/clause-units";
import { compareClauses, type Comparison } from "./compare/comparison";
import { cstDate } from "./consultations.server";
import { storedRows } from "./versions.server";

async function publishedVersions(db: Executor, slug: string) {
  const [draft] = await db.select().from(drafts).where(and(eq(drafts.slug, slug), isNull(drafts.archivedAt)));
  if (!draft) return null;
  const versions = await db.select().from(draftVersions).where(and(eq(draftVersions.draftId, draft.id), eq(draftVersions.status, "published")));
  return { draft, versions };
}

export interface VersionComparison {
  draft: { slug: string; title: string };
  from: { seq: number; label: string };
  to: { seq: number; label: string };
  comparison: Comparison;
}

const comparisons = new Map<string, Comparison>();
const MAX_CACHED = 16;

/** "1..2" → [1, 2]; null when malformed. */
export function parseRange(range: string): [number, number] | null {
  const m = /^(\d{1,4})\.\.(\d{1,4})$/.exec(range);
  if (!m) return null;
  const [from, to] = [Number(m[1]), Number(m[2])];
  return from !== to ? [from, to] : null;
}

/** The comparison a "1..2" address names, or null when the range is malformed or names no published versions. */
export async function compareRange(db: Executor, slug: string, range: string): Promise<VersionComparison | null> {
  const seqs = parseRange(range);
  return seqs ? compareVersions(db, slug, seqs[0], seqs[1]) : null;
}

export async function compareVersions(db: Executor, slug: string, fromSeq: number, toSeq: number): Promise<VersionComparison | null> {
  const found = await publishedVersions(db, slug);
  const from = found?.versions.find((v) => v.seq === fromSeq);
  const to = found?.versions.find((v) => v.seq === toSeq);
  if (!found || !from || !to) return null;
  const cacheKey = `${from.id}:${to.id}`;
  let comparison = comparisons.get(cacheKey);
  if (!comparison) {
    const [oldRows, newRows] = await Promise.all([storedRows(db, from.id), storedRows(db, to.id)]);
    comparison = compareClauses(clauseUnits(oldRows), clauseUnits(newRows), { old: `${found.draft.title}（${from.label}）`, new: `${found.draft.title}（${to.label}）` });
    comparisons.set(cacheKey, comparison);
    while (comparisons.size > MAX_CACHED) comparisons.delete(comparisons.keys().next().value!);
  }
  return {
    draft: { slug: found.draft.slug, title: found.draft.title },
    from: { seq: from.seq, label: from.label },
    to: { seq: to.seq, label: to.label },
    comparison,
  };
}

/** The Akoma Ntoso 3.0 XML of a published version, as a bill (a draft) of the owning body. */
export async function versionAkomaNtoso(db: Executor, slug: string, seq: number): Promise<{ xml: string; fileName: string } | null> {
  const found = await publishedVersions(db, slug);
  const version = found?.versions.find((v) => v.seq === seq);
  if (!found || !version) return null;
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, found.draft.organizationId));
  const rows = await storedRows(db, version.id);
  const date = cstDate(version.publishedAt!);
  const xml = toAkomaNtoso({
    title: found.draft.title,
    rows,
    meta: {
      country: "cn", docType: "bill", name: found.draft.slug, date, versionLabel: version.label, language: "zho",
      author: `#org-${found.draft.organizationId.slice(0, 8)}`, authorName: org?.name, subtype: found.draft.kind,
    },
  });
  return { xml, fileName: `${found.draft.slug}-v${version.seq}.akn.xml` };
}
