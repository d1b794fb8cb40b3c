/**
 * Structured reading of one point of an amendment text (修正案, 修改决定): what it does to which
 * article of the amended law. Produced by parseAmendmentInstruction, consumed by applyAmendment.
 *
 * Shapes follow the drafting formulas met in real texts; deviations from a plain
 * "article/paragraph/item" model are documented on each member.
 */

/** An article of the amended law: 刑法第一百三十三条之一 -> { law: "刑法", number: 133, suffix: 1 }. */
export interface ArticleRef {
  /** As printed before 第…条 ("刑法", "中华人民共和国刑法" from 《》); null when not named (将第五条…, 本法). */
  law: string | null;
  number: number;
  /** 1 for 之一, else null. */
  suffix: number | null;
  /** Normalised label without the law: "第一百三十三条之一". */
  label: string;
}

/** An article, or one of its 款 (paragraph, 1-based), or one of its 项 (item, 1-based). */
export interface Target {
  article: ArticleRef;
  paragraph?: number;
  /** Item of `paragraph`; when paragraph is absent, the item of the one paragraph that has items. */
  item?: number;
}

export type AmendmentInstruction =
  /** 将第X条修改为：“…” — the whole article; newText has one line per 款/项/目 (items keep their labels). */
  | { kind: "replace_article"; article: ArticleRef; newText: string }
  /**
   * 将第X条第N款修改为：“…” / 将第X条第N款第M项修改为：“（M）…”. Not in the first sketch of the
   * types, but the most frequent formula after replace_article (刑法修正案（十二） points 四 and 六).
   */
  | { kind: "replace_paragraph" | "replace_item"; target: Target; newText: string }
  /**
   * 在第X条后增加一条，作为第X条之一：“…” / 增加两条，作为第十一条、第十二条：“第十一条　…”.
   * `after` is null when the text names no article to insert after and the new label has no 之N.
   */
  | { kind: "insert_article"; after: ArticleRef | null; newArticles: { label: string; text: string }[] }
  /**
   * 第X条增加一款，作为第N款：“…” (text may hold several 款 for 增加二款). position null = appended.
   * When the text comes with a 将该条修改为 in the same point (刑法修正案（十二） 一、二、三), it is the
   * N-th paragraph of that replacement.
   */
  | { kind: "insert_paragraph"; article: ArticleRef; position: number | null; text: string }
  /** 第X条第一款增加一项，作为第二项：“（二）…”; paragraph null when the text names none. */
  | { kind: "insert_item"; article: ArticleRef; paragraph: number | null; position: number | null; text: string }
  /** 删去第X条 / 删去第X条第二款 / 删去第X条第一款第三项. */
  | { kind: "delete"; target: Target }
  /** 将第X条第N款中的“A”修改为“B” — every occurrence within the target. */
  | { kind: "replace_words"; target: Target; from: string; to: string }
  /** 在第X条中的“A”后增加“B”. */
  | { kind: "insert_words"; target: Target; after: string; words: string }
  /** 在第X条中的“A”前增加“B” (same formula with 前; kept apart so that insert_words keeps its shape). */
  | { kind: "insert_words_before"; target: Target; before: string; words: string }
  /** 删去第X条中的“A” / 将第X条中的“A”删去. */
  | { kind: "delete_words"; target: Target; words: string }
  /** 将第X条改为第Y条, 第一款、第二款改为第二款、第三款, 对条文顺序作相应调整: reported, not applied. */
  | { kind: "renumber"; text: string }
  /** A point without any amending formula: 本修正案自…起施行, points of a 决定 that is not an amendment. */
  | { kind: "not_an_amendment"; text: string }
  /** A formula this module does not read (合并, 章名修改, moving a 款 into a new 条, …): never guessed. */
  | { kind: "unrecognised"; text: string };

export type InstructionKind = AmendmentInstruction["kind"];

export interface ItemText {
  label: string;
  text: string;
  /** 目 (1. 2. …) of the item; absent when none. */
  subitems?: { label: string; text: string }[];
}

/** An article as stored: its 款 with their 项. The label is not part of the text. */
export interface ArticleText {
  label: string;
  paragraphs: { text: string; items: ItemText[] }[];
}

export interface AppliedAmendment {
  /** The article's text as it reads now (null: not available). */
  before: string | null;
  /** As it would read after the amendment (null: deleted, or not available and not given in full). */
  after: string | null;
  /** False when some instruction concerning the article could not be applied; see notes. */
  applied: boolean;
  notes: string[];
}
