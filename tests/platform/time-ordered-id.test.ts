/** timeOrderedId: valid version-7 UUIDs that sort in the order they were made, and never repeat. */
import { describe, expect, it } from "vitest";
import { timeOrderedId } from "~/platform/time-ordered-id";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("timeOrderedId", () => {
  it("is a version-7 UUID whose first 48 bits are the time in milliseconds", () => {
    const ms = Date.UTC(2026, 10, 30, 12, 0, 0);
    const id = timeOrderedId(ms + 10_000_000);
    expect(id).toMatch(V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(ms + 10_000_000);
  });

  it("sorts (as text, as PostgreSQL sorts uuids) in the order made, within one millisecond and across many", () => {
    const t = Date.now() + 20_000_000;
    const ids = [...Array.from({ length: 10_000 }, () => timeOrderedId(t)), ...Array.from({ length: 100 }, (_, i) => timeOrderedId(t + 5 + i))];
    expect(ids.every((id) => V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps growing when the clock goes back", () => {
    const later = timeOrderedId(Date.now() + 30_000_000);
    const earlier = timeOrderedId(Date.now());
    expect(earlier > later).toBe(true);
  });
});
