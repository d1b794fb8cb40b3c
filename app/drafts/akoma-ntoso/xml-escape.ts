/**
 * XML 1.0 escaping for the Akoma Ntoso export. Text is kept as printed (Chinese, full-width
 * punctuation, U+3000, zero-width spaces…); only the characters XML reserves are escaped, and the few
 * code points XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates) are replaced by U+FFFD so that the output always parses.
 */

const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTR_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': "&quot;",
  // attribute-value normalisation would turn these into spaces
  "\t": "&#9;",
  "\n": "&#10;",
};

/** Replaces code points that XML 1.0 does not allow with U+FFFD. */
export function xmlSafe(value: string): string {
  return value.replace(NOT_XML_CHAR, "\uFFFD");
}

/** Escapes character data (element content): & < > (and CR, which a parser would drop). */
export function escapeXmlText(value: string): string {
  return xmlSafe(value).replace(/[&<>\r]/g, (c) => TEXT_ENTITIES[c]!);
}

/** Escapes a value for a double-quoted attribute. */
export function escapeXmlAttr(value: string): string {
  return xmlSafe(value).replace(/[&<>"\r\n\t]/g, (c) => ATTR_ENTITIES[c]!);
}

export type XmlAttrs = Readonly<Record<string, string | null | undefined>>;

/** ` a="1" b="2"` for the attributes that have a value (null/undefined are left out). */
export function attrs(values: XmlAttrs): string {
  let out = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeXmlAttr(value)}"`;
  }
  return out;
}

/** An element with text content only: `<num>第一条</num>`. */
export function textElement(name: string, attributes: XmlAttrs, text: string): string {
  return `<${name}${attrs(attributes)}>${escapeXmlText(text)}</${name}>`;
}

/** An empty element: `<FRBRdate date="…" name="…"/>`. */
export function emptyElement(name: string, attributes: XmlAttrs): string {
  return `<${name}${attrs(attributes)}/>`;
}

/**
 * Collects output lines with indentation. Structural elements go on their own line; inline content
 * (p, num, heading) is always written on one line, so no whitespace is added to mixed content.
 */
export class XmlWriter {
  private readonly parts: string[] = [];
  private depth = 0;

  constructor(private readonly indent = "  ") {}

  /** Writes a complete line at the current depth (the caller escapes). */
  line(markup: string): void {
    this.parts.push(this.indent.repeat(this.depth) + markup);
  }

  open(name: string, attributes: XmlAttrs = {}): void {
    this.line(`<${name}${attrs(attributes)}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.line(`</${name}>`);
  }

  text(name: string, attributes: XmlAttrs, text: string): void {
    this.line(textElement(name, attributes, text));
  }

  empty(name: string, attributes: XmlAttrs = {}): void {
    this.line(emptyElement(name, attributes));
  }

  toString(): string {
    return this.parts.join("\n") + "\n";
  }
}
