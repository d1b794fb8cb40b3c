/**
 * Builds the provision tree from the body lines. Each line is classified by its label (the
 * Markdown heading depth is ignored: it does not follow the structure) and placed under the open
 * provisions. Lines that cannot be placed become warnings that keep their text.
 */
import { finalise } from "./finalise";
import {
  classifyLine,
  isHeadingLike,
  isNavigationLine,
  normaliseHeading,
  splitTrailingNavigation,
  type LineToken,
} from "./headings";
import { findAppendedDocument, isStandalone, nextToken } from "./lookahead";
import type { SourceLine } from "./normalise-lines";
import { startsTable, takeTable } from "./tables";
import { node, TreeState } from "./tree-state";
import type { ParsedProvision, ParseWarning } from "./types";
import type { ParseWarningCode } from "./warning-codes";

type Token<T extends LineToken["type"]> = Extract<LineToken, { type: T }>;

export function buildTree(
  lines: readonly SourceLine[],
  start: number,
  markdown: boolean,
): { body: ParsedProvision[]; warnings: ParseWarning[] } {
  const b = new Builder(lines, markdown);
  b.run(start);
  return b.finish();
}

class Builder {
  private readonly s = new TreeState();

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly markdown: boolean,
  ) {}

  run(start: number): void {
    const { lines, s } = this;
    for (let i = start; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.blank && line.markup !== "comment") continue;
      const fresh = s.fresh;
      i = this.line(line, i);
      if (s.fresh === fresh) s.fresh = null; // a heading's title can only continue on the very next line
    }
  }

  /** Handles lines[i]; returns the index of the last line it consumed. */
  private line(line: SourceLine, i: number): number {
    const { lines, s } = this;
    if (line.markup === "comment") {
      s.warn(line.no, "markup-comment", "HTML comment inside the body", line.text);
      return i;
    }
    const titlePending = s.fresh !== null && s.fresh.heading === null && !line.tableRow;
    if (!titlePending && startsTable(lines, i)) {
      const table = takeTable(lines, i);
      this.placeTable(line, table.text);
      return table.end;
    }
    const nav = splitTrailingNavigation(line.text);
    if (nav) {
      // "…下列条款： [大萌法律读本](../duben) >>": keep the text, report the link
      this.place({ ...line, text: nav.text }, classifyLine(nav.text), i);
      s.warn(line.no, "navigation", "site navigation link at the end of a line", nav.link);
      return i;
    }
    if (isNavigationLine(line.text)) {
      s.warn(line.no, "navigation", "site navigation line inside the body", line.text);
      return i;
    }
    const doc = findAppendedDocument(lines, i);
    if (doc) {
      this.openUnlabelledAnnex(line, doc.title.join(""), lines[doc.noteIndex]!.text);
      return doc.noteIndex;
    }
    this.place(line, classifyLine(line.text), i);
    return i;
  }

  private place(line: SourceLine, token: LineToken, i: number): void {
    const s = this.s;
    switch (token.type) {
      case "structure":
        return this.structure(line, token);
      case "article":
        return this.article(line, token, i);
      case "list":
        return this.list(line, token);
      case "preamble": {
        s.closeAll();
        s.preamble = node("preamble", line.no, { label: token.label });
        s.body.push(s.preamble);
        return;
      }
      case "supplementary": {
        s.closeUnit();
        s.preamble = s.part = s.subpart = s.section = null;
        const sup = node("chapter", line.no, { heading: token.heading });
        (s.annex ? s.annex.children : s.body).push(sup);
        s.chapter = s.fresh = sup;
        return;
      }
      case "annex": {
        s.closeAll();
        const annex = node("annex", line.no, { number: token.number, label: token.label, heading: token.heading });
        s.body.push(annex);
        s.annex = s.fresh = annex;
        s.lastArticle = null;
        return;
      }
      case "footnote":
        s.warn(line.no, "footnote", "footnote line: not part of a provision", line.text);
        return;
      case "text":
        return this.text(line, i);
    }
  }

  private structure(line: SourceLine, t: Token<"structure">): void {
    const s = this.s;
    s.closeUnit();
    s.preamble = null;
    let parent: ParsedProvision | null;
    if (t.kind === "part") {
      s.subpart = s.chapter = s.section = null;
      parent = s.annex;
    } else if (t.kind === "subpart") {
      s.chapter = s.section = null;
      parent = s.part ?? s.annex;
      if (!s.part) s.warn(line.no, "orphan-subpart", `${t.label} outside any 编`);
    } else if (t.kind === "chapter") {
      s.section = null;
      parent = s.subpart ?? s.part ?? s.annex;
    } else {
      parent = s.chapter ?? s.subpart ?? s.part ?? s.annex;
      if (!s.chapter) s.warn(line.no, "orphan-section", `${t.label} outside any 章`);
    }
    const siblings = parent ? parent.children : s.body;
    s.checkSequence(t.kind, t.number, siblings, line.no, t.label);
    const h = node(t.kind, line.no, { number: t.number, label: t.label, heading: t.heading });
    siblings.push(h);
    s[t.kind] = h;
    s.fresh = h;
  }

  private article(line: SourceLine, t: Token<"article">, i: number): void {
    const s = this.s;
    const prev = s.lastArticle;
    const expected =
      prev === null
        ? t.number === 1 && t.suffix === null
        : (t.number === prev.number + 1 && t.suffix === null) ||
          (t.number === prev.number && t.suffix === (prev.suffix ?? 0) + 1);
    if (t.irregular === "no-space" && !expected) return this.text(line, i);
    if (t.irregular) s.warn(line.no, "label-spacing", `irregular spacing in article label, read as ${t.label}`);
    if (!expected) s.warn(line.no, "numbering", `${t.label} does not follow the previous article`);
    s.closeUnit();
    s.preamble = null;
    const a = node("article", line.no, { number: t.number, suffix: t.suffix, label: t.label });
    s.unitParent().push(a);
    s.unit = a;
    s.lastArticle = { number: t.number, suffix: t.suffix };
    if (t.rest !== "") s.addParagraph(a, line.no, t.rest);
  }

  private list(line: SourceLine, t: Token<"list">): void {
    const s = this.s;
    if (t.style === "comma" && s.unit?.kind !== "article") return this.point(line, t);
    const open = s.subitem ?? s.item;
    const openStyle = open ? s.styles.get(open) : undefined;
    const deeper = t.style === "arabic" || t.style === "paren-arabic";
    if (deeper && s.item && (openStyle !== t.style || s.subitem)) {
      const parentItem = s.item;
      const sub = node("subitem", line.no, { number: t.number, label: t.label, text: t.rest });
      this.checkListNumber(parentItem, sub, t);
      parentItem.children.push(sub);
      s.subitem = s.last = sub;
      s.continuing = false;
      return;
    }
    let para = s.para;
    if (!para) {
      const container = s.paragraphContainer();
      if (!container) return this.unplaced(line);
      para = s.addParagraph(container, line.no, "");
    }
    const item = node("item", line.no, { number: t.number, label: t.label, text: t.rest });
    this.checkListNumber(para, item, t);
    para.children.push(item);
    s.item = s.last = item;
    s.subitem = null;
    s.continuing = false;
  }

  private checkListNumber(parent: ParsedProvision, child: ParsedProvision, t: Token<"list">): void {
    const s = this.s;
    const same = parent.children.filter((c) => s.styles.get(c) === t.style).length;
    s.styles.set(child, t.style);
    if (t.number !== same + 1) s.warn(child.line, "numbering", `${t.label}: expected number ${same + 1}`);
  }

  private point(line: SourceLine, t: Token<"list">): void {
    const s = this.s;
    s.closeUnit();
    s.preamble = null;
    const siblings = s.unitParent();
    const count = siblings.filter((c) => c.kind === "point").length;
    if (t.number !== count + 1) s.warn(line.no, "numbering", `${t.label}: expected number ${count + 1}`);
    const p = node("point", line.no, { number: t.number, label: t.label });
    siblings.push(p);
    s.unit = p;
    if (t.rest !== "") s.addParagraph(p, line.no, t.rest);
  }

  private text(line: SourceLine, i: number): void {
    const s = this.s;
    const text = line.text;
    const fresh = s.fresh;
    if (fresh && fresh.heading === null && isHeadingLike(text, 60)) {
      fresh.heading = normaliseHeading(text); // "附件一" / "第一章" with the title on the next line
      s.fresh = null;
      return;
    }
    if (fresh && fresh.kind !== "annex" && fresh.heading !== null && isHeadingLike(text, 30) && this.nextIsLabelled(i)) {
      fresh.heading += normaliseHeading(text);
      s.fresh = null;
      s.warn(line.no, "heading-continuation", `heading of ${fresh.label || "附则"} continued on this line`);
      return;
    }
    if (!this.markdown && isStandalone(this.lines, i) && isHeadingLike(text, 40) && !s.continuing) {
      // a caption between blank lines: after an annex it starts another one ("区旗图案")
      // or, after the last article, the title of an appended text ("关于…（草案）的说明")
      if (s.annex || (s.unit && nextToken(this.lines, i)?.type === "text")) return this.openUnlabelledAnnex(line, text);
      if (!s.paragraphContainer() && s.hasStructure()) {
        return this.unplaced(line, "unplaced-heading", "unnumbered heading that fits no level");
      }
    }
    if (s.continuing && s.last) return s.extendLast(text);
    if (s.last && s.item && this.continuesList(i)) return s.extendLast(text); // a second sentence of an item
    if (s.last && /[：:]$/.test(s.last.text) && /[，,；;]$/.test(text) && text.length <= 40 && !/^[“"‘]/.test(text)) {
      return s.extendLast(text);
    }
    const container = s.paragraphContainer() ?? (s.hasStructure() ? null : this.openPreamble(line));
    if (!container) return this.unplaced(line);
    s.addParagraph(container, line.no, text);
  }

  private openPreamble(line: SourceLine): ParsedProvision {
    const s = this.s;
    s.preamble = node("preamble", line.no);
    s.body.push(s.preamble);
    return s.preamble;
  }

  private placeTable(line: SourceLine, table: string): void {
    const s = this.s;
    if (s.last && /[：:]$/.test(s.last.text)) {
      s.last.text += `\n${table}`;
      s.continuing = false;
      return;
    }
    const container = s.paragraphContainer() ?? (s.hasStructure() ? null : this.openPreamble(line));
    if (!container) return this.unplaced(line, "unplaced-text", "table outside any provision", table);
    s.addParagraph(container, line.no, table);
  }

  private unplaced(
    line: SourceLine,
    code: ParseWarningCode = "unplaced-text",
    message = "text outside any provision",
    text = line.text,
  ): void {
    this.s.warn(line.no, code, message, text);
  }

  /** True when the next line continues the numbering of the open item or subitem. */
  private continuesList(i: number): boolean {
    const next = nextToken(this.lines, i);
    if (next?.type !== "list") return false;
    const s = this.s;
    return [s.subitem, s.item].some((open) => open && s.styles.get(open) === next.style && open.number! + 1 === next.number);
  }

  private nextIsLabelled(i: number): boolean {
    const t = nextToken(this.lines, i)?.type;
    return t === undefined || t === "article" || t === "structure" || t === "supplementary" || t === "list";
  }

  /** An appended document becomes an annex without label; its 题注, if any, is the annex's text. */
  private openUnlabelledAnnex(line: SourceLine, title: string, note = ""): void {
    const s = this.s;
    s.closeAll();
    const annex = node("annex", line.no, { heading: normaliseHeading(title), text: note });
    s.body.push(annex);
    s.annex = annex;
    s.lastArticle = null;
  }

  finish(): { body: ParsedProvision[]; warnings: ParseWarning[] } {
    const s = this.s;
    finalise(s.body);
    s.warnings.sort((a, b) => a.line - b.line);
    return { body: s.body, warnings: s.warnings };
  }
}
