import { describe, expect, it } from "vitest";
import { windowState } from "~/drafts/consultation-window";

const opensAt = new Date("2026-12-01T00:00:00Z");
const closesAt = new Date("2026-12-31T00:00:00Z");

describe("consultation window", () => {
  it("is upcoming before it opens, open inside, closed from the deadline on", () => {
    expect(windowState({ opensAt, closesAt }, new Date("2026-11-30T23:59:59Z")).state).toBe("upcoming");
    expect(windowState({ opensAt, closesAt }, opensAt).state).toBe("open");
    expect(windowState({ opensAt, closesAt }, closesAt).state).toBe("closed");
    expect(windowState(null, opensAt).state).toBe("none");
  });

  it("counts the days left, rounding up, never below one while open", () => {
    expect(windowState({ opensAt, closesAt }, new Date("2026-12-19T00:00:00Z"))).toMatchObject({ state: "open", daysLeft: 12 });
    expect(windowState({ opensAt, closesAt }, new Date("2026-12-30T23:00:00Z"))).toMatchObject({ state: "open", daysLeft: 1 });
  });
});
