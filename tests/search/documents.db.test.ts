/**
 * Search documents are built from the database: a comment with its clause (the article a 款/项
 * belongs to, the chapter, the path), its contact point's organisation and ancestors, its date in
 * Asia/Shanghai and the articles it names — and never the commenter's personal data. A version's
 * provisions become one document per article (with its 款 and 项), none per chapter heading.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { drafts, draftVersions, organizations } from "../../db/schema";
import {
  commentDocumentBatches, databaseCounts, loadCommentDocuments, loadProvisionDocuments, provisionDocumentBatches,
} from "../../search/documents";
import { ZHANG } from "../intake/moderation-db-fixtures";
import { addComment, openSearchDb, type SearchDb } from "./search-db-fixtures";

describe("search documents from the database", () => {
  let t: SearchDb;
  beforeAll(async () => {
    t = await openSearchDb();
  });
  afterAll(() => t?.h.close());

  it("builds a comment on an item with its article, chapter, path, organisation chain, said-on date and named articles", async () => {
    const id = await addComment(t, {
      provisionKey: "art-13.para-1.item-5", contactPointId: t.ids.contactPoints[0]!, region: "330122", saidOn: "2026-11-20",
      text: "“合理的范围”应当写清楚。", proposedText: "参照第十四条的规定", reason: "与第128条衔接", channel: "symposium", category: "lawyer",
    });
    const docs = await loadCommentDocuments(t.db, [id]);
    expect(docs.get(id)).toMatchObject({
      kind: "comment", id, draftId: t.ids.draftId, versionId: t.versionId, provisionKey: "art-13.para-1.item-5",
      articleNumber: 13, chapterKey: "chp-2", provisionPath: ["第二章 个人信息处理规则", "第一节 一般规定", "第十三条", "第一款", "（五）"],
      articleRefs: [13, 14, 128], contactPointId: t.ids.contactPoints[0], region: "330122", channel: "symposium", category: "lawyer",
      organizationIds: [t.ids.national, t.ids.province, t.ids.city, t.ids.countyA], date: "2026-11-20", moderation: "approved",
      status: "received", body: "“合理的范围”应当写清楚。", proposedText: "参照第十四条的规定", reason: "与第128条衔接", duplicateGroupId: null,
    });
  });

  it("dates a comment without a said-on date by the day it was entered in Shanghai, not in UTC", async () => {
    // 20:30 UTC on 30 November is 04:30 on 1 December in Shanghai.
    const id = await addComment(t, { at: new Date("2026-11-30T20:30:00Z"), text: "整部法律都很好。" });
    const doc = (await loadCommentDocuments(t.db, [id])).get(id)!;
    expect(doc).toMatchObject({ date: "2026-12-01", createdAt: "2026-11-30T20:30:00.000Z", provisionKey: null, articleNumber: null, chapterKey: null, provisionPath: [], articleRefs: [], contactPointId: null });
  });

  it("places a comment given without a contact point at the drafting organisation, as the access policy does", async () => {
    const id = await addComment(t, { text: "建议尽快通过。" });
    const [draft] = await t.db.select({ org: drafts.organizationId }).from(drafts).where(eq(drafts.id, t.ids.draftId));
    const [org] = await t.db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, draft!.org));
    const doc = (await loadCommentDocuments(t.db, [id])).get(id)!;
    expect(doc.contactPointId).toBeNull();
    expect(doc.organizationIds).toEqual(org!.path.split("/").filter(Boolean));
    expect(doc.organizationIds.at(-1)).toBe(draft!.org);
  });

  it("never puts the commenter's name, phone, email or address into a document", async () => {
    const id = await addComment(t, { commenter: ZHANG, text: "建议缩短保存期限。" });
    const json = JSON.stringify((await loadCommentDocuments(t.db, [id])).get(id));
    for (const secret of [ZHANG.name!, ZHANG.phone!, ZHANG.email!, ZHANG.address!]) expect(json).not.toContain(secret);
    expect(json).toContain("建议缩短保存期限");
  });

  it("leaves out ids with no comment, including ids that are not uuids", async () => {
    const id = await addComment(t);
    const docs = await loadCommentDocuments(t.db, [id, crypto.randomUUID(), "not-a-uuid", id]);
    expect([...docs.keys()]).toEqual([id]);
  });

  it("walks every comment exactly once in keyset batches", async () => {
    const seen: string[] = [];
    for await (const batch of commentDocumentBatches(t.db, { batchSize: 2 })) {
      expect(batch.length).toBeLessThanOrEqual(2);
      seen.push(...batch.map((d) => d.id));
    }
    expect(seen.length).toBe((await databaseCounts(t.db)).comment);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("makes one provision document per article, holding its paragraphs and items, and none for chapter headings", async () => {
    const docs = (await loadProvisionDocuments(t.db, t.versionId))!;
    expect(docs.every((d) => d.label.startsWith("第") && d.label.endsWith("条"))).toBe(true);
    expect(docs.map((d) => d.articleNumber)).toEqual(docs.map((_, i) => i + 1)); // PIPL: 第一条 … in order
    const art13 = docs.find((d) => d.provisionKey === "art-13")!;
    expect(art13).toMatchObject({
      kind: "provision", label: "第十三条", heading: null, articleNumber: 13, chapterKey: "chp-2", published: true, draftId: t.ids.draftId,
      provisionPath: ["第二章 个人信息处理规则", "第一节 一般规定", "第十三条"],
    });
    expect(art13.text).toMatch(/^符合下列情形之一的，个人信息处理者方可处理个人信息：\n取得个人的同意；\n/);
    expect(art13.text).toContain("法律、行政法规规定的其他情形。");
    expect(art13.articleRefs[0]).toBe(13);
  });

  it("returns null for a version that does not exist", async () => {
    expect(await loadProvisionDocuments(t.db, crypto.randomUUID())).toBeNull();
  });

  it("counts as many provision documents in the database as the batches yield", async () => {
    let n = 0;
    for await (const batch of provisionDocumentBatches(t.db, { batchSize: 100 })) n += batch.length;
    const versions = await t.db.select().from(draftVersions);
    expect(versions.length).toBe(3);
    expect((await databaseCounts(t.db)).provision).toBe(n);
    expect(n).toBeGreaterThan(400);
  });
});
