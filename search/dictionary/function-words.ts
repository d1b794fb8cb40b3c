/**
 * Single-character function words (particles, conjunctions, prepositions, the copula). A query
 * keeps them only when they are all it has: 关于监护人的意见 searches 关于/监护人/意见, so a comment
 * that says 关于监护人意见 is found too, and snippets do not mark every 的 in a text.
 * Negations (不, 无, 未, 非) are not here: they change what a sentence says.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "的", "地", "得", "了", "着", "过", "和", "与", "及", "或", "之", "也", "而", "且", "在", "是", "对", "把",
  "被", "由", "从", "向", "于", "将", "其", "这", "那", "啊", "吗", "呢", "吧", "呀", "就", "都", "还",
]);
