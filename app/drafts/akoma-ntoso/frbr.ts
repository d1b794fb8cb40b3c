/**
 * <identification> (FRBR Work / Expression / Manifestation) and <references> of the export,
 * following the Akoma Ntoso Naming Convention 1.0, §4:
 *
 *   Work           /akn/cn/act/2021-08-20/personal-information-protection
 *   Expression     /akn/cn/act/2021-08-20/personal-information-protection/zho@2021-08-20
 *   Manifestation  /akn/cn/act/2021-08-20/personal-information-protection/zho@2021-08-20.akn
 *
 * FRBRthis names the component: "/!main" for the main document, "/!annex_1" for an attachment
 * (the Manifestation's FRBRthis ends in ".xml"). Every agent referenced (source, FRBRauthor) is
 * declared in <references> as a TLCOrganization, so the document is self-consistent.
 */
import type { AkomaNtosoMeta } from "./types";
import type { XmlWriter } from "./xml-escape";

/** The agent that produced the XML (identification@source, Manifestation author). */
export const MINYI = { eId: "minyi", href: "/akn/ontology/organization/unreg.minyi", showAs: "民意" } as const;

const KNOWN_AUTHORS: Readonly<Record<string, string>> = {
  npc: "全国人民代表大会",
  npcsc: "全国人民代表大会常务委员会",
  statecouncil: "国务院",
  mps: "公安部",
  unknown: "未知",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export interface FrbrUris {
  work: string;
  expression: string;
  manifestation: string;
}

function checkDate(label: string, value: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`Akoma Ntoso export: ${label} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The author's eId (without "#"), validated. */
export function authorId(meta: Pick<AkomaNtosoMeta, "author">): string {
  const id = meta.author.replace(/^#/, "");
  if (!ID.test(id)) throw new Error(`Akoma Ntoso export: author must look like "#npcsc", got ${JSON.stringify(meta.author)}`);
  return id;
}

export function frbrUris(meta: AkomaNtosoMeta): FrbrUris {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(meta.name)) {
    throw new Error(`Akoma Ntoso export: name must be an ASCII slug (a-z, 0-9, -), got ${JSON.stringify(meta.name)}`);
  }
  const workDate = checkDate("workDate", meta.workDate ?? meta.date);
  const date = checkDate("date", meta.date);
  const work = `/akn/${meta.country}/${meta.docType}/${workDate}/${meta.name}`;
  const expression = `${work}/${meta.language}@${date}`;
  return { work, expression, manifestation: `${expression}.akn` };
}

export interface IdentificationOptions {
  /** "main" or the attachment's component name ("annex_1"). */
  component: string;
  /** FRBRname of the Work (the title, or the annex heading). */
  title: string;
}

export function writeIdentification(w: XmlWriter, meta: AkomaNtosoMeta, { component, title }: IdentificationOptions): void {
  const uris = frbrUris(meta);
  const author = `#${authorId(meta)}`;
  const workDate = meta.workDate ?? meta.date;
  const exportDate = checkDate("exportDate", meta.exportDate ?? meta.date);
  w.open("identification", { source: `#${MINYI.eId}` });

  w.open("FRBRWork");
  w.empty("FRBRthis", { value: `${uris.work}/!${component}` });
  w.empty("FRBRuri", { value: uris.work });
  w.empty("FRBRdate", { date: workDate, name: meta.docType === "bill" ? "draft" : "adoption" });
  w.empty("FRBRauthor", { href: author });
  w.empty("FRBRcountry", { value: meta.country });
  if (meta.subtype) w.empty("FRBRsubtype", { value: meta.subtype });
  if (title) w.empty("FRBRname", { value: title });
  w.close("FRBRWork");

  w.open("FRBRExpression");
  w.empty("FRBRthis", { value: `${uris.expression}/!${component}` });
  w.empty("FRBRuri", { value: uris.expression });
  w.empty("FRBRdate", { date: meta.date, name: "version" });
  w.empty("FRBRauthor", { href: author });
  if (meta.versionLabel) w.empty("FRBRversionNumber", { value: meta.versionLabel });
  w.empty("FRBRlanguage", { language: meta.language });
  w.close("FRBRExpression");

  w.open("FRBRManifestation");
  w.empty("FRBRthis", { value: `${uris.expression}/!${component}.xml` });
  w.empty("FRBRuri", { value: uris.manifestation });
  w.empty("FRBRdate", { date: exportDate, name: "export" });
  w.empty("FRBRauthor", { href: `#${MINYI.eId}` });
  w.empty("FRBRformat", { value: "application/akn+xml" });
  w.close("FRBRManifestation");

  w.close("identification");
}

/** eIds taken by <references>; provisions must not reuse them. */
export function referenceEIds(meta: Pick<AkomaNtosoMeta, "author">): string[] {
  return [MINYI.eId, authorId(meta)];
}

export function writeReferences(w: XmlWriter, meta: AkomaNtosoMeta): void {
  const id = authorId(meta);
  w.open("references", { source: `#${MINYI.eId}` });
  w.empty("TLCOrganization", { eId: MINYI.eId, href: MINYI.href, showAs: MINYI.showAs });
  if (id !== MINYI.eId) {
    w.empty("TLCOrganization", {
      eId: id,
      href: `/akn/ontology/organization/${meta.country}.${id}`,
      showAs: meta.authorName || KNOWN_AUTHORS[id] || id,
    });
  }
  w.close("references");
}
