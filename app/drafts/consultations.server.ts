/**
 * 征求意见: the window in which a published version is open for comment, whether the public may
 * comment online and how comments are moderated, and which contact points are asked for views.
 * One consultation per version; saving again changes it.
 */
import { and, eq, inArray, like } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { consultationContactPoints, consultations, contactPoints, draftVersions, drafts, MODERATION_MODES, organizations } from "../../db/schema";
import type { Principal } from "../accounts/policy";
import { recordAudit } from "../platform/audit.server";
import { choice, msg, optionalText } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { forgetCommentTargets } from "../intake/comment-target.server";
import { cstDate, startOfCstDay } from "./china-time";
import { mayManageDraft } from "./versions.server";

export { cstDate, startOfCstDay };

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = z
  .string({ error: msg("errors.required") })
  .min(1, msg("errors.required"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("errors.dateFormat"))
  // A real calendar date: Date.parse would roll 2027-02-30 over to 2 March.
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
  }, msg("errors.dateFormat"));

export const ConsultationInput = z
  .object({
    versionId: z.string().uuid(),
    opensOn: isoDate,
    /** Last day on which comments are accepted (inclusive). */
    closesOn: isoDate,
    moderation: choice(MODERATION_MODES),
    publicComments: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    contactPointIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid(msg("errors.invalidChoice"))).max(500)),
    requestText: optionalText(2000),
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ["closesOn"], message: msg("errors.closesBeforeOpens") });
export type ConsultationInput = z.infer<typeof ConsultationInput>;

export async function saveConsultation(db: Db, actor: Principal | null, input: ConsultationInput, requestId?: string): Promise<Outcome<{ id: string }>> {
  const [version] = await db.select().from(draftVersions).where(eq(draftVersions.id, input.versionId));
  if (!version) return { ok: false, error: "not_found" };
  const allowed = await mayManageDraft(db, actor, version.draftId);
  if (allowed !== "ok") return { ok: false, error: allowed };
  if (version.status !== "published") return { ok: false, error: "conflict" };
  const ids = [...new Set(input.contactPointIds)];
  if (ids.length > 0) {
    // Only contact points under the drafting body may be asked (the form offers no others).
    const [owner] = await db.select({ id: drafts.organizationId }).from(drafts).where(eq(drafts.id, version.draftId));
    const found = await db
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .innerJoin(organizations, eq(organizations.id, contactPoints.organizationId))
      .where(and(inArray(contactPoints.id, ids), like(organizations.path, `%${owner!.id}%`)));
    if (found.length !== ids.length) return invalid({ contactPointIds: { key: "errors.invalidChoice" } });
  }
  const opensAt = startOfCstDay(input.opensOn);
  const closesAt = new Date(startOfCstDay(input.closesOn).getTime() + DAY_MS);
  const values = { opensAt, closesAt, moderation: input.moderation, publicComments: input.publicComments, requestText: input.requestText ?? null };
  const id = await db.transaction(async (tx) => {
    // One consultation per version: lock the version so simultaneous saves take turns.
    await tx.select({ id: draftVersions.id }).from(draftVersions).where(eq(draftVersions.id, version.id)).for("update");
    const [existing] = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.versionId, version.id));
    let consultationId: string;
    if (existing) {
      consultationId = existing.id;
      await tx.update(consultations).set(values).where(eq(consultations.id, consultationId));
    } else {
      const [row] = await tx.insert(consultations).values({ draftId: version.draftId, versionId: version.id, createdBy: actor?.id ?? null, ...values }).returning({ id: consultations.id });
      consultationId = row!.id;
    }
    const current = await tx.select({ id: consultationContactPoints.contactPointId }).from(consultationContactPoints).where(eq(consultationContactPoints.consultationId, consultationId));
    const currentIds = new Set(current.map((c) => c.id));
    const removed = [...currentIds].filter((cp) => !ids.includes(cp));
    const added = ids.filter((cp) => !currentIds.has(cp));
    if (removed.length > 0) {
      await tx.delete(consultationContactPoints).where(and(eq(consultationContactPoints.consultationId, consultationId), inArray(consultationContactPoints.contactPointId, removed)));
    }
    if (added.length > 0) await tx.insert(consultationContactPoints).values(added.map((cp) => ({ consultationId, contactPointId: cp, dueAt: closesAt })));
    await tx.update(consultationContactPoints).set({ dueAt: closesAt }).where(eq(consultationContactPoints.consultationId, consultationId));
    await recordAudit(tx, {
      actorUserId: actor?.id ?? null, action: existing ? "consultation.update" : "consultation.open", subjectType: "consultation", subjectId: consultationId,
      detail: { opensOn: input.opensOn, closesOn: input.closesOn, moderation: input.moderation, added, removed }, requestId,
    });
    return consultationId;
  });
  forgetCommentTargets();
  return { ok: true, value: { id } };
}
