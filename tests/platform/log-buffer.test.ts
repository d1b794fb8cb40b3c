import { describe, expect, it, vi } from "vitest";
import { createLineBuffer } from "~/platform/log-buffer.server";

describe("access-log buffer", () => {
  it("writes many lines at once after a short delay, and everything on flush", () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const log = createLineBuffer((c) => writes.push(c), 50);
    log.line("a");
    log.line("b");
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(writes).toEqual(["a\nb\n"]);
    log.line("c");
    log.flush();
    expect(writes).toEqual(["a\nb\n", "c\n"]);
    vi.useRealTimers();
  });

  it("writes at once when a lot has gathered", () => {
    const writes: string[] = [];
    const log = createLineBuffer((c) => writes.push(c), 10_000);
    for (let i = 0; i < 1000; i++) log.line("x".repeat(100));
    expect(writes.length).toBeGreaterThan(0);
    log.flush();
    expect(writes.join("").length).toBe(1000 * 101);
  });
});
