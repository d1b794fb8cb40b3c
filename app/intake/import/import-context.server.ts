/**
 * What rows of a sheet are read against and written into: the draft's latest published version and
 * its clauses, the consultation that asked the contact point (its views are counted there), and the
 * contact point's region. Read the same way when a sheet is validated and when it is committed.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { consultationContactPoints, consultations, contactPoints, provisions } from "../../../db/schema";
import type { ClauseOption } from "../article-reference";
import { clauseOptions, commentTarget } from "../comment-target.server";

export interface ImportContext {
  draftId: string;
  versionId: string;
  consultationId: string | null;
  contactPointId: string;
  region: string | null;
  clauses: ClauseOption[];
  /** Provision id of each clause key in the version. */
  provisionIds: Map<string, string>;
}

export async function importContext(db: Executor, where: { contactPointId: string; draftId: string }, now: Date): Promise<ImportContext | null> {
  const target = await commentTarget(db, { draftId: where.draftId }, now);
  const [cp] = await db.select({ region: contactPoints.regionCode }).from(contactPoints).where(eq(contactPoints.id, where.contactPointId));
  if (!target || !cp) return null;
  const [asked] = await db
    .select({ id: consultations.id })
    .from(consultationContactPoints)
    .innerJoin(consultations, eq(consultations.id, consultationContactPoints.consultationId))
    .where(and(eq(consultationContactPoints.contactPointId, where.contactPointId), eq(consultations.draftId, where.draftId)))
    .orderBy(desc(consultations.opensAt))
    .limit(1);
  const clauses = await clauseOptions(db, target.version.id);
  const ids = await db
    .select({ id: provisions.id, key: provisions.stableKey })
    .from(provisions)
    .where(and(eq(provisions.versionId, target.version.id), inArray(provisions.kind, ["article", "point"])));
  return {
    draftId: where.draftId, versionId: target.version.id, consultationId: asked?.id ?? target.consultation?.id ?? null,
    contactPointId: where.contactPointId, region: cp.region, clauses, provisionIds: new Map(ids.map((p) => [p.key, p.id])),
  };
}
