/**
 * The public reading page of a published version: which versions it offers, what it refuses to
 * show, the comment counts put into the text, and an ETag that changes exactly when the page does.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, drafts, draftVersions } from "../../db/schema";
import { listPublishedDrafts } from "~/drafts/catalogue.server";
import { saveConsultation } from "~/drafts/consultations.server";
import { discardVersion, importVersion, publishVersion, saveExplanation } from "~/drafts/versions.server";
import {
  articleByLabel, corpusPresent, corpusText, insertComment, LIFA_2015, LIFA_2023, nationalDraft, openDraftsDb, readPage, sectionHtml, type DraftsDb,
} from "./drafts-db-fixtures";

const now = new Date("2027-01-10T04:00:00Z");
const firstPublished = new Date("2026-12-01T02:00:00Z");
const secondPublished = new Date("2027-01-05T02:00:00Z");

describe.skipIf(!corpusPresent)("the reading page", () => {
  let t: DraftsDb;
  let draftId: string;
  let v1: string;
  let v2: string;
  const imported = async (label: string, file: string) => {
    const r = await importVersion(t.db, t.actors.officer, { draftId, label, sourceText: corpusText(file) });
    if (!r.ok) throw new Error(r.error);
    return r.value.id;
  };
  const page = async (input: { seq?: number; locale?: "zh-CN" | "en"; at?: Date } = {}) =>
    (await readPage(t.db, { slug: "lifa-reading", seq: input.seq, locale: input.locale ?? "zh-CN", now: input.at ?? now }))!;
  const etag = async (input: { seq?: number; locale?: "zh-CN" | "en"; at?: Date } = {}) => (await page(input)).etag;

  beforeAll(async () => {
    t = await openDraftsDb();
    draftId = await nationalDraft(t, "lifa-reading");
    v1 = await imported("一审稿", LIFA_2015);
    expect((await publishVersion(t.db, t.actors.officer, v1, firstPublished)).ok).toBe(true);
    v2 = await imported("二审稿", LIFA_2023);
    expect((await publishVersion(t.db, t.actors.officer, v2, secondPublished)).ok).toBe(true);
  });
  afterAll(() => t?.h.close());

  it("offers the published versions newest first, each with the one before it", async () => {
    const latest = await page();
    expect(latest.version).toMatchObject({ id: v2, seq: 2, label: "二审稿", publishedAt: secondPublished, isLatest: true });
    expect(latest.versions).toEqual([
      { seq: 2, label: "二审稿", publishedAt: secondPublished },
      { seq: 1, label: "一审稿", publishedAt: firstPublished },
    ]);
    expect(latest.previousSeq).toBe(1);
    expect(latest.articleCount).toBe(120);
    expect(latest.draft).toEqual({ slug: "lifa-reading", title: "中华人民共和国立法法（修正草案）" });
    const first = await page({ seq: 1 });
    expect(first.version).toMatchObject({ id: v1, seq: 1, isLatest: false });
    expect(first.previousSeq).toBeNull();
    expect(first.articleCount).toBe(105);
    expect(first.versions).toEqual(latest.versions);
    expect(first.toc.length).toBeGreaterThan(0);
  });

  it("has no page for an unpublished or unknown version, an unknown draft or an archived draft", async () => {
    const v3 = await imported("三审稿（未发布）", LIFA_2023);
    expect(await readPage(t.db, { slug: "lifa-reading", seq: 3, locale: "zh-CN", now })).toBeNull();
    expect(await readPage(t.db, { slug: "lifa-reading", seq: 99, locale: "zh-CN", now })).toBeNull();
    expect((await page()).version.seq).toBe(2);
    expect((await page()).versions.map((v) => v.seq)).toEqual([2, 1]);
    expect((await discardVersion(t.db, t.actors.officer, v3)).ok).toBe(true);
    expect(await readPage(t.db, { slug: "no-such-draft", locale: "zh-CN", now })).toBeNull();

    const archived = await nationalDraft(t, "archived-draft");
    const v = await importVersion(t.db, t.actors.officer, { draftId: archived, label: "稿", sourceText: corpusText("laws/中华人民共和国国歌法.txt") });
    expect(v.ok && (await publishVersion(t.db, t.actors.officer, v.value.id, now)).ok).toBe(true);
    expect(await readPage(t.db, { slug: "archived-draft", locale: "zh-CN", now })).not.toBeNull();
    await t.db.update(drafts).set({ archivedAt: now }).where(eq(drafts.id, archived));
    expect(await readPage(t.db, { slug: "archived-draft", locale: "zh-CN", now })).toBeNull();
    expect((await listPublishedDrafts(t.db, now)).map((d) => d.slug)).not.toContain("archived-draft");
  });

  it("counts approved comments only, per clause, and all of them in the total", async () => {
    const art = await articleByLabel(t.db, v2, "第十六条");
    const before = await page();
    await insertComment(t.db, { draftId, versionId: v2, provisionId: art!.id, provisionKey: art!.stableKey });
    await insertComment(t.db, { draftId, versionId: v2, provisionId: art!.id, provisionKey: art!.stableKey });
    for (const status of ["pending", "rejected", "hidden"] as const) {
      await insertComment(t.db, { draftId, versionId: v2, provisionId: art!.id, provisionKey: art!.stableKey, moderationStatus: status });
    }
    await insertComment(t.db, { draftId, versionId: v2, provisionId: null, provisionKey: null, text: "对草案整体的意见" });
    const after = await page();
    expect(after.commentCount).toBe(before.commentCount + 3);
    expect(sectionHtml(after.bodyHtml, art!.stableKey)).toContain('<span class="comment-count">2 条意见</span>');
    expect(after.bodyHtml.match(/class="comment-count"/g)).toHaveLength(1);
    // Empty count slots are taken out of the text.
    expect(after.bodyHtml).not.toContain("data-count-for");
    expect(sectionHtml((await page({ locale: "en" })).bodyHtml, art!.stableKey)).toContain('<span class="comment-count">2 comments</span>');
  });

  it("changes its ETag when a comment is approved, and not for pending comments or other drafts", async () => {
    const art = await articleByLabel(t.db, v1, "第一条");
    const e0 = await etag();
    expect(await etag()).toBe(e0);
    const id = await insertComment(t.db, { draftId, versionId: v1, provisionId: art!.id, provisionKey: art!.stableKey, moderationStatus: "pending" });
    expect(await etag()).toBe(e0);
    const [demo] = await t.db.select({ id: draftVersions.id }).from(draftVersions).where(eq(draftVersions.draftId, t.ids.draftId));
    await insertComment(t.db, { draftId: t.ids.draftId, versionId: demo!.id, provisionId: null, provisionKey: art!.stableKey });
    expect(await etag()).toBe(e0);

    await t.db.update(comments).set({ moderationStatus: "approved" }).where(eq(comments.id, id));
    const e1 = await etag();
    expect(e1).not.toBe(e0);
    expect(sectionHtml((await page()).bodyHtml, art!.stableKey)).toContain("1 条意见");
    await t.db.update(comments).set({ moderationStatus: "hidden" }).where(eq(comments.id, id));
    expect(await etag()).not.toBe(e1);
    expect(sectionHtml((await page()).bodyHtml, art!.stableKey)).not.toContain("comment-count");
  });

  it("changes its ETag when the explanation of the version shown changes, and not for another version's", async () => {
    const e0 = await etag();
    expect((await saveExplanation(t.db, t.actors.officer, v1, { json: null, html: "<p>一审说明</p>", text: "一审说明" })).ok).toBe(true);
    expect(await etag()).toBe(e0);
    expect(await etag({ seq: 1 })).not.toBe(e0);
    expect((await saveExplanation(t.db, t.actors.officer, v2, { json: null, html: "<p>二审说明</p>", text: "二审说明" })).ok).toBe(true);
    const e1 = await etag();
    expect(e1).not.toBe(e0);
    expect((await page()).version.explanationHtml).toBe("<p>二审说明</p>");
    expect((await saveExplanation(t.db, t.actors.officer, v2, { json: null, html: "<p>二审说明</p>", text: "二审说明" })).ok).toBe(true);
    expect(await etag()).toBe(e1);
  });

  it("keeps its ETag while a new version is only imported, and changes it per language and with the consultation's state", async () => {
    const e0 = await etag();
    const v3 = await imported("三审稿", LIFA_2023);
    expect(await etag()).toBe(e0);
    expect((await discardVersion(t.db, t.actors.officer, v3)).ok).toBe(true);
    expect(await etag({ locale: "en" })).not.toBe(e0);
    // No consultation: the time of day does not matter.
    expect(await etag({ at: new Date(now.getTime() + 60_000) })).toBe(e0);
    expect((await saveConsultation(t.db, t.actors.officer, { versionId: v2, opensOn: "2027-01-20", closesOn: "2027-02-19", moderation: "post", publicComments: true, contactPointIds: [] })).ok).toBe(true);
    const upcoming = await etag();
    expect(upcoming).not.toBe(e0);
    expect((await page()).window.state).toBe("upcoming");
    expect(await etag({ at: new Date(now.getTime() + 60_000) })).toBe(upcoming);
    const open = await etag({ at: new Date("2027-01-25T00:00:00Z") });
    expect(open).not.toBe(upcoming);
    expect(await etag({ at: new Date("2027-02-20T00:00:00Z") })).not.toBe(open);
  });
});
