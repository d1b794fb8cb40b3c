/**
 * Taiwan → mainland phrase folding (资讯 → 信息) over text that has been through fold(). Every pair
 * in the list has the same length on both sides, so this too keeps offsets and a match in the
 * folded text marks the same range of the original (search/highlight.ts).
 */
import { TW_PHRASES } from "./dictionary/tw-phrases";

interface PhraseTable {
  byPhrase: Map<string, string>;
  /** 1 when some phrase starts with this code unit: most positions are rejected by one lookup. */
  starts: Uint8Array;
  lengths: number[];
}

let table: PhraseTable | null = null;

function phraseTable(): PhraseTable {
  if (table) return table;
  const byPhrase = new Map<string, string>();
  const starts = new Uint8Array(0x10000);
  const lengths = new Set<number>();
  for (const [taiwan, mainland] of TW_PHRASES) {
    if (taiwan.length !== mainland.length) throw new Error(`phrase pair ${taiwan}/${mainland} changes the length`);
    byPhrase.set(taiwan, mainland);
    starts[taiwan.charCodeAt(0)] = 1;
    lengths.add(taiwan.length);
  }
  // Longest first, so 资料库 wins over a shorter phrase at the same position.
  return (table = { byPhrase, starts, lengths: [...lengths].sort((a, b) => b - a) });
}

/** Replaces Taiwan phrases by their mainland equivalents; same length as the input. */
export function foldPhrases(folded: string): string {
  const { byPhrase, starts, lengths } = phraseTable();
  let out: string[] | null = null;
  let copied = 0;
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    if (starts[folded.charCodeAt(i)] === 0) continue;
    for (const length of lengths) {
      if (i + length > n) continue;
      const replacement = byPhrase.get(folded.slice(i, i + length));
      if (replacement === undefined) continue;
      (out ??= []).push(folded.slice(copied, i), replacement);
      copied = i + length;
      i += length - 1;
      break;
    }
  }
  if (!out) return folded;
  out.push(folded.slice(copied));
  return out.join("");
}
