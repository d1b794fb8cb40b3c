/**
 * How far a running commit has got, kept in this process's memory and keyed by import id: the
 * commit is one transaction, so nothing of it is visible in the database until it ends.
 *
 * Several app processes behind a load balancer each have their own registry: a page served by a
 * process that is not running the commit finds no entry and shows an indeterminate bar (the
 * database says "importing", not how far). The final status always goes to comment_imports.
 *
 * On the embedded database (PGlite: one connection) a transaction holds the whole database, so a
 * commit waits until its progress page has been served once (or a moment has passed): the page's
 * own queries run first, and later polls are answered from here, without the database, for the
 * sessions that were allowed to see it.
 */
import { createHash } from "node:crypto";

export type ProgressState = "waiting" | "running" | "done" | "failed";

export interface ImportProgress {
  importId: string;
  total: number;
  processed: number;
  state: ProgressState;
}

interface Entry extends ImportProgress {
  viewers: Set<string>;
  release: () => void;
  released: Promise<void>;
}

/** How long a commit waits for its progress page before starting anyway. */
export const RELEASE_AFTER_MS = 1_500;
/** How long a finished entry stays (a last poll still gets the final figures from memory). */
const KEEP_FINISHED_MS = 60_000;

// On globalThis, so that a rebuilt server module (remix dev) still sees commits started before it.
const globalKey: unique symbol = Symbol.for("minyi.importProgress") as never;
const holder = globalThis as typeof globalThis & { [globalKey]?: Map<string, Entry> };
const registry = (holder[globalKey] ??= new Map<string, Entry>());

/** A session as the registry knows it: a digest, never the session id itself. */
export function viewerKey(sessionId: string | null): string | null {
  return sessionId ? createHash("sha256").update(sessionId).digest("base64url") : null;
}

/** Registers a commit about to run; resolves `released` when its page was served or after RELEASE_AFTER_MS. */
export function trackImport(importId: string, total: number, viewer: string | null, options: { releaseAfterMs?: number } = {}): { released: Promise<void> } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const timer = setTimeout(release, options.releaseAfterMs ?? RELEASE_AFTER_MS);
  timer.unref?.();
  const entry: Entry = { importId, total, processed: 0, state: "waiting", viewers: new Set(viewer ? [viewer] : []), release, released };
  registry.set(importId, entry);
  return { released };
}

export function progressOf(importId: string): ImportProgress | null {
  const e = registry.get(importId);
  return e ? { importId: e.importId, total: e.total, processed: e.processed, state: e.state } : null;
}

/** Whether a session may read this progress without asking the database (it was authorised moments ago). */
export function isViewer(importId: string, viewer: string | null): boolean {
  return viewer !== null && (registry.get(importId)?.viewers.has(viewer) ?? false);
}

/** The progress page was served to an authorised viewer: remember the session, and let the commit start. */
export function admitViewer(importId: string, viewer: string | null): void {
  const e = registry.get(importId);
  if (!e) return;
  if (viewer) e.viewers.add(viewer);
  e.release();
}

export function reportProgress(importId: string, processed: number): void {
  const e = registry.get(importId);
  if (!e) return;
  e.state = "running";
  e.processed = processed;
}

export function finishProgress(importId: string, state: "done" | "failed", processed: number): void {
  const e = registry.get(importId);
  if (!e) return;
  e.state = state;
  e.processed = processed;
  const timer = setTimeout(() => {
    if (registry.get(importId) === e) registry.delete(importId);
  }, KEEP_FINISHED_MS);
  timer.unref?.();
}
