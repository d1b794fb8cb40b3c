/**
 * Versions of a draft: import one from text (parsed, its clauses matched to the previous
 * version's so their stable keys carry over), look at it before publishing, publish it (after
 * which the database refuses any change to its text), or discard an unpublished one.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, max } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { draftVersions, drafts, provisions } from "../../db/schema";
import { can, type Principal } from "../accounts/policy";
import { organizationScope } from "../chain/organizations.server";
import { recordAudit } from "../platform/audit.server";
import { enqueue } from "../platform/outbox.server";
import type { Outcome } from "../platform/outcome";
import { carryOverKeys } from "./compare/carry-over-keys";
import { flattenProvisions, type ProvisionRow } from "./flatten";
import { parseLaw } from "./parse";

const BATCH = 500;

/** Tells the search index (through the outbox, in the caller's transaction) to re-read a version's provisions. */
function versionChanged(tx: Executor, versionId: string, reason: "imported" | "published" | "discarded") {
  return enqueue(tx, { topic: "version.changed", aggregateType: "draft_version", aggregateId: versionId, payload: { reason } });
}

export async function mayManageDraft(db: Executor, actor: Principal | null, draftId: string): Promise<"ok" | "forbidden" | "not_found"> {
  const [draft] = await db.select({ organizationId: drafts.organizationId }).from(drafts).where(eq(drafts.id, draftId));
  if (!draft) return "not_found";
  const scope = await organizationScope(db, draft.organizationId);
  return scope && can(actor, "draft.manage", scope) ? "ok" : "forbidden";
}

/** A stored version's provisions in the shape the parser's flattening produces. */
export async function storedRows(db: Executor, versionId: string): Promise<ProvisionRow[]> {
  const rows = await db.select().from(provisions).where(eq(provisions.versionId, versionId)).orderBy(asc(provisions.ordinal));
  const ordinalById = new Map(rows.map((r) => [r.id, r.ordinal]));
  return rows.map((r) => ({
    ordinal: r.ordinal, parentOrdinal: r.parentId ? (ordinalById.get(r.parentId) ?? null) : null, depth: r.depth, kind: r.kind,
    number: r.number, suffix: r.suffix, label: r.label, heading: r.heading, text: r.text, stableKey: r.stableKey, eid: r.eid,
    amendsLaw: r.amendsLaw, amendsArticle: r.amendsArticle,
  }));
}

export interface ImportInput {
  draftId: string;
  label: string;
  sourceText: string;
  sourceFormat?: "text" | "markdown";
  sourceFileName?: string | null;
}

export async function importVersion(
  db: Db, actor: Principal | null, input: ImportInput, requestId?: string,
): Promise<Outcome<{ id: string; seq: number; provisionCount: number; warningCount: number }>> {
  const allowed = await mayManageDraft(db, actor, input.draftId);
  if (allowed !== "ok") return { ok: false, error: allowed };
  // A leading byte-order mark is an encoding marker, not text (and PGlite would drop it on read).
  const sourceText = input.sourceText.replace(/^\uFEFF/, "");
  const parsed = parseLaw(sourceText, { format: input.sourceFormat, fileName: input.sourceFileName ?? undefined });
  const sha = createHash("sha256").update(sourceText).digest("hex");
  const result = await db.transaction(async (tx) => {
    // Serialise imports of one draft so sequence numbers and keys cannot collide.
    await tx.select({ id: drafts.id }).from(drafts).where(eq(drafts.id, input.draftId)).for("update");
    const [last] = await tx.select({ seq: max(draftVersions.seq) }).from(draftVersions).where(eq(draftVersions.draftId, input.draftId));
    const seq = (last?.seq ?? 0) + 1;
    const previous = await latestPublished(tx, input.draftId);
    let rows = flattenProvisions(parsed);
    if (previous) {
      const used = await tx.selectDistinct({ key: provisions.stableKey }).from(provisions).innerJoin(draftVersions, eq(draftVersions.id, provisions.versionId)).where(eq(draftVersions.draftId, input.draftId));
      rows = carryOverKeys(await storedRows(tx, previous.id), rows, new Set(used.map((u) => u.key)));
    }
    const [version] = await tx
      .insert(draftVersions)
      .values({
        draftId: input.draftId, seq, label: input.label, sourceText, sourceFormat: parsed.format,
        sourceFileName: input.sourceFileName ?? null, sourceSha256: sha, warnings: parsed.warnings, createdBy: actor?.id ?? null,
      })
      .returning({ id: draftVersions.id });
    await insertRows(tx, version!.id, rows);
    await versionChanged(tx, version!.id, "imported");
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft_version.import", subjectType: "draft_version", subjectId: version!.id, detail: { draftId: input.draftId, seq, provisions: rows.length, warnings: parsed.warnings.length }, requestId });
    return { id: version!.id, seq, provisionCount: rows.length };
  });
  return { ok: true, value: { ...result, warningCount: parsed.warnings.length } };
}

