/**
 * Search documents built from the database, the only source of truth. A batch costs a fixed number
 * of queries however many comments it holds (comments with their contact point and organisation
 * path; then every provision on the way up from the ones commented on). Personal data (names,
 * phones, addresses, the client hash) is never selected, so it cannot reach an index.
 */
import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { queryRows } from "../db/query";
import { alias } from "drizzle-orm/pg-core";
import { comments, contactPoints, drafts, draftVersions, organizations, provisions } from "../db/schema";
import type { ProvisionKind } from "../db/schema/vocabulary";
import { articleRefsInText } from "./article-refs";
import type { CommentDocument, ProvisionDocument } from "./engine";
import { groupUnits, placeOf, type ProvisionNode } from "./provision-places";

const draftOrganizations = alias(organizations, "draft_organizations");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The day an instant falls on in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Own article first, then every article the text names, each once, ascending after the own one. */
export function articleRefsOf(own: number | null, texts: (string | null)[]): number[] {
  const named: number[] = articleRefsInText(texts.filter((t): t is string => !!t).join("\n"));
  const refs = own === null ? [] : [own];
  for (const n of [...new Set(named)].sort((a, b) => a - b)) if (n !== own) refs.push(n);
  return refs;
}

const commentColumns = {
  id: comments.id, receiptCode: comments.receiptCode, draftId: comments.draftId, versionId: comments.versionId,
  provisionId: comments.provisionId, provisionKey: comments.provisionKey, contactPointId: comments.contactPointId,
  region: comments.region, contactPointRegion: contactPoints.regionCode,
  // A view gathered by a contact point lives at the contact point's organisation; one given
  // online without a contact point lives at the drafting organisation (as the access policy says).
  organizationPath: sql<string | null>`coalesce(${organizations.path}, ${draftOrganizations.path})`,
  channel: comments.channel, category: comments.category, status: comments.processingStatus, moderation: comments.moderationStatus,
  saidOn: comments.saidOn, createdAt: comments.createdAt, body: comments.bodyText, proposedText: comments.proposedText, reason: comments.reason,
};

/** Comments by id; ids with no comment (deleted, or never valid) are simply absent from the map. */
export async function loadCommentDocuments(db: Executor, ids: readonly string[]): Promise<Map<string, CommentDocument>> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (wanted.length === 0) return new Map();
  return buildCommentDocuments(db, await selectComments(db, inArray(comments.id, wanted)));
}

type CommentRow = Awaited<ReturnType<typeof selectComments>>[number];

/** Comments with what their documents need, joined once: contact point, its organisation, the draft's. */
function selectComments(db: Executor, where: ReturnType<typeof and>) {
  return db
    .select(commentColumns)
    .from(comments)
    .leftJoin(contactPoints, eq(contactPoints.id, comments.contactPointId))
    .leftJoin(organizations, eq(organizations.id, contactPoints.organizationId))
    .innerJoin(drafts, eq(drafts.id, comments.draftId))
    .innerJoin(draftOrganizations, eq(draftOrganizations.id, drafts.organizationId))
    .where(where);
}

function selectCommentPage(db: Executor, where: ReturnType<typeof and>, limit: number) {
  return selectComments(db, where).orderBy(asc(comments.id)).limit(limit);
}

async function buildCommentDocuments(db: Executor, rows: CommentRow[]): Promise<Map<string, CommentDocument>> {
  const nodes = await provisionAncestry(db, rows.flatMap((r) => (r.provisionId ? [r.provisionId] : [])));
  const docs = new Map<string, CommentDocument>();
  for (const r of rows) {
    const place = r.provisionId ? placeOf(r.provisionId, nodes) : null;
    const articleNumber = place?.articleNumber ?? null;
    docs.set(r.id, {
      kind: "comment", id: r.id, receiptCode: r.receiptCode, draftId: r.draftId, versionId: r.versionId,
      provisionKey: r.provisionKey ?? place?.provisionKey ?? null, articleNumber, chapterKey: place?.chapterKey ?? null,
      provisionPath: place?.provisionPath ?? [], articleRefs: articleRefsOf(articleNumber, [r.body, r.proposedText, r.reason]),
      contactPointId: r.contactPointId, organizationIds: r.organizationPath ? r.organizationPath.split("/").filter(Boolean) : [],
      region: r.region ?? r.contactPointRegion ?? null, channel: r.channel, category: r.category, status: r.status, moderation: r.moderation,
      date: r.saidOn ?? shanghaiDate(r.createdAt), createdAt: r.createdAt.toISOString(),
      body: r.body, proposedText: r.proposedText, reason: r.reason, duplicateGroupId: null,
    });
  }
  return docs;
}

