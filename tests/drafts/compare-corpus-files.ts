/**
 * The six before/after pairs of /work/shared/corpus/versions (see the corpus README, "Version
 * pairs"), parsed once per test file. CORPUS_DIR overrides the location.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseLaw, type ParsedLaw } from "../../app/drafts/parse";

const here = path.dirname(fileURLToPath(import.meta.url));
export const corpusDir = process.env.CORPUS_DIR ?? path.resolve(here, "../../../shared/corpus");
export const corpusPresent = existsSync(path.join(corpusDir, "versions"));

export const VERSION_PAIRS = {
  立法法: ["中华人民共和国立法法(2015-03-15).md", "中华人民共和国立法法(2023-03-13).md"],
  公司法: ["中华人民共和国公司法(2018-10-26).md", "中华人民共和国公司法(2023-12-29).md"],
  行政复议法: ["中华人民共和国行政复议法(2017-09-01).md", "中华人民共和国行政复议法(2023-09-01).md"],
  刑法: ["中华人民共和国刑法(2020-12-26).md", "中华人民共和国刑法(2023-12-29).md"],
  渔业法: ["中华人民共和国渔业法(2013-12-28).txt", "中华人民共和国渔业法(2025-12-27).txt"],
  上海市优化营商环境条例: ["上海市优化营商环境条例(2020-04-10).md", "上海市优化营商环境条例(2024-09-27).md"],
} as const;

export type PairName = keyof typeof VERSION_PAIRS;

const cache = new Map<string, ParsedLaw>();

export function readCorpusLaw(relative: string): ParsedLaw {
  let law = cache.get(relative);
  if (!law) {
    law = parseLaw(readFileSync(path.join(corpusDir, relative), "utf8"), { fileName: path.basename(relative) });
    cache.set(relative, law);
  }
  return law;
}

export function readPair(name: PairName): [ParsedLaw, ParsedLaw] {
  const [older, newer] = VERSION_PAIRS[name];
  return [readCorpusLaw(`versions/${older}`), readCorpusLaw(`versions/${newer}`)];
}