async function insertRows(tx: Executor, versionId: string, rows: ProvisionRow[]): Promise<void> {
  const ids = rows.map(() => crypto.randomUUID());
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.insert(provisions).values(
      rows.slice(i, i + BATCH).map((r) => ({
        id: ids[r.ordinal]!, versionId, parentId: r.parentOrdinal === null ? null : ids[r.parentOrdinal]!,
        stableKey: r.stableKey, kind: r.kind, number: r.number, suffix: r.suffix, label: r.label, heading: r.heading,
        text: r.text, ordinal: r.ordinal, depth: r.depth, eid: r.eid, amendsLaw: r.amendsLaw, amendsArticle: r.amendsArticle,
      })),
    );
  }
}

export async function latestPublished(db: Executor, draftId: string) {
  const [v] = await db
    .select()
    .from(draftVersions)
    .where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.status, "published")))
    .orderBy(desc(draftVersions.seq))
    .limit(1);
  return v ?? null;
}

async function versionWithDraft(db: Executor, versionId: string) {
  const [row] = await db
    .select({ id: draftVersions.id, draftId: draftVersions.draftId, status: draftVersions.status, seq: draftVersions.seq })
    .from(draftVersions)
    .where(eq(draftVersions.id, versionId));
  return row ?? null;
}

export async function publishVersion(db: Db, actor: Principal | null, versionId: string, now: Date, requestId?: string): Promise<Outcome<null>> {
  const version = await versionWithDraft(db, versionId);
  if (!version) return { ok: false, error: "not_found" };
  const allowed = await mayManageDraft(db, actor, version.draftId);
  if (allowed !== "ok") return { ok: false, error: allowed };
  if (version.status === "published") return { ok: false, error: "conflict" };
  // Conditional on still being unpublished: of two simultaneous publishes (a double click), one wins.
  const published = await db.transaction(async (tx) => {
    const changed = await tx
      .update(draftVersions)
      .set({ status: "published", publishedAt: now, publishedBy: actor?.id ?? null })
      .where(and(eq(draftVersions.id, versionId), eq(draftVersions.status, "draft")))
      .returning({ id: draftVersions.id });
    if (changed.length === 0) return false;
    await versionChanged(tx, versionId, "published");
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft_version.publish", subjectType: "draft_version", subjectId: versionId, requestId, at: now });
    return true;
  });
  return published ? { ok: true, value: null } : { ok: false, error: "conflict" };
}

/** Throws away an unpublished version (a wrong file, a bad paste). Published versions stay forever. */
export async function discardVersion(db: Db, actor: Principal | null, versionId: string, requestId?: string): Promise<Outcome<null>> {
  const version = await versionWithDraft(db, versionId);
  if (!version) return { ok: false, error: "not_found" };
  const allowed = await mayManageDraft(db, actor, version.draftId);
  if (allowed !== "ok") return { ok: false, error: allowed };
  if (version.status === "published") return { ok: false, error: "conflict" };
  const discarded = await db.transaction(async (tx) => {
    // Lock the row and look again: a publish may have landed meanwhile.
    const [current] = await tx.select({ status: draftVersions.status }).from(draftVersions).where(eq(draftVersions.id, versionId)).for("update");
    if (current?.status !== "draft") return false;
    await tx.delete(provisions).where(eq(provisions.versionId, versionId));
    await tx.delete(draftVersions).where(eq(draftVersions.id, versionId));
    await versionChanged(tx, versionId, "discarded");
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft_version.discard", subjectType: "draft_version", subjectId: versionId, detail: { draftId: version.draftId, seq: version.seq }, requestId });
    return true;
  });
  return discarded ? { ok: true, value: null } : { ok: false, error: "conflict" };
}

/** 草案说明: rich text kept with the version. It is not the draft's text, so it may be corrected after publishing. */
export async function saveExplanation(
  db: Db, actor: Principal | null, versionId: string, explanation: { json: unknown; html: string; text: string }, requestId?: string,
): Promise<Outcome<null>> {
  const version = await versionWithDraft(db, versionId);
  if (!version) return { ok: false, error: "not_found" };
  const allowed = await mayManageDraft(db, actor, version.draftId);
  if (allowed !== "ok") return { ok: false, error: allowed };
  await db.transaction(async (tx) => {
    await tx.update(draftVersions).set({ explanationJson: explanation.json, explanationHtml: explanation.html, explanationText: explanation.text }).where(eq(draftVersions.id, versionId));
    await recordAudit(tx, { actorUserId: actor?.id ?? null, action: "draft_version.explanation", subjectType: "draft_version", subjectId: versionId, detail: { chars: explanation.text.length }, requestId });
  });
  return { ok: true, value: null };
}
