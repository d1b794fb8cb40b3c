/**
 * Character-level marking of a changed clause, made readable for Chinese: a plain character diff
 * (jsdiff) leaves stray one-character "equal" islands between changes (a shared 的, 、 or 年) that
 * break a rewritten phrase into confetti. Such islands are folded into the change around them, and
 * every run of changes is shown as one deletion followed by one insertion.
 *
 * The diff runs on tokens rather than UTF-16 units: each Chinese character (astral ones included)
 * is a token, but a number or a Latin word is one token, so that 2020 → 2025 is marked as a whole
 * year rather than as "202[-0-]{+5+}".
 */
import { diffArrays } from "diff";

export type DiffOp = "equal" | "insert" | "delete";

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface CharDiffOptions {
  /** Equal runs of at most this many characters between two changes are folded in (default 1). */
  islandMax?: number;
  /** Give up on a fine diff after this many ms and show the clause as replaced (default 2000). */
  timeoutMs?: number;
}

export function charDiff(oldText: string, newText: string, { islandMax = 1, timeoutMs = 2000 }: CharDiffOptions = {}): DiffSegment[] {
  if (oldText === newText) return oldText === "" ? [] : [{ op: "equal", text: oldText }];
  const changes = diffArrays(tokens(oldText), tokens(newText), { timeout: timeoutMs });
  const raw: DiffSegment[] = changes
    ? changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value.join("") }))
    : [{ op: "delete", text: oldText }, { op: "insert", text: newText }];
  return coalesceSegments(foldIslands(raw.filter((s) => s.text !== ""), islandMax));
}

const TOKEN = /[0-9０-９]+(?:[.．][0-9０-９]+)*|[A-Za-zＡ-Ｚａ-ｚ]+|[\s\S]/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Replaces short equal runs lying between two changes by a deletion and an insertion of the same text. */
function foldIslands(segments: readonly DiffSegment[], islandMax: number): DiffSegment[] {
  const out: DiffSegment[] = [];
  segments.forEach((s, k) => {
    const before = segments[k - 1];
    const after = segments[k + 1];
    const island =
      s.op === "equal" && before !== undefined && after !== undefined &&
      before.op !== "equal" && after.op !== "equal" &&
      Array.from(s.text).length <= islandMax && !s.text.includes("\n");
    if (island) out.push({ op: "delete", text: s.text }, { op: "insert", text: s.text });
    else out.push(s);
  });
  return out;
}

/** Joins neighbouring segments: in each run of changes, all deleted text first, then all inserted text. */
export function coalesceSegments(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) out.push({ op: "delete", text: deleted });
    if (inserted) out.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  for (const s of segments) {
    if (s.op === "delete") deleted += s.text;
    else if (s.op === "insert") inserted += s.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") last.text += s.text;
      else out.push({ ...s });
    }
  }
  flush();
  return out;
}

/** The old text (equal + delete) or the new text (equal + insert) of a diff. */
export function sideText(segments: readonly DiffSegment[], side: "old" | "new"): string {
  const skip: DiffOp = side === "old" ? "insert" : "delete";
  return segments.filter((s) => s.op !== skip).map((s) => s.text).join("");
}
