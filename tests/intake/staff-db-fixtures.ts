/**
 * Shared setup for the staff-entry integration tests: the demo seeded (contact points 0 and 1 in
 * county A, 2 in county B, all asked about the demo draft), the people who act, and helpers that
 * build forms as the browser sends them.
 */
import type { Db, DbHandle } from "../../db/client";
import type { Principal } from "~/accounts/policy";
import { seedDemoIfEmpty, type DemoResult } from "../../scripts/seed/demo";
import { addPerson, principalByUsername } from "../support/people";
import { openTestDb } from "../support/test-db";

export const NOW = new Date("2026-11-30T10:00:00Z");
export const TODAY = "2026-11-30";

export interface StaffActors {
  /** The demo's "staff", at contact point 0 (桐庐县城南街道). */
  staff: Principal;
  /** Staff of contact point 1 (same county) — another contact point. */
  otherStaff: Principal;
  /** The demo's national officer: above every contact point. */
  officer: Principal;
  /** An officer of county B: not above contact point 0. */
  countyOfficerB: Principal;
}

export interface StaffDb {
  h: DbHandle;
  db: Db;
  ids: DemoResult["ids"];
  actors: StaffActors;
}



export async function openStaffDb(): Promise<StaffDb> {
  const h = await openTestDb();
  const seeded = await seedDemoIfEmpty(h.db, { now: NOW, passwords: { admin: "a".repeat(12), officer: "o".repeat(12), staff: "s".repeat(12) } });
  const ids = seeded!.ids;
  const actors: StaffActors = {
    staff: await principalByUsername(h.db, "staff"),
    otherStaff: await addPerson(h.db, "fenshui-staff", "contact_point_staff", { contactPointId: ids.contactPoints[1]! }),
    officer: await principalByUsername(h.db, "officer"),
    countyOfficerB: await addPerson(h.db, "chunan-officer", "officer", { organizationId: ids.countyB }),
  };
  return { h, db: h.db, ids, actors };
}

export function formOf(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

/** The smallest valid PNG: a photo of a sign-in sheet, as far as the checks can tell. */
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);
