/**
 * Properties every match result and every comparison must have, whatever the texts.
 */
import { expect } from "vitest";
import { sideText } from "../../app/drafts/compare/char-diff";
import type { Comparison } from "../../app/drafts/compare/comparison";
import type { MatchResult } from "../../app/drafts/compare/match-articles";

export function expectMatchInvariants(result: MatchResult, oldCount: number, newCount: number): void {
  const count = (status: string) => result.matches.filter((m) => m.status === status).length;
  const [unchanged, modified, moved, added, deleted] = ["unchanged", "modified", "moved", "added", "deleted"].map(count) as [number, number, number, number, number];
  expect(unchanged + modified + deleted + moved).toBe(oldCount);
  expect(unchanged + modified + added + moved).toBe(newCount);
  // each old clause exactly once, each new clause exactly once
  const olds = result.matches.flatMap((m) => (m.oldIndex === null ? [] : [m.oldIndex])).sort((a, b) => a - b);
  const news = result.matches.flatMap((m) => (m.newIndex === null ? [] : [m.newIndex]));
  expect(olds).toEqual([...Array(oldCount).keys()]);
  // reading order: new clauses in the new version's order
  expect(news).toEqual([...Array(newCount).keys()]);
  for (const m of result.matches) {
    expect(m.oldIndex === null).toBe(m.status === "added");
    expect(m.newIndex === null).toBe(m.status === "deleted");
    if (m.status === "unchanged") expect(m.textChanged).toBe(false);
    if (m.status === "modified") expect(m.textChanged).toBe(true);
    if (m.status === "unchanged" || m.status === "modified") {
      expect([m.old?.number, m.old?.suffix]).toEqual([m.new?.number, m.new?.suffix]);
    }
    if (m.status === "moved") expect([m.old?.number, m.old?.suffix]).not.toEqual([m.new?.number, m.new?.suffix]);
  }
}

export function expectComparisonInvariants(comparison: Comparison, oldCount: number, newCount: number): void {
  const s = comparison.summary;
  expect(s.unchanged + s.modified + s.deleted + s.moved).toBe(oldCount);
  expect(s.unchanged + s.modified + s.added + s.moved).toBe(newCount);
  expect(comparison.rows).toHaveLength(s.unchanged + s.modified + s.added + s.deleted + s.moved);
  const oldKeys = comparison.rows.flatMap((r) => (r.old ? [r.old.key] : []));
  const newKeys = comparison.rows.flatMap((r) => (r.new ? [r.new.key] : []));
  expect(new Set(oldKeys).size).toBe(oldCount);
  expect(new Set(newKeys).size).toBe(newCount);
  for (const row of comparison.rows) {
    if (row.status === "modified" || row.status === "moved") {
      // the marking loses nothing: each side's text can be read back from the segments
      expect(sideText(row.segments ?? [], "old")).toBe(row.old?.text);
      expect(sideText(row.segments ?? [], "new")).toBe(row.new?.text);
    } else {
      expect(row.segments).toBeUndefined();
    }
    if (row.status === "added" || row.status === "deleted" || row.status === "moved") expect(row.note).toBeTruthy();
  }
}
