/**
 * The open provisions while the tree is built (current part, chapter, article, paragraph, item…)
 * and the small operations on them. build-tree.ts decides what a line is; this file decides where
 * it goes.
 */
import type { ListStyle } from "./headings";
import type { ParsedProvision, ParseWarning, ProvisionKind } from "./types";
import type { ParseWarningCode } from "./warning-codes";

export function node(
  kind: ProvisionKind,
  line: number,
  fields: Partial<Pick<ParsedProvision, "number" | "suffix" | "label" | "heading" | "text">> = {},
): ParsedProvision {
  return {
    kind,
    number: fields.number ?? null,
    suffix: fields.suffix ?? null,
    label: fields.label ?? "",
    heading: fields.heading ?? null,
    text: fields.text ?? "",
    line,
    children: [],
  };
}

export class TreeState {
  readonly body: ParsedProvision[] = [];
  readonly warnings: ParseWarning[] = [];
  part: ParsedProvision | null = null;
  subpart: ParsedProvision | null = null;
  chapter: ParsedProvision | null = null;
  section: ParsedProvision | null = null;
  annex: ParsedProvision | null = null;
  preamble: ParsedProvision | null = null;
  /** The open article or point (the provisions that hold paragraphs). */
  unit: ParsedProvision | null = null;
  para: ParsedProvision | null = null;
  item: ParsedProvision | null = null;
  subitem: ParsedProvision | null = null;
  /** The provision whose text a continuation line extends (paragraph, item or subitem). */
  last: ParsedProvision | null = null;
  /** True while lines of an enumeration ("委员长，" "秘书长，" …) continue `last`. */
  continuing = false;
  /** A heading or annex just opened, still without content (its title may continue on the next line). */
  fresh: ParsedProvision | null = null;
  lastArticle: { number: number; suffix: number | null } | null = null;
  readonly lastNumber = new Map<ProvisionKind, number>();
  readonly styles = new Map<ParsedProvision, ListStyle>();

  warn(line: number, code: ParseWarningCode, message: string, text?: string): void {
    this.warnings.push(text === undefined ? { line, code, message } : { line, code, message, text });
    if (text !== undefined) {
      // text kept in a warning sits between provisions: nothing after it may extend an earlier one
      this.last = null;
      this.continuing = false;
    }
  }

  closeUnit(): void {
    this.unit = this.para = this.item = this.subitem = this.last = null;
    this.continuing = false;
    this.fresh = null;
  }

  closeAll(): void {
    this.closeUnit();
    this.part = this.subpart = this.chapter = this.section = this.annex = this.preamble = null;
  }

  /** Where articles and points go: the innermost open structure. */
  unitParent(): ParsedProvision[] {
    const p = this.section ?? this.chapter ?? this.subpart ?? this.part ?? this.annex;
    return p ? p.children : this.body;
  }

  /** The provision that takes a paragraph now, if any. */
  paragraphContainer(): ParsedProvision | null {
    return this.unit ?? this.preamble ?? (this.annex && !this.chapter && !this.part ? this.annex : null);
  }

  hasStructure(): boolean {
    return !!(this.part || this.subpart || this.chapter || this.section || this.annex || this.lastArticle);
  }

  addParagraph(container: ParsedProvision, line: number, text: string): ParsedProvision {
    const count = container.children.filter((c) => c.kind === "paragraph").length;
    const p = node("paragraph", line, { number: count + 1, text });
    container.children.push(p);
    this.para = this.last = p;
    this.item = this.subitem = null;
    this.continuing = false;
    this.fresh = null;
    return p;
  }

  /** Checks that a number follows its siblings or the last number of its kind; warns otherwise. */
  checkSequence(kind: ProvisionKind, number: number, siblings: readonly ParsedProvision[], line: number, label: string): void {
    const count = siblings.filter((s) => s.kind === kind).length;
    const previous = this.lastNumber.get(kind);
    if (number !== count + 1 && (previous === undefined || number !== previous + 1)) {
      this.warn(line, "numbering", `${label}: expected number ${count + 1}${previous !== undefined ? ` or ${previous + 1}` : ""}`);
    }
    this.lastNumber.set(kind, number);
  }

  /** Appends a continuation line to the provision that is being extended. */
  extendLast(text: string): void {
    if (!this.last) return;
    this.last.text = this.last.text === "" ? text : `${this.last.text}\n${text}`;
    this.continuing = /[，,；;]$/.test(text);
  }
}
