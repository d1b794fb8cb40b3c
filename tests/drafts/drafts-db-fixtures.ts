/**
 * Shared setup for the drafts integration tests (*.db.test.ts in this folder): a fresh migrated
 * database with the demo seeded, the principals the tests act as, corpus texts, and a way to put
 * a comment on a clause without going through the comment use cases.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import type { Db, DbHandle } from "../../db/client";
import { comments, draftVersions, memberships, provisions, users } from "../../db/schema";
import type { Principal } from "~/accounts/policy";
import { loadPrincipal } from "~/accounts/principal.server";
import { insertUser } from "~/accounts/users.server";
import { createDraft } from "~/drafts/drafts.server";
import { readingPage, type ReadingPage } from "~/drafts/reading.server";
import { seedDemoIfEmpty, type DemoResult } from "../../scripts/seed/demo";
import { openTestDb } from "../support/test-db";

const here = path.dirname(fileURLToPath(import.meta.url));
export const corpusDir = process.env.CORPUS_DIR ?? path.resolve(here, "../../../shared/corpus");
export const corpusPresent = existsSync(path.join(corpusDir, "versions"));
export const contractsDir = process.env.CONTRACTS_DIR ?? path.resolve(here, "../../../shared/contracts");

export const LIFA_2015 = "versions/中华人民共和国立法法(2015-03-15).md";
export const LIFA_2023 = "versions/中华人民共和国立法法(2023-03-13).md";

export const corpusText = (relative: string): string => readFileSync(path.join(corpusDir, relative), "utf8");

export const SEED_NOW = new Date("2026-11-30T10:00:00Z");

export interface Actors {
  /** The seeded national officer: may manage every draft. */
  officer: Principal;
  /** The seeded contact-point staff member at 桐庐县城南街道. */
  staff: Principal;
  /** An officer of 桐庐县人大常委会: may not manage national drafts. */
  countyOfficer: Principal;
}

export interface DraftsDb {
  h: DbHandle;
  db: Db;
  ids: DemoResult["ids"];
  actors: Actors;
}

const byUsername = async (db: Db, username: string) => {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (await loadPrincipal(db, u!.id))!;
};

export async function openDraftsDb(): Promise<DraftsDb> {
  const h = await openTestDb();
  const seeded = await seedDemoIfEmpty(h.db, { now: SEED_NOW, passwords: { admin: "a".repeat(12), officer: "o".repeat(12), staff: "s".repeat(12) } });
  const ids = seeded!.ids;
  // No argon2 here: nobody signs in as this officer, only loadPrincipal reads the account.
  const countyOfficerId = await insertUser(h.db, { username: "tonglu-officer", displayName: "桐庐法工", passwordHash: "not-a-hash" });
  await h.db.insert(memberships).values({ userId: countyOfficerId, role: "officer", organizationId: ids.countyA });
  const actors: Actors = {
    officer: await byUsername(h.db, "officer"),
    staff: await byUsername(h.db, "staff"),
    countyOfficer: (await loadPrincipal(h.db, countyOfficerId))!,
  };
  return { h, db: h.db, ids, actors };
}

/** A national draft created by the seeded officer. */
export async function nationalDraft(t: DraftsDb, slug: string, title = "中华人民共和国立法法（修正草案）"): Promise<string> {
  const created = await createDraft(t.db, t.actors.officer, { title, slug, kind: "law", organizationId: t.ids.national });
  if (!created.ok) throw new Error(`could not create draft ${slug}: ${created.error}`);
  return created.value.id;
}

export async function provisionByKey(db: Db, versionId: string, stableKey: string) {
  const [p] = await db.select().from(provisions).where(and(eq(provisions.versionId, versionId), eq(provisions.stableKey, stableKey)));
  return p ?? null;
}

export async function articleByLabel(db: Db, versionId: string, label: string) {
  const [p] = await db.select().from(provisions).where(and(eq(provisions.versionId, versionId), eq(provisions.kind, "article"), eq(provisions.label, label)));
  return p ?? null;
}

export async function versionRow(db: Db, versionId: string) {
  const [v] = await db.select().from(draftVersions).where(eq(draftVersions.id, versionId));
  return v ?? null;
}

/** A public online comment on one provision, inserted directly (the comment use cases are not under test). */
export async function insertComment(
  db: Db,
  c: { draftId: string; versionId: string; provisionId: string | null; provisionKey: string | null; moderationStatus?: "pending" | "approved" | "rejected" | "hidden"; text?: string },
): Promise<string> {
  const text = c.text ?? "建议明确授权的期限。";
  const [row] = await db
    .insert(comments)
    .values({
      receiptCode: `MY-${randomUUID().slice(0, 8).toUpperCase()}`,
      draftId: c.draftId, versionId: c.versionId, provisionId: c.provisionId, provisionKey: c.provisionKey,
      source: "public", channel: "online", bodyHtml: `<p>${text}</p>`, bodyText: text, moderationStatus: c.moderationStatus ?? "approved",
    })
    .returning({ id: comments.id });
  return row!.id;
}

/**
 * The reading page as a reader gets it. readingPage returned the page itself, and is being changed
 * to return { etag, page() } (the page built only when the ETag does not match): both are accepted.
 */
export async function readPage(db: Db, input: Parameters<typeof readingPage>[1]): Promise<ReadingPage | null> {
  const result: unknown = await readingPage(db, input);
  if (!result) return null;
  const lazy = result as { page?: () => Promise<ReadingPage> };
  return typeof lazy.page === "function" ? lazy.page() : (result as ReadingPage);
}

/** The HTML of one article's <section id="key"> … </section> on the reading page. */
export function sectionHtml(bodyHtml: string, key: string): string | null {
  const start = bodyHtml.indexOf(`<section id="${key}"`);
  if (start < 0) return null;
  const end = bodyHtml.indexOf("</section>", start);
  return bodyHtml.slice(start, end + "</section>".length);
}
