/**
 * A lock file for a data folder, because PGlite has none: a second process opening the same
 * folder would corrupt it. The file holds the owner's pid; a lock left by a dead process is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export interface DirLock {
  file: string;
  release(): void;
}

export class DirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dir} is in use by another process (pid ${pid}). ` +
        `Stop that process, or point DATA_DIR at another folder. ` +
        `数据目录 ${dir} 正被另一个进程（pid ${pid}）使用：请先停止该进程，或将 DATA_DIR 指向其他目录。`,
    );
    this.name = "DirLockedError";
  }
}

export function acquireDirLock(dir: string): DirLock {
  const file = path.join(dir, "minyi.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            if (readOwner(file) === process.pid) unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(file);
      if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DirLockedError(dir, owner);
      if (owner === process.pid) throw new DirLockedError(dir, owner);
      // Stale lock from a process that died without releasing it.
      try {
        unlinkSync(file);
      } catch {
        // another process took it over first; try again
      }
    }
  }
  throw new Error(`Could not lock data folder ${dir}`);
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
    return Number.isFinite(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
