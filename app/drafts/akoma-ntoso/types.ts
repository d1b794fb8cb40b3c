import type { ProvisionRow } from "../flatten";

export type AkomaNtosoDocType = "act" | "bill";

export interface AkomaNtosoMeta {
  /** ISO 3166-1 alpha-2 country of the FRBR Work. */
  country: "cn";
  /** `bill` for a draft (草案, 征求意见稿), `act` for an adopted text. */
  docType: AkomaNtosoDocType;
  /** ASCII name of the Work in its IRI, e.g. "personal-information-protection". */
  name: string;
  /** YYYY-MM-DD of this version (the Expression date). */
  date: string;
  /** As printed, e.g. "征求意见稿"; "" when the version has no label. */
  versionLabel: string;
  /** ISO 639-2 alpha-3. */
  language: "zho";
  /** Reference to the organisation that authored the text, e.g. "#npcsc". */
  author: string;
  /** How the author is shown (TLCOrganization@showAs); defaults to a known name or the id. */
  authorName?: string;
  /** YYYY-MM-DD of the Work (first adoption / first draft); defaults to `date`. */
  workDate?: string;
  /** YYYY-MM-DD of this XML rendition (Manifestation date); defaults to `date`. */
  exportDate?: string;
  /** Subtype of the document, the `name` attribute of <act>/<bill> (e.g. "law", "regulation"); defaults to docType. */
  subtype?: string;
}

export interface AkomaNtosoInput {
  /** Title as printed, e.g. "中华人民共和国个人信息保护法". */
  title: string;
  /** Flattened provisions in document order (flattenProvisions). */
  rows: readonly ProvisionRow[];
  /** 题注 (history / adoption note), lines joined with "\n". */
  preface?: string | null;
  meta: AkomaNtosoMeta;
}

/** Akoma Ntoso elements the provisions are mapped to. */
export type AknElement =
  | "book"
  | "part"
  | "chapter"
  | "section"
  | "article"
  | "paragraph"
  | "point"
  | "hcontainer"
  | "preamble"
  | "attachment"
  /** a 款 of the 序言 */
  | "p";

export interface AknProvisionNode {
  type: "provision";
  row: ProvisionRow;
  element: AknElement;
  /** `name` attribute for <hcontainer>. */
  name?: string;
  eId: string;
  /** eId of the <blockContainer> that carries the heading of a 序言 ("序言"). */
  wrapperEId?: string;
  children: AknNode[];
}

/** A <list> wrapping consecutive 项/目 (or points) of one parent. */
export interface AknListNode {
  type: "list";
  eId: string;
  children: AknNode[];
}

export type AknNode = AknProvisionNode | AknListNode;

export interface AknLayout {
  /** Root-level 序言 rows, rendered in <preamble>. */
  preamble: AknProvisionNode[];
  /** Everything else that is not an annex, rendered in <body>. */
  body: AknNode[];
  /** Root-level annexes, rendered as <attachment>s. */
  attachments: AknProvisionNode[];
  /** The eId of every row, indexed by the row's ordinal (position in `rows`). */
  eIds: string[];
}
