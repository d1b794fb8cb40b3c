/** Drafts and their versions: create, import a version from text, publish, open a consultation. */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, max } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { consultationContactPoints, consultations, draftVersions, drafts, provisions, type DraftKind, type ModerationMode } from "../../db/schema";
import type { Principal } from "../accounts/policy";
import { can } from "../accounts/policy";
import { organizationScope } from "../chain/organizations.server";
import { recordAudit } from "../platform/audit.server";
import type { Outcome } from "../platform/outcome";
import { flattenProvisions } from "./flatten";
import { parseLaw } from "./parse";

const BATCH = 500;

async function mayManageDraftsOf(db: Executor, actor: Principal | null, organizationId: string): Promise<boolean> {
  const scope = await organizationScope(db, organizationId);
  return !!scope && can(actor, "draft.manage", scope);
}

export async function createDraft(
  db: Db,
  actor: Principal | null,
  input: { title: string; slug: string; kind: DraftKind; organizationId: string; titleEn?: string | null },
  requestId?: string,
): Promise<Outcome<{ id: string }>> {
  if (!(await mayManageDraftsOf(db, actor, input.organizationId))) return { ok: false, error: "forbidden" };
  const [existing] = await db.select({ id: drafts.id }).from(drafts).where(eq(drafts.slug, input.slug));
  if (existing) return { ok: false, error: "invalid", fieldErrors: { slug: { key: "errors.invalid" } } };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(drafts)
      .values({ title: input.title, titleEn: input.titleEn ?? null, slug: input.slug, kind: input.kind, organizationId: input.organizationId, createdBy: actor?.id ?? null })
      .returning({ id: drafts.id });
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft.create", subjectType: "draft", subjectId: row!.id, detail: { title: input.title }, requestId });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Parses `sourceText` and stores it as a new unpublished version with its provision tree. */
export async function importVersion(
  db: Db,
  actor: Principal | null,
  input: { draftId: string; label: string; sourceText: string; sourceFormat?: "text" | "markdown"; sourceFileName?: string | null },
  requestId?: string,
): Promise<Outcome<{ id: string; seq: number; provisionCount: number; warningCount: number }>> {
  const [draft] = await db.select().from(drafts).where(eq(drafts.id, input.draftId));
  if (!draft) return { ok: false, error: "not_found" };
  if (!(await mayManageDraftsOf(db, actor, draft.organizationId))) return { ok: false, error: "forbidden" };
  const parsed = parseLaw(input.sourceText, { format: input.sourceFormat, fileName: input.sourceFileName ?? undefined });
  const rows = flattenProvisions(parsed);
  const sha = createHash("sha256").update(input.sourceText).digest("hex");
  const result = await db.transaction(async (tx) => {
    const [{ seq } = { seq: 0 }] = await tx.select({ seq: max(draftVersions.seq) }).from(draftVersions).where(eq(draftVersions.draftId, draft.id)) as { seq: number | null }[];
    const nextSeq = (seq ?? 0) + 1;
    const [version] = await tx
      .insert(draftVersions)
      .values({
        draftId: draft.id, seq: nextSeq, label: input.label, sourceText: input.sourceText, sourceFormat: parsed.format,
        sourceFileName: input.sourceFileName ?? null, sourceSha256: sha, warnings: parsed.warnings, createdBy: actor?.id ?? null,
      })
      .returning({ id: draftVersions.id });
    const ids = rows.map(() => crypto.randomUUID());
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.insert(provisions).values(
        rows.slice(i, i + BATCH).map((r) => ({
          id: ids[r.ordinal]!, versionId: version!.id, parentId: r.parentOrdinal === null ? null : ids[r.parentOrdinal]!,
          stableKey: r.stableKey, kind: r.kind, number: r.number, suffix: r.suffix, label: r.label, heading: r.heading,
          text: r.text, ordinal: r.ordinal, depth: r.depth, eid: r.eid, amendsLaw: r.amendsLaw, amendsArticle: r.amendsArticle,
        })),
      );
    }
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft_version.import", subjectType: "draft_version", subjectId: version!.id, detail: { draftId: draft.id, seq: nextSeq, provisions: rows.length, warnings: parsed.warnings.length }, requestId });
    return { id: version!.id, seq: nextSeq };
  });
  return { ok: true, value: { ...result, provisionCount: rows.length, warningCount: parsed.warnings.length } };
}

export async function publishVersion(db: Db, actor: Principal | null, versionId: string, now: Date, requestId?: string): Promise<Outcome<null>> {
  const [row] = await db
    .select({ status: draftVersions.status, organizationId: drafts.organizationId })
    .from(draftVersions)
    .innerJoin(drafts, eq(drafts.id, draftVersions.draftId))
    .where(eq(draftVersions.id, versionId));
  if (!row) return { ok: false, error: "not_found" };
  if (!(await mayManageDraftsOf(db, actor, row.organizationId))) return { ok: false, error: "forbidden" };
  if (row.status === "published") return { ok: false, error: "conflict" };
  await db.transaction(async (tx) => {
    await tx.update(draftVersions).set({ status: "published", publishedAt: now, publishedBy: actor?.id ?? null }).where(eq(draftVersions.id, versionId));
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft_version.publish", subjectType: "draft_version", subjectId: versionId, requestId, at: now });
  });
  return { ok: true, value: null };
}

export async function openConsultation(
  db: Db,
  actor: Principal | null,
  input: { versionId: string; opensAt: Date; closesAt: Date; moderation: ModerationMode; contactPointIds: string[]; requestText?: string | null },
  requestId?: string,
): Promise<Outcome<{ id: string }>> {
  const [row] = await db
    .select({ draftId: draftVersions.draftId, status: draftVersions.status, organizationId: drafts.organizationId })
    .from(draftVersions)
    .innerJoin(drafts, eq(drafts.id, draftVersions.draftId))
    .where(eq(draftVersions.id, input.versionId));
  if (!row) return { ok: false, error: "not_found" };
  if (!(await mayManageDraftsOf(db, actor, row.organizationId))) return { ok: false, error: "forbidden" };
  if (row.status !== "published") return { ok: false, error: "conflict" };
  if (input.closesAt <= input.opensAt) return { ok: false, error: "invalid", fieldErrors: { closesAt: { key: "errors.invalid" } } };
  const id = await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(consultations)
      .values({ draftId: row.draftId, versionId: input.versionId, opensAt: input.opensAt, closesAt: input.closesAt, moderation: input.moderation, requestText: input.requestText ?? null, createdBy: actor?.id ?? null })
      .returning({ id: consultations.id });
    if (input.contactPointIds.length > 0) {
      await tx.insert(consultationContactPoints).values(input.contactPointIds.map((cp) => ({ consultationId: c!.id, contactPointId: cp, dueAt: input.closesAt })));
    }
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "consultation.open", subjectType: "consultation", subjectId: c!.id, detail: { contactPoints: input.contactPointIds.length }, requestId });
    return c!.id;
  });
  return { ok: true, value: { id } };
}

/** The latest published version of a draft, by slug. */
export async function latestPublishedVersion(db: Executor, draftId: string) {
  const [v] = await db
    .select()
    .from(draftVersions)
    .where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.status, "published")))
    .orderBy(desc(draftVersions.seq))
    .limit(1);
  return v ?? null;
}

export async function provisionsOf(db: Executor, versionId: string) {
  return db.select().from(provisions).where(eq(provisions.versionId, versionId)).orderBy(asc(provisions.ordinal));
}
