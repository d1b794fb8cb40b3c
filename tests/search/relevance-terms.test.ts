/**
 * Relevance at the level of terms, the part both engines share: a document matches a query when
 * the index holds every query term (the engines AND them) and names every article the query
 * names. Realistic Chinese queries: law names, article references, compound words, traditional
 * characters, mixed Chinese and English — and queries that must NOT match.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleRefsInText } from "../../search/article-refs";
import { parseQuery } from "../../search/query";
import { indexTerms, queryTerms } from "../../search/tokenize";

function matches(query: string, document: string): boolean {
  const parsed = parseQuery(query);
  const indexed = new Set(indexTerms(document));
  const articles = new Set(articleRefsInText(document));
  return parsed.terms.every((term) => indexed.has(term)) && parsed.articleNumbers.every((n) => articles.has(n));
}

const COMMENTS = {
  pipl: "建议《中华人民共和国个人信息保护法》第十三条增加一款，明确个人信息处理者的告知义务。",
  sensitive: "敏感个人信息的处理应当取得个人的单独同意，建议细化第二十九条。",
  traditional: "我們認為個人資訊的蒐集應當符合最小必要原則，網路平臺不得過度收集。",
  taiwanData: "個人資料的處理應當公開透明。",
  deadline: "基层立法联系点建议延长本次征求意见的期限，给群众更多时间。",
  guardian: "未成年人的监护人应当履行监护职责，第一百二十八条之一的规定过于原则。",
  english: "App 收集 Cookie 时应当参照 GDPR 的做法，取得用户同意。",
  essence: "全过程人民民主是社会主义民主政治的本质属性。",
  fullWidth: "第１２８条规定的罚款数额过低，建议提高到５０００元以上。",
  civilCode: "依照民法典第一千零三十四条，自然人的个人信息受法律保护。",
};

describe("queries that must find the comment", () => {
  it.each([
    ["个人信息", COMMENTS.pipl],
    ["个人信息保护法", COMMENTS.pipl],
    ["中华人民共和国个人信息保护法", COMMENTS.pipl],
    ["个人信息处理者", COMMENTS.pipl],
    ["第十三条", COMMENTS.pipl],
    ["第13条 个人信息", COMMENTS.pipl],
    ["13条", COMMENTS.pipl],
    ["个人信息", COMMENTS.sensitive],
    ["单独同意", COMMENTS.sensitive],
    ["敏感个人信息", COMMENTS.sensitive],
    ["个人信息", COMMENTS.traditional],
    ["個人資訊", COMMENTS.traditional],
    ["个人资讯", COMMENTS.pipl],
    ["网络平台", COMMENTS.traditional],
    ["最小必要", COMMENTS.traditional],
    ["个人信息", COMMENTS.taiwanData],
    ["延长期限", COMMENTS.deadline],
    ["基层立法联系点", COMMENTS.deadline],
    ["立法联系点", COMMENTS.deadline],
    ["征求意见", COMMENTS.deadline],
    ["监护人", COMMENTS.guardian],
    ["未成年人 监护", COMMENTS.guardian],
    ["第一百二十八条", COMMENTS.guardian],
    ["128条", COMMENTS.guardian],
    ["第１２８条", COMMENTS.fullWidth],
    ["罚款 5000", COMMENTS.fullWidth],
    ["cookie", COMMENTS.english],
    ["APP", COMMENTS.english],
    ["gdpr 同意", COMMENTS.english],
    ["属性", COMMENTS.essence],
    ["本质属性", COMMENTS.essence],
    ["人民民主", COMMENTS.essence],
    ["民法典", COMMENTS.civilCode],
    ["第1034条", COMMENTS.civilCode],
  ])("%s → %s", (query, document) => {
    expect(matches(query, document)).toBe(true);
  });
});

describe("queries that must not find the comment", () => {
  it.each([
    ["数据安全法", COMMENTS.pipl],
    ["第十四条", COMMENTS.pipl],
    ["个人信息保护法", COMMENTS.sensitive], // 个人信息 … 保护 is not the law's name
    ["行政复议", COMMENTS.guardian],
    ["第一百二十九条", COMMENTS.guardian],
    ["app", COMMENTS.essence],
    ["application", COMMENTS.english],
    ["个人信息", COMMENTS.deadline],
    ["刑法", COMMENTS.civilCode],
  ])("%s ↛ %s", (query, document) => {
    expect(matches(query, document)).toBe(false);
  });
});

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const pipl = path.join(corpusDir, "laws/中华人民共和国个人信息保护法.txt");

describe.skipIf(!existsSync(pipl))("on the law corpus", () => {
  it("indexes every query term of a sentence for that same sentence (the two modes agree)", () => {
    const sentences = readFileSync(pipl, "utf8").split(/[。；\n]/).filter((s) => s.trim().length > 4);
    expect(sentences.length).toBeGreaterThan(200);
    const missed: string[] = [];
    for (const sentence of sentences) {
      const indexed = new Set(indexTerms(sentence));
      for (const term of queryTerms(sentence)) if (!indexed.has(term)) missed.push(`${term} in ${sentence}`);
    }
    expect(missed).toEqual([]);
  });
});
