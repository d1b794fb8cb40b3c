/**
 * Shared setup for the moderation and personal-data integration tests: the demo seeded (national
 * commission → province → city → counties A and B; contact points 0 and 1 in county A, 2 in
 * county B), the people who act, and comments recorded through the one intake writer.
 */
import { and, eq } from "drizzle-orm";
import type { Db, DbHandle } from "../../db/client";
import { auditLog, comments, consultations, draftVersions, outbox } from "../../db/schema";
import type { CommentSource, ModerationStatus } from "../../db/schema/vocabulary";
import type { Principal } from "~/accounts/policy";
import { recordComments, type CommenterDetails } from "~/intake/record-comments.server";
import { seedDemoIfEmpty, type DemoResult } from "../../scripts/seed/demo";
import { addPerson, principalByUsername } from "../support/people";
import { openTestDb } from "../support/test-db";

export const SEED_NOW = new Date("2026-11-30T10:00:00Z");

export interface ModerationActors {
  /** National officer (the demo's "officer"): reaches everything. */
  officer: Principal;
  /** A second national officer, to decide at the same time. */
  colleague: Principal;
  /** Officers of county A (桐庐) and county B (淳安). */
  countyOfficerA: Principal;
  countyOfficerB: Principal;
  /** Administrator of the city: above both counties, but no right to personal data. */
  cityAdmin: Principal;
  /** Staff of contact point 0 (the demo's "staff"), 1 (same county) and 2 (county B). */
  staff: Principal;
  staffCp1: Principal;
  staffCp2: Principal;
}

export interface ModerationDb {
  h: DbHandle;
  db: Db;
  ids: DemoResult["ids"];
  versionId: string;
  consultationId: string;
  actors: ModerationActors;
}



export async function openModerationDb(): Promise<ModerationDb> {
  const h = await openTestDb();
  const seeded = await seedDemoIfEmpty(h.db, { now: SEED_NOW, passwords: { admin: "a".repeat(12), officer: "o".repeat(12), staff: "s".repeat(12) } });
  const ids = seeded!.ids;
  const [version] = await h.db.select({ id: draftVersions.id }).from(draftVersions).where(and(eq(draftVersions.draftId, ids.draftId), eq(draftVersions.status, "published")));
  const [consultation] = await h.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.versionId, version!.id));
  const cps = ids.contactPoints;
  const actors: ModerationActors = {
    officer: await principalByUsername(h.db, "officer"),
    colleague: await addPerson(h.db, "colleague", "officer", { organizationId: ids.national }),
    countyOfficerA: await addPerson(h.db, "tonglu-officer", "officer", { organizationId: ids.countyA }),
    countyOfficerB: await addPerson(h.db, "chunan-officer", "officer", { organizationId: ids.countyB }),
    cityAdmin: await addPerson(h.db, "city-admin", "admin", { organizationId: ids.city }),
    staff: await principalByUsername(h.db, "staff"),
    staffCp1: await addPerson(h.db, "fenshui-staff", "contact_point_staff", { contactPointId: cps[1]! }),
    staffCp2: await addPerson(h.db, "qiandaohu-staff", "contact_point_staff", { contactPointId: cps[2]! }),
  };
  return { h, db: h.db, ids, versionId: version!.id, consultationId: consultation!.id, actors };
}

export const ZHANG: CommenterDetails = { name: "张三丰", phone: "13812345678", email: "zhang@example.com", address: "杭州市桐庐县城南街道迎春南路 88 号", consentAt: SEED_NOW, consentVersion: "2026-01" };

let serial = 0;

/** Records one comment (with its outbox message, as intake does) and returns its id. */
export async function addComment(
  t: ModerationDb,
  c: { contactPointId?: string | null; source?: CommentSource; status?: ModerationStatus; commenter?: CommenterDetails | null; text?: string; at?: Date } = {},
): Promise<string> {
  serial += 1;
  const text = c.text ?? `第 ${serial} 条意见：建议明确个人信息的保存期限。`;
  const source = c.source ?? (c.contactPointId ? "staff" : "public");
  const [recorded] = await t.db.transaction((tx) =>
    recordComments(
      tx,
      [{
        draftId: t.ids.draftId, versionId: t.versionId, provisionId: null, provisionKey: null, consultationId: t.consultationId,
        contactPointId: c.contactPointId ?? null, source, channel: source === "public" ? "online" : "symposium", category: "resident",
        body: { json: null, html: `<p>${text}</p>`, text }, moderationStatus: c.status ?? "pending", commenter: c.commenter ?? null,
      }],
      { now: c.at ?? new Date(SEED_NOW.getTime() + serial * 1000), outbox: "each" },
    ),
  );
  return recorded!.id;
}

export async function commentRow(db: Db, id: string) {
  const [row] = await db.select().from(comments).where(eq(comments.id, id));
  return row!;
}

export async function auditsOf(db: Db, subjectType: string, subjectId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId)));
}

/** Pending outbox rows for a comment (intake's "created" message and later changes share one dedup key). */
export async function outboxOf(db: Db, commentId: string) {
  return db.select().from(outbox).where(and(eq(outbox.aggregateType, "comment"), eq(outbox.aggregateId, commentId)));
}

/** Makes every insert into `table` fail until the returned function is called. */
export async function breakInserts(db: Db, table: "outbox" | "audit_log"): Promise<() => Promise<void>> {
  const fn = `minyi_test_fail_${table}`;
  await db.execute(`create or replace function ${fn}() returns trigger language plpgsql as $$ begin raise exception '${table} is down'; end $$`);
  await db.execute(`create trigger ${fn} before insert on ${table} for each row execute function ${fn}()`);
  return async () => {
    await db.execute(`drop trigger ${fn} on ${table}`);
    await db.execute(`drop function ${fn}()`);
  };
}
