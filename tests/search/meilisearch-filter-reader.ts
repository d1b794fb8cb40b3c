/**
 * Reads back the filter clauses the adapter writes, the way Meilisearch's filter parser does
 * (crates/filter-parser: a double-quoted value runs to the first `"` not preceded by `\`; then
 * `\"` becomes `"` and the other backslash escapes — `\\`, `\n`, `\u{…}` — are resolved).
 * Only the clause shapes the adapter produces are accepted: `[NOT] attr IN [v, …]`, `attr OP value`.
 * Anything else (an OR smuggled in through a value, a dangling quote) is an error, which is what
 * the escaping tests look for.
 */
export type Clause = { not?: true } & (
  | { attribute: string; op: "IN"; values: string[] }
  | { attribute: string; op: "=" | "!=" | ">" | ">=" | "<" | "<="; values: [string] });

type Token = { kind: "quoted" | "word" | "punct"; text: string };

const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "'": "'", n: "\n", r: "\r", t: "\t", "0": "\0" };

function unescape(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = raw[++i];
    if (next === undefined) throw new Error("dangling backslash");
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (next === "u" && raw[i + 1] === "{") {
      const end = raw.indexOf("}", i);
      if (end < 0) throw new Error("unterminated \\u{");
      out += String.fromCodePoint(parseInt(raw.slice(i + 2, end), 16));
      i = end;
    } else throw new Error(`invalid escape \\${next}`);
  }
  return out;
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"') {
      let j = i + 1;
      for (; j < filter.length; j++) {
        if (filter[j] === "\\") { j++; continue; }
        if (filter[j] === '"') break;
      }
      if (j >= filter.length) throw new Error(`missing closing quote in ${filter}`);
      tokens.push({ kind: "quoted", text: unescape(filter.slice(i + 1, j)) });
      i = j + 1;
      continue;
    }
    const op = /^(>=|<=|!=|=|>|<|\[|\]|,)/.exec(filter.slice(i));
    if (op) { tokens.push({ kind: "punct", text: op[1]! }); i += op[1]!.length; continue; }
    const word = /^[\p{L}\p{N}_.-]+/u.exec(filter.slice(i));
    if (!word) throw new Error(`unexpected ${JSON.stringify(c)} in ${filter}`);
    tokens.push({ kind: "word", text: word[0] });
    i += word[0].length;
  }
  return tokens;
}

/** One clause, or an error when the text is anything more or less than one clause. */
export function readClause(filter: string): Clause {
  const all = tokenize(filter);
  const negated = all[0]?.kind === "word" && all[0].text === "NOT";
  const clause = readPositive(negated ? all.slice(1) : all, filter);
  return negated ? { not: true, ...clause } : clause;
}

function readPositive(t: Token[], filter: string): Clause {
  const attribute = t[0];
  if (!attribute || attribute.kind !== "word") throw new Error(`no attribute in ${filter}`);
  if (t[1]?.kind === "word" && t[1].text === "IN") {
    if (t[2]?.text !== "[" || t[t.length - 1]?.text !== "]") throw new Error(`bad IN list in ${filter}`);
    const values: string[] = [];
    const inner = t.slice(3, -1);
    for (let i = 0; i < inner.length; i++) {
      const tok = inner[i]!;
      if (i % 2 === 1) {
        if (tok.text !== ",") throw new Error(`expected , in ${filter}`);
        continue;
      }
      if (tok.kind === "punct") throw new Error(`expected a value in ${filter}`);
      if (tok.kind === "word" && ["AND", "OR", "NOT", "IN", "TO", "EXISTS"].includes(tok.text)) throw new Error(`keyword in ${filter}`);
      values.push(tok.text);
    }
    return { attribute: attribute.text, op: "IN", values };
  }
  const op = t[1];
  if (t.length !== 3 || op?.kind !== "punct" || !["=", "!=", ">", ">=", "<", "<="].includes(op.text)) {
    throw new Error(`not a single clause: ${filter}`);
  }
  if (t[2]!.kind === "punct") throw new Error(`expected a value in ${filter}`);
  return { attribute: attribute.text, op: op.text as Clause["op"], values: [t[2]!.text] } as Clause;
}
