import { readFileSync } from "node:fs";
import path from "node:path";
import { akomaNtosoFromText } from "../../app/drafts/akoma-ntoso";
import { compareLawTexts } from "../../app/drafts/compare/comparison";
import { parseLaw, summarize } from "../../app/drafts/parse";
import { extractSourceText } from "../../app/drafts/source-text.server";
import { UsageError, type Group } from "./registry";

/** Reads a .txt, .md or .docx file into law text, or explains why not. */
export async function readLawFile(file: string | undefined): Promise<{ text: string; format: "text" | "markdown" | undefined; fileName: string }> {
  if (!file) throw new UsageError("Give the path of a .txt, .md or .docx file.");
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  const result = await extractSourceText({ name: path.basename(file), bytes });
  if (!result.ok) throw new UsageError(`${file}: ${result.error.replace(/_/g, " ")}.`);
  return result;
}

export const lawGroup: Group = {
  summary: "law texts: parse into provisions, compare versions, export Akoma Ntoso",
  commands: {
    parse: {
      summary: "parse a law (.txt, .md, .docx) into its structure",
      usage: "<file> [--summary | --json]",
      options: { summary: { type: "boolean" }, json: { type: "boolean" } },
      async run({ values, positionals }) {
        const source = await readLawFile(positionals[0]);
        const law = parseLaw(source.text, { format: source.format, fileName: source.fileName });
        if (values.json) {
          console.log(JSON.stringify(law, null, 2));
          return;
        }
        console.log(JSON.stringify(summarize(law)));
      },
    },
    compare: {
      summary: "compare two versions of a law (条文对照表)",
      usage: "<old-file> <new-file> [--summary | --json]",
      options: { summary: { type: "boolean" }, json: { type: "boolean" } },
      async run({ values, positionals }) {
        const [oldFile, newFile] = positionals;
        if (!newFile) throw new UsageError("Give the old and the new version's files.");
        const [a, b] = await Promise.all([readLawFile(oldFile), readLawFile(newFile)]);
        const comparison = compareLawTexts(a.text, b.text, { old: a.fileName, new: b.fileName });
        console.log(values.json ? JSON.stringify(comparison, null, 2) : JSON.stringify(comparison.summary));
      },
    },
    akn: {
      summary: "print a law as Akoma Ntoso 3.0 XML",
      usage: "<file>",
      async run({ positionals }) {
        const source = await readLawFile(positionals[0]);
        process.stdout.write(akomaNtosoFromText(source.text, source.fileName));
      },
    },
  },
};
