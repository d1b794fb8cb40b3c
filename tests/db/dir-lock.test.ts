import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock, DirLockedError } from "../../db/dir-lock";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "minyi-lock-"));

describe("data folder lock", () => {
  it("is held by one owner at a time and released on close", () => {
    const dir = tmp();
    const lock = acquireDirLock(dir);
    expect(readFileSync(lock.file, "utf8")).toBe(String(process.pid));
    expect(() => acquireDirLock(dir)).toThrow(DirLockedError);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    acquireDirLock(dir).release();
  });

  it("refuses a folder held by another live process, naming it in both languages", async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(path.join(dir, "minyi.lock"), String(child.pid));
      let error: unknown;
      try {
        acquireDirLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DirLockedError);
      expect((error as Error).message).toContain(`pid ${child.pid}`);
      expect((error as Error).message).toContain("DATA_DIR");
      expect((error as Error).message).toContain("数据目录");
    } finally {
      child.kill();
    }
  });

  it("takes over a lock left by a process that has died", async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => child.on("exit", r));
    writeFileSync(path.join(dir, "minyi.lock"), String(child.pid));
    const lock = acquireDirLock(dir);
    expect(readFileSync(lock.file, "utf8")).toBe(String(process.pid));
    lock.release();
  });
});
