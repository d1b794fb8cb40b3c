/**
 * Export of a law text or draft version as Akoma Ntoso 3.0 XML (OASIS LegalDocML), valid against
 * the official schema (shared/contracts/akoma-ntoso/akomantoso30.xsd).
 *
 * <akomaNtoso>
 *   <act|bill name="law">                    bill for a draft in consultation (草案, 征求意见稿)
 *     <meta> identification (FRBR, frbr.ts) + references (TLCOrganization of every agent)
 *     <preface> <docTitle>, <docStage> (the version label), the 题注 lines
 *     <preamble> 序言
 *     <body> 编 book, 分编 part, 章 chapter, 节 section, 条 article, 款 paragraph,
 *            项/目 point in list, 一、二、 of amendment acts and decisions: article (layout.ts)
 *     <attachments> 附件 as attachment with its own <doc name="annex"> (body.ts)
 */
import { flattenProvisions, type ProvisionRow } from "../flatten";
import { parseLaw } from "../parse";
import { writeAttachments, writeBody, writePreamble } from "./body";
import { referenceEIds, writeIdentification, writeReferences } from "./frbr";
import { layoutProvisions } from "./layout";
import { deriveAkomaNtoso } from "./meta-from-text";
import type { AkomaNtosoInput, AkomaNtosoMeta } from "./types";
import { escapeXmlText, XmlWriter } from "./xml-escape";

export type { AkomaNtosoDocType, AkomaNtosoInput, AkomaNtosoMeta, AknLayout, AknNode } from "./types";
export { frbrUris } from "./frbr";
export { eIdNumber, layoutProvisions } from "./layout";
export { authorFrom, datedEvents, deriveAkomaNtoso, subtypeOf, titleSlug } from "./meta-from-text";
export { escapeXmlAttr, escapeXmlText } from "./xml-escape";

export const AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

function writePreface(w: XmlWriter, input: AkomaNtosoInput): void {
  w.open("preface", { eId: "preface" });
  w.line(`<p class="title"><docTitle>${escapeXmlText(input.title)}</docTitle></p>`);
  if (input.meta.versionLabel) w.line(`<p class="stage"><docStage>${escapeXmlText(input.meta.versionLabel)}</docStage></p>`);
  for (const line of (input.preface ?? "").split("\n")) {
    if (line.trim() !== "") w.line(`<p class="titleNote">${escapeXmlText(line)}</p>`);
  }
  w.close("preface");
}

/** The Akoma Ntoso XML of one version (rows as returned by flattenProvisions, in document order). */
export function toAkomaNtoso(input: AkomaNtosoInput): string {
  const { meta } = input;
  const layout = layoutProvisions(input.rows, referenceEIds(meta));
  const w = new XmlWriter();
  w.line('<?xml version="1.0" encoding="UTF-8"?>');
  w.open("akomaNtoso", { xmlns: AKN_NAMESPACE });
  w.open(meta.docType, { name: meta.subtype ?? meta.docType });
  w.open("meta");
  writeIdentification(w, meta, { component: "main", title: input.title });
  writeReferences(w, meta);
  w.close("meta");
  writePreface(w, input);
  writePreamble(w, layout.preamble);
  writeBody(w, layout.body);
  writeAttachments(w, layout.attachments, meta);
  w.close(meta.docType);
  w.close("akomaNtoso");
  return w.toString();
}

/**
 * The eId each row gets in the export (by position in `rows`), e.g. to link a comment on a row to
 * the exported element. See layout.ts for how they differ from ProvisionRow.eid.
 */
export function akomaNtosoEIds(rows: readonly ProvisionRow[], meta?: Pick<AkomaNtosoMeta, "author">): string[] {
  return layoutProvisions(rows, meta ? referenceEIds(meta) : []).eIds;
}

/**
 * Parses and exports a law text, with metadata derived from its title and 题注 (meta-from-text.ts);
 * `overrides` replaces any derived field (e.g. the date or author a draft record already knows).
 */
export function akomaNtosoFromText(text: string, fileName?: string, overrides: Partial<AkomaNtosoMeta> = {}): string {
  const law = parseLaw(text, fileName === undefined ? {} : { fileName });
  const derived = deriveAkomaNtoso(law, fileName);
  return toAkomaNtoso({ ...derived, rows: flattenProvisions(law), meta: { ...derived.meta, ...overrides } });
}
