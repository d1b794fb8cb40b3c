/** WritePipeline: batches prepared while the previous one is written, written in order, one at a time; a failure surfaces. */
import { describe, expect, it } from "vitest";
import { WritePipeline } from "~/intake/import/write-pipeline";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("WritePipeline", () => {
  it("prepares the next batch while the previous one is being written, and writes in order, one at a time", async () => {
    const log: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const pipeline = new WritePipeline<number, string>(
      2,
      async (batch) => {
        log.push(`prepare ${batch.join("+")}`);
        return batch.join("+");
      },
      async (prepared) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        log.push(`write ${prepared} start`);
        for (let i = 0; i < 5; i++) await tick();
        log.push(`write ${prepared} end`);
        inFlight--;
      },
    );
    for (let i = 1; i <= 5; i++) await pipeline.add(i);
    await pipeline.finish();
    expect(log.filter((l) => l.startsWith("write") && l.endsWith("start"))).toEqual(["write 1+2 start", "write 3+4 start", "write 5 start"]);
    // The second batch was prepared before the first write ended.
    expect(log.indexOf("prepare 3+4")).toBeLessThan(log.indexOf("write 1+2 end"));
    expect(log.indexOf("write 1+2 end")).toBeLessThan(log.indexOf("write 3+4 start"));
    expect(maxInFlight).toBe(1);
  });

  it("rethrows a failed write at the next call, and settle() waits without throwing", async () => {
    const pipeline = new WritePipeline<number, number[]>(1, async (b) => b, async ([n]) => {
      if (n === 1) throw new Error("refused");
    });
    await pipeline.add(1);
    await expect(pipeline.add(2)).rejects.toThrow("refused");
    await pipeline.settle();
  });

  it("writes nothing for nothing", async () => {
    let writes = 0;
    const pipeline = new WritePipeline<number, number[]>(10, async (b) => b, async () => void writes++);
    await pipeline.finish();
    expect(writes).toBe(0);
  });
});
