/**
 * The remark column of a comparison table (备注), in Chinese and English: where a moved clause came
 * from, what an added clause was split from, where a deleted clause was merged into.
 */
import type { ArticleInput, ArticleMatch, ArticleRelation } from "./match-articles";

export interface RowNote {
  zh: string;
  en: string;
}

type Clause = Pick<ArticleInput, "key" | "label" | "number" | "suffix" | "kind">;

function enLabel(c: Clause): string {
  if ((c.kind ?? "article") !== "article" || c.number === null) return c.label;
  return `Art. ${c.number}${c.suffix ? `-${c.suffix}` : ""}`;
}

function zhList(clauses: readonly Clause[]): string {
  return clauses.map((c) => c.label).join("、");
}

function enList(clauses: readonly Clause[]): string {
  return clauses.map(enLabel).join(", ");
}

export interface NoteContext {
  oldByKey: ReadonlyMap<string, Clause>;
  newByKey: ReadonlyMap<string, Clause>;
  relations: readonly ArticleRelation[];
}

export function rowNote(match: ArticleMatch, ctx: NoteContext): RowNote | undefined {
  const zh: string[] = [];
  const en: string[] = [];
  const pick = (keys: readonly string[], side: ReadonlyMap<string, Clause>) =>
    keys.map((k) => side.get(k)).filter((c): c is Clause => c !== undefined);

  if (match.status === "moved" && match.old) {
    zh.push(`原${match.old.label}，序号调整${match.textChanged ? "，内容有修改" : "，内容未修改"}`);
    en.push(`formerly ${enLabel(match.old)}, renumbered${match.textChanged ? " and amended" : ", wording unchanged"}`);
  }
  if (match.status === "added") { zh.push("新增"); en.push("new"); }
  if (match.status === "deleted") { zh.push("删除"); en.push("deleted"); }

  for (const r of ctx.relations) {
    const olds = pick(r.old, ctx.oldByKey);
    const news = pick(r.new, ctx.newByKey);
    const oldKey = match.old?.key;
    const newKey = match.new?.key;
    if (r.kind === "split" && newKey !== undefined && r.new.includes(newKey)) {
      zh.push(`原${zhList(olds)}拆分为${zhList(news)}`);
      en.push(`${enList(olds)} split into ${enList(news)}`);
    } else if (r.kind === "merged" && newKey !== undefined && r.new.includes(newKey)) {
      zh.push(`由原${zhList(olds)}合并`);
      en.push(`merged from ${enList(olds)}`);
    } else if (r.kind === "merged" && match.status === "deleted" && oldKey !== undefined && r.old.includes(oldKey)) {
      zh.push(`内容并入${zhList(news)}`);
      en.push(`merged into ${enList(news)}`);
    } else if (r.kind === "split" && match.status === "deleted" && oldKey !== undefined && r.old.includes(oldKey)) {
      zh.push(`内容拆分至${zhList(news)}`);
      en.push(`split into ${enList(news)}`);
    }
  }
  return zh.length === 0 ? undefined : { zh: zh.join("；"), en: en.join("; ") };
}
