/**
 * An officer imports a real law through the UI, checks the preview, publishes, opens the
 * consultation, and publishes a revision; a visitor on a phone reads it, follows an article link
 * and opens the comparison table.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, desktopContext, e2eReady, launchBrowser, phoneContext, signIn, watchErrors } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";

const corpus = process.env.CORPUS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");
const v2015 = path.join(corpus, "versions/中华人民共和国立法法(2015-03-15).md");
const v2023 = path.join(corpus, "versions/中华人民共和国立法法(2023-03-13).md");

async function importVersion(page: Page, label: string, file: string) {
  await page.getByLabel("版本名称").fill(label);
  await page.getByLabel("上传文件").setInputFiles(file);
  await page.getByRole("button", { name: "导入并预览" }).click();
  await page.waitForURL(/\/officer\/drafts\/[0-9a-f-]+\/v\/\d+$/);
}

describe.skipIf(!e2eReady())("drafts clause by clause in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an officer imports, previews and publishes two versions and opens the consultation", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, "officer", E2E_PASSWORDS.officer);
    await page.goto("/officer");
    await page.getByRole("link", { name: "新建草案" }).click();
    await page.getByLabel("草案名称").fill("中华人民共和国立法法（修正草案）");
    await page.getByLabel("网址名称（可选）").fill("lawmaking");
    await page.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/officer\/drafts\/[0-9a-f-]+$/);
    const workspace = page.url();

    // A wrong file is refused next to the field, and nothing is created.
    await page.getByLabel("版本名称").fill("一审稿");
    await page.getByLabel("上传文件").setInputFiles({ name: "草案.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await page.getByRole("button", { name: "导入并预览" }).click();
    await expect.poll(() => page.locator("#f-file-error").textContent()).toContain("不支持这种文件");

    await importVersion(page, "一审稿", v2015);
    await expect.poll(() => page.getByRole("definition").allTextContents()).toContain("105");
    await expect.poll(() => page.getByText("导入时没有发现问题。").count()).toBe(1);
    expect(await page.locator("#art-13").textContent()).toContain("第十三条");
    await page.getByRole("button", { name: "发布此版本" }).click();
    await page.waitForURL(`${workspace}#consultation`);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("开始日期").fill(later);
    await page.getByLabel("截止日期").fill(today);
    await page.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.locator("#f-closesOn-error").textContent()).toBe("截止日期不能早于开始日期。");
    await page.getByLabel("开始日期").fill(today);
    await page.getByLabel("截止日期").fill(later);
    await page.getByLabel("桐庐县城南街道基层立法联系点").check();
    await page.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已保存。" }).count()).toBe(1);

    await importVersion(page, "二审稿", v2023);
    await expect.poll(() => page.getByRole("definition").allTextContents()).toContain("120");
    await page.getByRole("button", { name: "发布此版本" }).click();
    await page.waitForURL(`${workspace}#consultation`);
    await expect.poll(() => page.getByRole("cell", { name: "已发布" }).count()).toBe(2);
    // Each version has its own consultation: the second reading is opened for comment too.
    await expect.poll(() => page.getByText("对“二审稿”征求意见").count()).toBe(1);
    await page.getByLabel("开始日期").fill(today);
    await page.getByLabel("截止日期").fill(later);
    await page.getByLabel("桐庐县城南街道基层立法联系点").check();
    await page.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已保存。" }).count()).toBe(1);
    // The only failed requests were the two refused forms (400), each answered next to its field.
    expect(errors).toEqual(Array(2).fill("Failed to load resource: the server responded with a status of 400 (Bad Request)"));
    await context.close();
  });

  it("a visitor on a phone reads it without JavaScript, follows an article link and opens the comparison", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const response = await page.goto("/drafts/lawmaking");
    expect(await response!.text()).not.toContain("<script");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("中华人民共和国立法法（修正草案）");
    await expect.poll(() => page.getByText("征求意见中").count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("section.article").count()).toBe(120);

    // The 2015 text's 第十三条 is the 2023 text's 第十六条: its link still leads to it.
    await page.goto("/drafts/lawmaking#art-13");
    const target = page.locator("section.article:target");
    expect(await target.getAttribute("aria-label")).toBe("第十六条");
    await page.locator("#art-13 .article__label").click();
    expect(new URL(page.url()).hash).toBe("#art-13");

    await page.getByRole("link", { name: "与上一版本对照（条文对照表）" }).click();
    await page.waitForURL(/\/drafts\/lawmaking\/compare\/1\.\.2$/);
    const summary = page.locator(".summary-chart");
    expect(await summary.getByRole("row", { name: /新增/ }).textContent()).toContain("15");
    await expect.poll(() => page.locator("table.comparison ins").count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const docx = await page.request.get(`${baseUrl()}/drafts/lawmaking/compare/1..2/docx`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
    const akn = await page.request.get(`${baseUrl()}/drafts/lawmaking/v/2/akn`);
    expect(await akn.text()).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">');
    await context.close();
  });

  it("answers a repeat visit with 304 Not Modified", async () => {
    const first = await fetch(`${baseUrl()}/drafts/lawmaking`);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await fetch(`${baseUrl()}/drafts/lawmaking`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
  });
});
