/**
 * Helps maintain the search dictionary (search/dictionary/*), which is committed as data because
 * the law corpus is not there at run time. Prints:
 * 1. corpus titles missing from CORPUS_LAW_TITLES (exit code 1 if any);
 * 2. how jieba's default dictionary (HMM off, as we cut) splits each legal term and law name, and
 *    which of them our dictionary is there to fix;
 * 3. Taiwan → mainland phrase candidates from OpenCC (TWPhrasesRev) that keep the length and do
 *    not occur in the mainland corpus, to pick from by hand for tw-phrases.ts.
 *
 * npx tsx scripts/search/build-dictionary.ts [--corpus DIR] [--phrases]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import TWPhrasesRev from "opencc-js/dict/TWPhrasesRev";
import { CORPUS_LAW_TITLES, lawDictionaryWords } from "../../search/dictionary/law-names";
import { LEGAL_TERMS } from "../../search/dictionary/legal-terms";
import { TW_PHRASES } from "../../search/dictionary/tw-phrases";
import { fold } from "../../search/fold";

const { values } = parseArgs({ options: { corpus: { type: "string" }, phrases: { type: "boolean" } } });
const corpusDir = values.corpus ?? process.env.CORPUS_DIR ?? path.resolve("../shared/corpus");

const files = ["laws", "versions"].flatMap((dir) => readdirSync(path.join(corpusDir, dir)).map((file) => path.join(corpusDir, dir, file)));
const titles = new Set(files.map((file) => path.basename(file).replace(/\.(txt|md)$/, "").replace(/\(\d{4}-\d{2}-\d{2}\)$/, "")));
const known = new Set<string>(CORPUS_LAW_TITLES);
const missing = [...titles].filter((title) => !known.has(title));
console.log(`corpus: ${files.length} files, ${titles.size} titles; missing from law-names.ts: ${missing.length ? missing.join(", ") : "none"}`);

const plain = Jieba.withDict(dict);
const fixed: string[] = [];
const alreadyRight: string[] = [];
for (const word of [...LEGAL_TERMS, ...lawDictionaryWords()]) {
  const cut = plain.cut(fold(word), false);
  (cut.length === 1 ? alreadyRight : fixed).push(cut.length === 1 ? word : `${word} (${cut.join("/")})`);
}
console.log(`\nsplit by the default dictionary, kept whole by ours (${fixed.length}):\n  ${fixed.join("\n  ")}`);
console.log(`\nalready one word in the default dictionary (${alreadyRight.length}): ${alreadyRight.join(" ")}`);

if (values.phrases) {
  const corpus = files.map((file) => fold(readFileSync(file, "utf8"))).join("\n");
  const chosen = new Set(TW_PHRASES.map(([taiwan]) => taiwan));
  const candidates: string[] = [];
  for (const entry of TWPhrasesRev.split("|")) {
    const [taiwan, mainland] = entry.split(" ");
    if (!taiwan || !mainland) continue;
    const [tw, cn] = [fold(taiwan), fold(mainland)];
    if (tw === cn || tw.length !== cn.length || corpus.includes(tw) || chosen.has(tw)) continue;
    candidates.push(`${tw}→${cn}`);
  }
  console.log(`\nTaiwan phrase candidates not yet chosen (${candidates.length}):\n${candidates.join(" ")}`);
}
process.exitCode = missing.length ? 1 : 0;
