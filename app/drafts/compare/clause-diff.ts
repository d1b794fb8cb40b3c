/**
 * Diff of a whole clause, paragraph by paragraph (款, 项 and 目 are one line each): lines are first
 * aligned by similarity, then each aligned pair is diffed character by character, while lines
 * without a partner are shown as wholly inserted or deleted. A plain character diff of the whole
 * clause would pair a shared word of an inserted paragraph with the old text around it
 * ("{+…（一）多次+}行贿[-人在-]{+…+}"), which reads badly.
 */
import { charDiff, coalesceSegments, type CharDiffOptions, type DiffSegment } from "./char-diff";
import { bigrams, compactText, dice, overlap, similarityText } from "./text-similarity";

/** Two lines below this similarity are never paired. */
const MIN_LINE_SIMILARITY = 0.4;

function lineSimilarity(a: string, b: string): number {
  if (compactText(a) === compactText(b)) return 1.01; // prefer identical lines over merely similar ones
  const ba = bigrams(similarityText(a));
  const bb = bigrams(similarityText(b));
  return dice(overlap(ba, bb), ba, bb);
}

/** Pairs (k, l) of aligned lines, increasing in both, maximising the summed similarity. */
function alignLines(oldLines: readonly string[], newLines: readonly string[]): [number, number][] {
  const m = oldLines.length;
  const n = newLines.length;
  const sim = oldLines.map((a) => newLines.map((b) => lineSimilarity(a, b)));
  const score: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let k = 1; k <= m; k++) {
    for (let l = 1; l <= n; l++) {
      const s = sim[k - 1]![l - 1]!;
      const diagonal = s >= MIN_LINE_SIMILARITY ? score[k - 1]![l - 1]! + s : -Infinity;
      score[k]![l] = Math.max(score[k - 1]![l]!, score[k]![l - 1]!, diagonal);
    }
  }
  const pairs: [number, number][] = [];
  for (let k = m, l = n; k > 0 && l > 0; ) {
    if (score[k]![l] === score[k - 1]![l]) k--;
    else if (score[k]![l] === score[k]![l - 1]) l--;
    else { pairs.push([k - 1, l - 1]); k--; l--; }
  }
  return pairs.reverse();
}

export function clauseDiff(oldText: string, newText: string, options?: CharDiffOptions): DiffSegment[] {
  if (oldText === newText) return oldText === "" ? [] : [{ op: "equal", text: oldText }];
  const oldLines = oldText.split("\n");
  const newLines = newText.split("\n");
  const out: DiffSegment[] = [];
  // every line but the first of its side is preceded by the "\n" that separates it from the one before
  const separator = (oldIndex: number | null, newIndex: number | null) => {
    const inOld = oldIndex !== null && oldIndex > 0;
    const inNew = newIndex !== null && newIndex > 0;
    if (inOld && inNew) out.push({ op: "equal", text: "\n" });
    else if (inOld) out.push({ op: "delete", text: "\n" });
    else if (inNew) out.push({ op: "insert", text: "\n" });
  };
  let k = 0;
  let l = 0;
  const flushUnpaired = (untilOld: number, untilNew: number) => {
    for (; k < untilOld; k++) { separator(k, null); out.push({ op: "delete", text: oldLines[k]! }); }
    for (; l < untilNew; l++) { separator(null, l); out.push({ op: "insert", text: newLines[l]! }); }
  };
  for (const [pk, pl] of alignLines(oldLines, newLines)) {
    flushUnpaired(pk, pl);
    separator(k, l);
    out.push(...charDiff(oldLines[k]!, newLines[l]!, options));
    k++;
    l++;
  }
  flushUnpaired(oldLines.length, newLines.length);
  return coalesceSegments(out.filter((s) => s.text !== ""));
}