/** The given provisions and all their ancestors, in one recursive query. */
async function provisionAncestry(db: Executor, ids: string[]): Promise<Map<string, ProvisionNode>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await queryRows<{ id: string; parent_id: string | null; kind: ProvisionKind; number: number | null; stable_key: string; label: string; heading: string | null }>(
    db,
    sql`with recursive chain as (
          select p.id, p.parent_id, p.kind, p.number, p.stable_key, p.label, p.heading
          from provisions p where p.id in (select value::uuid from json_array_elements_text(${JSON.stringify(unique)}::json))
          union
          select q.id, q.parent_id, q.kind, q.number, q.stable_key, q.label, q.heading
          from chain c join provisions q on q.id = c.parent_id
        )
        select id::text, parent_id::text, kind::text, number, stable_key, label, heading from chain`,
  );
  return new Map(rows.map((r) => [r.id, {
    id: r.id, parentId: r.parent_id, kind: r.kind, number: r.number === null ? null : Number(r.number),
    stableKey: r.stable_key, label: r.label, heading: r.heading,
  }]));
}

/**
 * Every comment, a batch at a time, by keyset pagination on the id (a comment added meanwhile is
 * either seen here or indexed by the outbox worker after its commit).
 */
export async function* commentDocumentBatches(
  db: Executor, options: { batchSize?: number; importId?: string } = {},
): AsyncGenerator<CommentDocument[]> {
  const batchSize = options.batchSize ?? 500;
  let after: string | null = null;
  for (;;) {
    const where = and(
      after ? gt(comments.id, after) : undefined,
      options.importId ? eq(comments.importId, options.importId) : undefined,
    );
    const rows = await selectCommentPage(db, where, batchSize);
    if (rows.length === 0) return;
    const docs = await buildCommentDocuments(db, rows);
    yield rows.map((r) => docs.get(r.id)!);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

type VersionRow = { id: string; draftId: string; status: string };
const versionColumns = { id: draftVersions.id, draftId: draftVersions.draftId, status: draftVersions.status };

/** A version's provision documents (see groupUnits), or null when the version does not exist. */
export async function loadProvisionDocuments(db: Executor, versionId: string): Promise<ProvisionDocument[] | null> {
  if (!UUID.test(versionId)) return null;
  const [version] = await db.select(versionColumns).from(draftVersions).where(eq(draftVersions.id, versionId));
  return version ? provisionDocumentsOf(db, version) : null;
}

async function provisionDocumentsOf(db: Executor, version: VersionRow): Promise<ProvisionDocument[]> {
  const rows = await db
    .select({
      id: provisions.id, parentId: provisions.parentId, kind: provisions.kind, number: provisions.number, stableKey: provisions.stableKey,
      label: provisions.label, heading: provisions.heading, text: provisions.text, ordinal: provisions.ordinal,
    })
    .from(provisions)
    .where(eq(provisions.versionId, version.id))
    .orderBy(asc(provisions.ordinal));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return groupUnits(rows).map(({ root, text }) => {
    const place = placeOf(root.id, byId)!;
    return {
      kind: "provision", id: root.id, draftId: version.draftId, versionId: version.id, provisionKey: place.provisionKey,
      articleNumber: place.articleNumber, chapterKey: place.chapterKey, provisionPath: place.provisionPath,
      articleRefs: articleRefsOf(place.articleNumber, [text]), label: root.label, heading: root.heading, text,
      published: version.status === "published", ordinal: root.ordinal,
    };
  });
}

/** Every version's provision documents, in batches of about `batchSize` (one query per version). */
export async function* provisionDocumentBatches(db: Executor, options: { batchSize?: number } = {}): AsyncGenerator<ProvisionDocument[]> {
  const batchSize = options.batchSize ?? 500;
  const versions = await db.select(versionColumns).from(draftVersions).orderBy(asc(draftVersions.id));
  let pending: ProvisionDocument[] = [];
  for (const v of versions) {
    pending.push(...(await provisionDocumentsOf(db, v)));
    while (pending.length >= batchSize) {
      yield pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
    }
  }
  if (pending.length > 0) yield pending;
}

/** How many documents the database holds, to compare with what the engine has indexed. */
export async function databaseCounts(db: Executor): Promise<{ comment: number; provision: number }> {
  const [c] = await db.select({ n: count() }).from(comments);
  // Mirrors groupUnits: unit kinds not beneath another unit, plus text outside any unit.
  const [p] = await queryRows<{ n: number | string }>(
    db,
    sql`with recursive walk as (
          select id, kind::text as kind, text, false as inside from provisions where parent_id is null
          union all
          select c.id, c.kind::text, c.text,
                 w.inside or w.kind in ('preamble', 'article', 'point', 'annex')
                   or (w.kind not in ('part', 'subpart', 'chapter', 'section') and btrim(w.text) <> '')
          from walk w join provisions c on c.parent_id = w.id
        )
        select count(*) as n from walk
        where not inside and (kind in ('preamble', 'article', 'point', 'annex')
              or (kind not in ('part', 'subpart', 'chapter', 'section') and btrim(text) <> ''))`,
  );
  return { comment: c?.n ?? 0, provision: Number(p?.n ?? 0) };
}
