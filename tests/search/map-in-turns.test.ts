/** mapInTurns: the same result as map, with the event loop served between slices. */
import { describe, expect, it } from "vitest";
import { mapInTurns } from "../../search/map-in-turns";

describe("mapInTurns", () => {
  it("maps in order, and lets other work run while it goes", async () => {
    const log: string[] = [];
    const other = new Promise<void>((resolve) => setImmediate(() => (log.push("other"), resolve())));
    const out = await mapInTurns(Array.from({ length: 10 }, (_, i) => i), (n) => (log.push(`item ${n}`), n * n), 4);
    await other;
    expect(out).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
    // The other task ran after the first slice of four, not after all ten.
    expect(log.indexOf("other")).toBe(4);
  });

  it("maps nothing to nothing", async () => {
    expect(await mapInTurns([], (n: number) => n)).toEqual([]);
  });
});
