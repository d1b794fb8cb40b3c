/**
 * Versions of a draft in the database: stable keys carried from 立法法 2015 to 2023, publishing
 * (once, by officers of the owning organisation or above), the frozen published text next to its
 * correctable explanation, and discarding unpublished versions.
 *
 * 立法法 2015 第十三条 (授权暂时调整或者暂时停止适用法律的部分规定) is 第十六条 in 2023: the 2023
 * 决定 inserts new articles before it (第四条, 第八条, 第九条 …), so it moves down three places.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, draftVersions, provisions } from "../../db/schema";
import { clauseUnits } from "~/drafts/compare/clause-units";
import { compareClauses } from "~/drafts/compare/comparison";
import { discardVersion, importVersion, latestPublished, publishVersion, saveExplanation, storedRows } from "~/drafts/versions.server";
import { refusal } from "../support/db-errors";
import {
  articleByLabel, corpusPresent, corpusText, insertComment, LIFA_2015, LIFA_2023, nationalDraft, openDraftsDb, readPage, sectionHtml, versionRow, type DraftsDb,
} from "./drafts-db-fixtures";

const publishedAt = new Date("2026-12-01T02:00:00Z");
const GUOGE = "laws/中华人民共和国国歌法.txt";

describe.skipIf(!corpusPresent)("versions of a draft", () => {
  let t: DraftsDb;
  let draftId: string;
  let v1: string;
  let v2: string;
  const importText = async (id: string, label: string, file: string) => {
    const r = await importVersion(t.db, t.actors.officer, { draftId: id, label, sourceText: corpusText(file), sourceFileName: file.split("/").pop() });
    if (!r.ok) throw new Error(`import failed: ${r.error}`);
    return r.value;
  };
  beforeAll(async () => {
    t = await openDraftsDb();
    draftId = await nationalDraft(t, "lifa");
    v1 = (await importText(draftId, "2015年修正", LIFA_2015)).id;
    expect(await publishVersion(t.db, t.actors.officer, v1, publishedAt)).toEqual({ ok: true, value: null });
    const second = await importText(draftId, "2023年修正", LIFA_2023);
    expect(second.seq).toBe(2);
    v2 = second.id;
  });
  afterAll(() => t?.h.close());

  describe("stable keys", () => {
    it("keeps the key of 2015's 第十三条 on 2023's 第十六条, the same provision renumbered", async () => {
      expect(corpusText(LIFA_2015)).toContain("第十三条 全国人民代表大会及其常务委员会可以根据改革发展的需要，决定就行政管理等领域的特定事项授权");
      expect(corpusText(LIFA_2023)).toContain("第十六条 全国人民代表大会及其常务委员会可以根据改革发展的需要，决定就特定事项授权");
      const before = await articleByLabel(t.db, v1, "第十三条");
      const after = await articleByLabel(t.db, v2, "第十六条");
      expect(before!.stableKey).toBe("art-13");
      expect(after!.stableKey).toBe(before!.stableKey);
      // The article numbered 第十三条 in 2023 is a different provision (2015's 第十条), with its own key.
      expect((await articleByLabel(t.db, v2, "第十三条"))!.stableKey).toBe("art-10");
      // Its paragraph keys are derived under the carried key.
      const [para] = await t.db.select().from(provisions).where(and(eq(provisions.versionId, v2), eq(provisions.parentId, after!.id)));
      expect(para!.stableKey).toBe("art-13.para-1");
      expect(para!.text).toContain("决定就特定事项授权在规定期限和范围内暂时调整或者暂时停止适用法律的部分规定");
    });

    it("gives every provision a key unique within its version", async () => {
      for (const versionId of [v1, v2]) {
        const rows = await storedRows(t.db, versionId);
        expect(rows.length).toBeGreaterThan(300);
        expect(new Set(rows.map((r) => r.stableKey)).size).toBe(rows.length);
      }
    });

    it("carries the key of every matched clause, and gives added clauses keys never used before", async () => {
      const [oldRows, newRows] = [await storedRows(t.db, v1), await storedRows(t.db, v2)];
      const oldKeys = new Set(oldRows.map((r) => r.stableKey));
      const comparison = compareClauses(clauseUnits(oldRows), clauseUnits(newRows));
      expect(comparison.summary).toEqual({ unchanged: 2, modified: 1, added: 15, deleted: 0, moved: 102 });
      for (const row of comparison.rows) {
        if (row.old && row.new) expect(row.new.key, `${row.old.label} → ${row.new.label}`).toBe(row.old.key);
        else if (row.new) expect(oldKeys.has(row.new.key), `${row.new.label} (${row.new.key})`).toBe(false);
      }
      expect(comparison.rows.find((r) => r.new?.label === "第八条")!.new!.key).toBe("art-8~v2");
    });
  });

  describe("publishing", () => {
    it("publishes a version once, recording who and when; a second publish is a conflict", async () => {
      const at = new Date("2027-03-01T01:00:00Z");
      expect(await publishVersion(t.db, t.actors.officer, v2, at)).toEqual({ ok: true, value: null });
      expect(await versionRow(t.db, v2)).toMatchObject({ status: "published", publishedAt: at, publishedBy: t.actors.officer.id });
      expect(await publishVersion(t.db, t.actors.officer, v2, new Date("2027-03-02T01:00:00Z"))).toEqual({ ok: false, error: "conflict" });
      expect((await versionRow(t.db, v2))!.publishedAt).toEqual(at);
      expect((await latestPublished(t.db, draftId))!.id).toBe(v2);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, v2), eq(auditLog.action, "draft_version.publish")));
      expect(audit).toHaveLength(1);
    });

    it("refuses publishing by contact-point staff, by an officer of a county, and by no one", async () => {
      const v = await importText(draftId, "未发布", GUOGE);
      for (const actor of [t.actors.staff, t.actors.countyOfficer, null]) {
        expect(await publishVersion(t.db, actor, v.id, publishedAt)).toEqual({ ok: false, error: "forbidden" });
      }
      expect((await versionRow(t.db, v.id))!.status).toBe("draft");
      expect(await publishVersion(t.db, t.actors.officer, crypto.randomUUID(), publishedAt)).toEqual({ ok: false, error: "not_found" });
      expect((await discardVersion(t.db, t.actors.officer, v.id)).ok).toBe(true);
    });

    // BUG (app/drafts/versions.server.ts, publishVersion): the status is read before the
    // transaction and the update is unconditional, so two publish requests for the same version
    // (a double click) both pass the check. With the same `now` both return ok and two publish audit
    // entries are written; with different instants the second update hits the database guard and
    // publishVersion throws instead of returning the conflict outcome.
    it("publishes a version once when two publish requests race: one succeeds, the other is a conflict", async () => {
      const race = async (times: [Date, Date]) => {
        const other = await nationalDraft(t, `race-${times[0].getTime()}-${times[1].getTime()}`);
        const v = await importText(other, "征求意见稿", GUOGE);
        const outcomes = await Promise.allSettled(times.map((at) => publishVersion(t.db, t.actors.officer, v.id, at)));
        const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, v.id), eq(auditLog.action, "draft_version.publish")));
        return { outcomes: outcomes.map((o) => (o.status === "fulfilled" ? o.value : { thrown: String(o.reason) })), audits: audits.length };
      };
      const conflict = { ok: false, error: "conflict" };
      const ok = { ok: true, value: null };
      const sameInstant = await race([publishedAt, publishedAt]);
      const twoInstants = await race([new Date("2027-01-01T00:00:00Z"), new Date("2027-01-01T00:00:01Z")]);
      expect({ sameInstant, twoInstants }).toEqual({
        sameInstant: { outcomes: expect.arrayContaining([ok, conflict]), audits: 1 },
        twoInstants: { outcomes: expect.arrayContaining([ok, conflict]), audits: 1 },
      });
    });

    it("freezes a published version's text in the database, but lets its explanation be corrected and shown", async () => {
      expect(await refusal(t.db.update(draftVersions).set({ sourceText: "改过的文本" }).where(eq(draftVersions.id, v1)))).toMatch(/published/);
      expect(await refusal(t.db.update(draftVersions).set({ label: "改过的名称" }).where(eq(draftVersions.id, v1)))).toMatch(/published/);
      expect(await refusal(t.db.update(provisions).set({ text: "改" }).where(eq(provisions.versionId, v1)))).toMatch(/published/);
      const explanation = { json: { root: {} }, html: "<p>关于《立法法修正草案》的说明</p>", text: "关于《立法法修正草案》的说明" };
      expect(await saveExplanation(t.db, t.actors.officer, v1, explanation)).toEqual({ ok: true, value: null });
      expect(await versionRow(t.db, v1)).toMatchObject({ explanationHtml: explanation.html, explanationText: explanation.text, explanationJson: explanation.json });
      const page = await readPage(t.db, { slug: "lifa", seq: 1, locale: "zh-CN", now: publishedAt });
      expect(page!.version.explanationHtml).toBe(explanation.html);
      for (const actor of [t.actors.staff, t.actors.countyOfficer, null]) {
        expect(await saveExplanation(t.db, actor, v1, { json: null, html: "<p>x</p>", text: "x" })).toEqual({ ok: false, error: "forbidden" });
      }
      expect((await versionRow(t.db, v1))!.explanationText).toBe(explanation.text);
    });

    it("counts a comment made on 2015's 第十三条 under 2023's 第十六条 on the reading page", async () => {
      const article = await articleByLabel(t.db, v1, "第十三条");
      await insertComment(t.db, { draftId, versionId: v1, provisionId: article!.id, provisionKey: article!.stableKey });
      await insertComment(t.db, { draftId, versionId: v1, provisionId: article!.id, provisionKey: article!.stableKey, moderationStatus: "pending" });
      const page = await readPage(t.db, { slug: "lifa", locale: "zh-CN", now: publishedAt });
      expect(page!.version.seq).toBe(2);
      const section = sectionHtml(page!.bodyHtml, "art-13");
      expect(section).toContain('aria-label="第十六条"');
      expect(section).toContain('<span class="comment-count">1 条意见</span>');
      // …and nowhere else: the 2023 第十三条 (key art-10) shows no count.
      expect(sectionHtml(page!.bodyHtml, "art-10")).not.toContain("comment-count");
      expect(page!.bodyHtml.match(/comment-count/g)).toHaveLength(1);
      const older = await readPage(t.db, { slug: "lifa", seq: 1, locale: "en", now: publishedAt });
      expect(sectionHtml(older!.bodyHtml, "art-13")).toContain('aria-label="第十三条"');
      expect(sectionHtml(older!.bodyHtml, "art-13")).toContain('<span class="comment-count">1 comments</span>');
    });
  });

  describe("discarding", () => {
    it("removes an unpublished version and its provisions", async () => {
      const v = await importText(draftId, "误传的文件", GUOGE);
      expect(v.provisionCount).toBeGreaterThan(0);
      expect(await discardVersion(t.db, t.actors.officer, v.id)).toEqual({ ok: true, value: null });
      expect(await versionRow(t.db, v.id)).toBeNull();
      expect(await t.db.select().from(provisions).where(eq(provisions.versionId, v.id))).toEqual([]);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, v.id), eq(auditLog.action, "draft_version.discard")));
      expect(audit).toHaveLength(1);
      expect(await discardVersion(t.db, t.actors.officer, v.id)).toEqual({ ok: false, error: "not_found" });
    });

    it("refuses to discard a published version, which stays with all its provisions", async () => {
      const before = (await storedRows(t.db, v1)).length;
      expect(await discardVersion(t.db, t.actors.officer, v1)).toEqual({ ok: false, error: "conflict" });
      expect((await versionRow(t.db, v1))!.status).toBe("published");
      expect(await storedRows(t.db, v1)).toHaveLength(before);
    });

    it("refuses discarding by contact-point staff, by an officer of a county, and by no one", async () => {
      const v = await importText(draftId, "待删除", GUOGE);
      for (const actor of [t.actors.staff, t.actors.countyOfficer, null]) {
        expect(await discardVersion(t.db, actor, v.id)).toEqual({ ok: false, error: "forbidden" });
      }
      expect(await versionRow(t.db, v.id)).not.toBeNull();
      expect((await discardVersion(t.db, t.actors.officer, v.id)).ok).toBe(true);
    });
  });
});
