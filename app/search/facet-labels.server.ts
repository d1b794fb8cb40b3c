/**
 * Names for the ids and codes the search engine counts and returns: draft titles, version labels,
 * chapter and article labels, contact point and organisation names, region names, and the closed
 * vocabularies from the i18n catalogue. One round of queries per page, whatever the number of hits.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { contactPoints, draftVersions, drafts, organizations, provisions } from "../../db/schema";
import type { FacetName } from "../../search/engine";
import type { Locale } from "../platform/i18n/locales";
import { translator, type MessageKey } from "../platform/i18n/translate";

/** What needs a name: values per facet (ids, keys or codes). */
export type LabelRequest = Partial<Record<FacetName, Iterable<string>>>;

export interface Labels {
  /** The name for a facet value; the value itself when nothing better is known. */
  of(facet: FacetName, value: string): string;
  draftSlug(draftId: string): string | null;
  /** The version's own label (征求意见稿), without its draft's title. */
  versionLabel(versionId: string): string;
}

const VOCABULARY_KEYS: Partial<Record<FacetName, (v: string) => string>> = {
  channel: (v) => `channel.${v}`,
  category: (v) => `category.${v}`,
  status: (v) => `receipt.step.${v}`,
  moderation: (v) => `moderation.status.${v}`,
};

const list = (values: Iterable<string> | undefined) => [...new Set(values ?? [])];

export async function resolveLabels(db: Executor, request: LabelRequest, locale: Locale): Promise<Labels> {
  const t = translator(locale);
  const en = locale === "en";
  const names = new Map<string, string>();
  const slugs = new Map<string, string>();
  const versionLabels = new Map<string, string>();
  const put = (facet: FacetName, value: string, label: string | null | undefined) => {
    if (label) names.set(`${facet}\u0000${value}`, label);
  };

  const draftIds = list(request.draftId);
  const versionIds = list(request.versionId);
  const keys = [...list(request.chapterKey), ...list(request.provisionKey)];
  const cpIds = list(request.contactPointId);
  const orgIds = list(request.organizationIds);
  const regions = list(request.region);

  const [draftRows, versionRows, cpRows, orgRows, regionOrgs, regionCps] = await Promise.all([
    draftIds.length ? db.select({ id: drafts.id, title: drafts.title, titleEn: drafts.titleEn, slug: drafts.slug }).from(drafts).where(inArray(drafts.id, draftIds)) : [],
    versionIds.length
      ? db.select({ id: draftVersions.id, label: draftVersions.label, title: drafts.title }).from(draftVersions).innerJoin(drafts, eq(drafts.id, draftVersions.draftId)).where(inArray(draftVersions.id, versionIds))
      : [],
    cpIds.length ? db.select({ id: contactPoints.id, name: contactPoints.name, nameEn: contactPoints.nameEn }).from(contactPoints).where(inArray(contactPoints.id, cpIds)) : [],
    orgIds.length ? db.select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn }).from(organizations).where(inArray(organizations.id, orgIds)) : [],
    regions.length ? db.select({ code: organizations.regionCode, name: organizations.name, level: organizations.level }).from(organizations).where(inArray(organizations.regionCode, regions)) : [],
    regions.length ? db.select({ code: contactPoints.regionCode, name: contactPoints.name }).from(contactPoints).where(inArray(contactPoints.regionCode, regions)) : [],
  ]);
  for (const d of draftRows) {
    put("draftId", d.id, en && d.titleEn ? d.titleEn : d.title);
    slugs.set(d.id, d.slug);
  }
  for (const v of versionRows) {
    versionLabels.set(v.id, v.label);
    put("versionId", v.id, draftIds.length === 1 ? v.label : `${v.title} · ${v.label}`);
  }
  for (const c of cpRows) put("contactPointId", c.id, en && c.nameEn ? c.nameEn : c.name);
  for (const o of orgRows) put("organizationIds", o.id, en && o.nameEn ? o.nameEn : o.name);
  // A region code names the place by the body that sits there (桐庐县人大常委会 → 桐庐县).
  for (const r of [...regionOrgs, ...regionCps]) if (r.code && !names.has(`region\u0000${r.code}`)) put("region", r.code, `${placeName(r.name)}（${r.code}）`);

  // Chapter and article keys repeat across drafts and versions: name them from the drafts in view,
  // latest version first, so 第二章 is the chapter as it reads now.
  if (keys.length > 0) {
    const scope = draftIds.length > 0 ? inArray(draftVersions.draftId, draftIds) : versionIds.length > 0 ? inArray(draftVersions.id, versionIds) : undefined;
    const rows = await db
      .select({ key: provisions.stableKey, label: provisions.label, heading: provisions.heading, seq: draftVersions.seq })
      .from(provisions)
      .innerJoin(draftVersions, eq(draftVersions.id, provisions.versionId))
      .where(and(inArray(provisions.stableKey, keys), scope));
    rows.sort((a, b) => b.seq - a.seq);
    for (const r of rows) {
      const label = [r.label, r.heading].filter(Boolean).join(" ");
      if (!names.has(`chapterKey\u0000${r.key}`)) put("chapterKey", r.key, label);
      if (!names.has(`provisionKey\u0000${r.key}`)) put("provisionKey", r.key, r.label);
    }
  }

  return {
    of(facet, value) {
      const vocabulary = VOCABULARY_KEYS[facet];
      if (vocabulary) return t(vocabulary(value) as MessageKey);
      return names.get(`${facet}\u0000${value}`) ?? value;
    },
    draftSlug: (id) => slugs.get(id) ?? null,
    versionLabel: (id) => versionLabels.get(id) ?? id,
  };
}

/** 桐庐县人大常委会 → 桐庐县; 淳安县千岛湖镇基层立法联系点 → 淳安县千岛湖镇. */
function placeName(name: string): string {
  const m = /^(.+?(?:省|自治区|市|自治州|州|盟|县|区|旗|镇|乡|街道))/.exec(name);
  return m?.[1] ?? name;
}
