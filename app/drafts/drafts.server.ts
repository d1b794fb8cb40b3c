/** Drafts as officers manage them: create one, and see its versions and consultation at a glance. */
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { consultationContactPoints, consultations, DRAFT_KINDS, draftVersions, drafts, provisions } from "../../db/schema";
import { can, type Principal } from "../accounts/policy";
import { organizationScope, treeWhere, type OrganizationNode } from "../chain/organizations.server";
import { recordAudit } from "../platform/audit.server";
import { choice, msg, optionalText, requiredText } from "../platform/forms";
import { invalid, type Outcome } from "../platform/outcome";
import { mayManageDraft } from "./versions.server";

export const DraftInput = z.object({
  title: requiredText(200),
  titleEn: optionalText(300),
  slug: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, msg("errors.slugFormat")).optional(),
  ),
  kind: choice(DRAFT_KINDS),
  organizationId: z.string({ error: msg("errors.required") }).uuid(msg("errors.invalidChoice")),
  /** For amendment drafts: the law on the platform whose articles the points amend. */
  amendsDraftId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid(msg("errors.invalidChoice")).optional()),
});
export type DraftInput = z.infer<typeof DraftInput>;

/** A short URL name that survives being read aloud or typed from a poster: 6 characters, no 0/o/1/l. */
function randomSlug(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from(randomBytes(6), (b) => alphabet[b % alphabet.length]).join("");
}

export async function createDraft(db: Db, actor: Principal | null, input: DraftInput, requestId?: string): Promise<Outcome<{ id: string; slug: string }>> {
  const scope = await organizationScope(db, input.organizationId);
  if (!scope) return invalid({ organizationId: { key: "errors.invalidChoice" } });
  if (!can(actor, "draft.manage", scope)) return { ok: false, error: "forbidden" };
  if (input.amendsDraftId) {
    const [amended] = await db.select({ id: drafts.id }).from(drafts).where(eq(drafts.id, input.amendsDraftId));
    if (!amended) return invalid({ amendsDraftId: { key: "errors.invalidChoice" } });
  }
  const slug = input.slug ?? randomSlug();
  const [existing] = await db.select({ id: drafts.id }).from(drafts).where(eq(drafts.slug, slug));
  if (existing) return invalid({ slug: { key: "errors.slugTaken" } });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(drafts)
      .values({
        title: input.title, titleEn: input.titleEn ?? null, slug, kind: input.kind, organizationId: input.organizationId,
        amendsDraftId: input.amendsDraftId ?? null, createdBy: actor?.id ?? null,
      })
      .returning({ id: drafts.id });
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft.create", subjectType: "draft", subjectId: row!.id, detail: { title: input.title, slug }, requestId });
    return row!.id;
  });
  return { ok: true, value: { id, slug } };
}

export interface DraftOverview {
  draft: { id: string; slug: string; title: string; titleEn: string | null; kind: (typeof DRAFT_KINDS)[number] };
  versions: { id: string; seq: number; label: string; status: "draft" | "published"; createdAt: Date; publishedAt: Date | null; articles: number; warnings: number }[];
  consultations: { id: string; versionId: string; opensAt: Date; closesAt: Date; moderation: "pre" | "post"; publicComments: boolean; requestText: string | null; contactPointIds: string[] }[];
}

export async function draftOverview(db: Executor, actor: Principal | null, draftId: string): Promise<Outcome<DraftOverview>> {
  const allowed = await mayManageDraft(db, actor, draftId);
  if (allowed !== "ok") return { ok: false, error: allowed };
  const [draft] = await db.select().from(drafts).where(eq(drafts.id, draftId));
  const versions = await db.select().from(draftVersions).where(eq(draftVersions.draftId, draftId)).orderBy(desc(draftVersions.seq));
  const articleCounts = versions.length
    ? await db
        .select({ versionId: provisions.versionId, n: count() })
        .from(provisions)
        .where(and(inArray(provisions.versionId, versions.map((v) => v.id)), inArray(provisions.kind, ["article", "point"])))
        .groupBy(provisions.versionId)
    : [];
  const cons = await db.select().from(consultations).where(eq(consultations.draftId, draftId)).orderBy(asc(consultations.opensAt));
  const asked = cons.length
    ? await db.select().from(consultationContactPoints).where(inArray(consultationContactPoints.consultationId, cons.map((c) => c.id)))
    : [];
  return {
    ok: true,
    value: {
      draft: { id: draft!.id, slug: draft!.slug, title: draft!.title, titleEn: draft!.titleEn, kind: draft!.kind },
      versions: versions.map((v) => ({
        id: v.id, seq: v.seq, label: v.label, status: v.status, createdAt: v.createdAt, publishedAt: v.publishedAt,
        articles: articleCounts.find((c) => c.versionId === v.id)?.n ?? 0,
        warnings: Array.isArray(v.warnings) ? v.warnings.length : 0,
      })),
      consultations: cons.map((c) => ({
        id: c.id, versionId: c.versionId, opensAt: c.opensAt, closesAt: c.closesAt, moderation: c.moderation, publicComments: c.publicComments,
        requestText: c.requestText, contactPointIds: asked.filter((a) => a.consultationId === c.id).map((a) => a.contactPointId),
      })),
    },
  };
}

/** The officer's draft page: the overview, and the contact points a consultation may ask, by organisation. */
export async function draftPage(
  db: Executor, actor: Principal, draftId: string,
): Promise<Outcome<DraftOverview & { contactPoints: { organization: string; contactPoints: OrganizationNode["contactPoints"] }[] }>> {
  const overview = await draftOverview(db, actor, draftId);
  if (!overview.ok) return overview;
  const tree = await treeWhere(db, actor, "draft.manage");
  const contactPoints = tree.filter((o) => o.contactPoints.length > 0).map((o) => ({ organization: o.name, contactPoints: o.contactPoints }));
  return { ok: true, value: { ...overview.value, contactPoints } };
}

/** What the new-draft form offers: the organisations the actor may create drafts in, and the laws an amendment may point at. */
export async function newDraftChoices(db: Executor, actor: Principal): Promise<{ tree: OrganizationNode[]; amendable: { id: string; title: string }[] }> {
  const [tree, amendable] = await Promise.all([treeWhere(db, actor, "draft.manage"), amendableDrafts(db)]);
  return { tree, amendable };
}

/** Drafts an amendment may point at (laws on the platform with a published version), for pickers. */
export async function amendableDrafts(db: Executor): Promise<{ id: string; title: string }[]> {
  return db
    .selectDistinct({ id: drafts.id, title: drafts.title })
    .from(drafts)
    .innerJoin(draftVersions, and(eq(draftVersions.draftId, drafts.id), eq(draftVersions.status, "published")))
    .orderBy(asc(drafts.title));
}
