/**
 * 意见检索: an officer searches the demo comments (seeded through intake, indexed by the server's
 * outbox worker), narrows by two facets, shares the address with a fresh browser (no JavaScript)
 * that sees the same result, and exports it to CSV and XLSX holding exactly the rows counted. The
 * public finds a provision and lands on its article.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktopContext, e2eReady, launchBrowser, phoneContext, signIn, watchErrors } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";

const SHOTS = path.resolve("tests/.tmp/screenshots");

/** The number in "共 1,234 条意见" / "约 1,234 条意见". */
async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator(".search-count strong").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

async function receiptCodes(page: Page): Promise<string[]> {
  return page.locator(".search-hit__code").allTextContents();
}

/** Lines of a CSV outside quoted fields (a doubled quote toggles twice, so it changes nothing). */
function csvRecordCount(text: string): number {
  let records = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === "\n" && !quoted) records++;
  }
  return records;
}

describe.skipIf(!e2eReady())("searching comments in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("searches, narrows by two facets, shares the address and exports the same rows", async () => {
    const context = await desktopContext(browser, { javaScriptEnabled: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, "officer", E2E_PASSWORDS.officer);
    await page.goto("/officer");
    await page.getByRole("link", { name: "意见检索" }).first().click();
    await page.waitForURL(/\/officer\/search$/);

    // The outbox worker indexes the seeded comments after start: wait until the count settles.
    let last = -1;
    await expect
      .poll(async () => {
        await page.reload();
        const n = await resultCount(page);
        const settled = n >= 300 && n === last;
        last = n;
        return settled;
      }, { timeout: 60_000, interval: 1_000 })
      .toBe(true);

    await page.getByRole("searchbox", { name: "检索词" }).fill("个人信息");
    await page.getByRole("button", { name: "检索", exact: true }).click();
    await page.waitForURL(/[?&]q=/);
    // A client-side navigation: read the page once it shows the new result.
    await expect.poll(() => page.locator(".search-chip").count()).toBe(1);
    const afterQuery = await resultCount(page);
    expect(afterQuery).toBeGreaterThan(0);
    expect(await page.locator(".search-hit mark").count()).toBeGreaterThan(0);

    await page.locator('[data-facet="draftId"] a').filter({ hasText: "个人信息保护法" }).click();
    await page.waitForURL(/[?&]draft=/);
    await expect.poll(() => page.locator(".search-chip").count()).toBe(2);
    const staffChannel = page.locator('[data-facet="channel"] a').filter({ hasNotText: "网上" }).first();
    const channelName = ((await staffChannel.locator(".search-facet__label").textContent()) ?? "").trim();
    const channelCount = Number(((await staffChannel.locator(".search-facet__count").textContent()) ?? "").replace(/[^\d]/g, ""));
    await staffChannel.click();
    await page.waitForURL(/[?&]channel=/);
    await expect.poll(() => page.locator(".search-chip").count()).toBe(3);
    const narrowed = await resultCount(page);
    expect(narrowed).toBe(channelCount);
    expect(narrowed).toBeLessThan(afterQuery);
    const chips = await page.locator(".search-chip").allTextContents();
    expect(chips.join(" ")).toContain(channelName);
    expect(chips.join(" ")).toContain("个人信息保护法");
    const codes = await receiptCodes(page);
    expect(codes.length).toBe(Math.min(20, narrowed));

    // The shared address, opened by someone else in a fresh browser without JavaScript.
    const shared = page.url();
    const other = await desktopContext(browser, { javaScriptEnabled: false });
    const second = await other.newPage();
    await signIn(second, "officer", E2E_PASSWORDS.officer);
    await second.goto(shared);
    expect(await resultCount(second)).toBe(narrowed);
    expect(await receiptCodes(second)).toEqual(codes);
    expect(await second.locator(".search-chip").allTextContents()).toEqual(chips);
    expect(await second.getByRole("searchbox", { name: "检索词" }).inputValue()).toBe("个人信息");
    await other.close();

    // Exports hold the whole result set, as counted.
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvBytes = readFileSync((await csv.path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString("utf8");
    expect(csvRecordCount(csvText)).toBe(narrowed + 1);
    expect(csvText).toContain(channelName);
    expect(csvText).not.toMatch(/1380000\d{4}/);

    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(narrowed + 1);

    // Removing a chip widens the result again.
    await page.locator(".search-chip").filter({ hasText: channelName }).click();
    await page.waitForURL((u) => !u.searchParams.has("channel"));
    await expect.poll(() => resultCount(page)).toBeGreaterThan(narrowed);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fits a phone's width and opens a comment from its hit", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, "officer", E2E_PASSWORDS.officer);
    await page.goto("/officer/search?q=%E5%BB%B6%E9%95%BF&sort=newest");
    expect(await resultCount(page)).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const code = ((await page.locator(".search-hit__code").first().textContent()) ?? "").trim();
    await page.locator(".search-hit__title a").first().click();
    await page.waitForURL(/\/officer\/comments\/[0-9a-f-]{36}$/);
    expect(await page.content()).toContain(code);
    await context.close();
  });

  it("is readable on a phone and a desktop at a large font size, facets and all", async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const [name, make] of [["phone", phoneContext], ["desktop", desktopContext]] as const) {
      const context = await make(browser);
      const page = await context.newPage();
      await signIn(page, "officer", E2E_PASSWORDS.officer);
      await page.goto("/officer/search?q=%E4%B8%AA%E4%BA%BA%E4%BF%A1%E6%81%AF");
      expect(await resultCount(page), name).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, `search-${name}.png`), fullPage: true });
      // The reader's font setting at 200% and more: everything is sized in rem/em.
      await page.addStyleTag({ content: "html { font-size: 225% !important; }" });
      await page.screenshot({ path: path.join(SHOTS, `search-${name}-large-font.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await expect.poll(() => page.locator(".search-hit").first().isVisible()).toBe(true);
      await context.close();
    }
  });

  it("lets the public search the drafts' text and land on the article", async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/drafts");
    await page.getByLabel("在草案中检索").fill("敏感个人信息");
    await page.getByRole("button", { name: "检索", exact: true }).click();
    await page.waitForURL(/\/search\?q=/);
    await expect.poll(() => page.locator(".search-hit").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator(".search-hit mark").first().textContent()).toContain("敏感");
    const href = (await page.locator(".search-hit__title a").first().getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/drafts\/[a-z0-9-]+#art-\d+/);
    await page.locator(".search-hit__title a").first().click();
    await page.waitForURL((u) => u.hash.startsWith("#art-"));
    const anchor = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
    await context.close();
  });
});
