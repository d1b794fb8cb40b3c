/**
 * Shared setup for the search sync tests: the seeded demo (三 published drafts; contact points 0
 * and 1 in county A, 2 in county B) and comments recorded through the one intake writer, on any
 * clause, with the outbox message intake writes.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outbox, provisions } from "../../db/schema";
import type { Channel, CommenterCategory, ModerationStatus } from "../../db/schema/vocabulary";
import { recordComments, type CommenterDetails } from "~/intake/record-comments.server";
import { openModerationDb, SEED_NOW, type ModerationDb } from "../intake/moderation-db-fixtures";

export { SEED_NOW };
export type SearchDb = ModerationDb;
export const openSearchDb = openModerationDb;

let serial = 0;

export interface CommentSpec {
  text?: string;
  provisionKey?: string | null;
  contactPointId?: string | null;
  proposedText?: string | null;
  reason?: string | null;
  region?: string | null;
  saidOn?: string | null;
  channel?: Channel;
  category?: CommenterCategory;
  moderation?: ModerationStatus;
  commenter?: CommenterDetails | null;
  at?: Date;
}

export async function provisionId(db: Db, versionId: string, key: string): Promise<string> {
  const [p] = await db.select({ id: provisions.id }).from(provisions).where(and(eq(provisions.versionId, versionId), eq(provisions.stableKey, key)));
  if (!p) throw new Error(`no provision ${key}`);
  return p.id;
}

/** Records comments in one transaction (each with its comment.changed outbox row); returns their ids. */
export async function addComments(t: SearchDb, specs: CommentSpec[]): Promise<string[]> {
  const list = await Promise.all(specs.map(async (c) => {
    serial += 1;
    const text = c.text ?? `第 ${serial} 条意见：建议明确个人信息的保存期限。`;
    const key = c.provisionKey ?? null;
    return {
      draftId: t.ids.draftId, versionId: t.versionId, provisionId: key ? await provisionId(t.db, t.versionId, key) : null, provisionKey: key,
      consultationId: t.consultationId, contactPointId: c.contactPointId ?? null, source: c.contactPointId ? "staff" as const : "public" as const,
      channel: c.channel ?? (c.contactPointId ? "symposium" : "online"), category: c.category ?? "resident", region: c.region ?? null,
      body: { json: null, html: `<p>${text}</p>`, text }, proposedText: c.proposedText ?? null, reason: c.reason ?? null,
      moderationStatus: c.moderation ?? "approved", saidOn: c.saidOn ?? null, commenter: c.commenter ?? null,
    };
  }));
  const at = specs[0]?.at ?? new Date(SEED_NOW.getTime() + serial * 1000);
  const recorded = await t.db.transaction((tx) => recordComments(tx, list, { now: at, outbox: "each" }));
  return recorded.map((r) => r.id);
}

export async function addComment(t: SearchDb, spec: CommentSpec = {}): Promise<string> {
  return (await addComments(t, [spec]))[0]!;
}

/** Marks every pending outbox row done (the seed's rows), so a test starts from an empty queue. */
export async function settleOutbox(db: Db): Promise<void> {
  await db.update(outbox).set({ processedAt: SEED_NOW }).where(isNull(outbox.processedAt));
}
