import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eReady, launchBrowser, phoneContext, watchErrors } from "../support/browser";

describe.skipIf(!e2eReady())("the demo draft for the public", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is listed on the home page as open for comment and readable article by article on a phone", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto("/");
    const link = page.getByRole("link", { name: /个人信息保护法/ });
    await expect.poll(() => link.count()).toBe(1);
    await expect.poll(() => page.getByText("征求意见中").count()).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(/\/drafts\/personal-information-protection$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("个人信息保护法");
    const article = page.locator("#art-1");
    expect(await article.textContent()).toContain("为了保护个人信息权益");
    await expect.poll(() => page.locator("section.article").count()).toBe(74);
    // No horizontal scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows each point of an amendment draft with the article as it reads now and as it would read", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto("/drafts/criminal-law-amendment-12");
    await expect.poll(() => page.locator(".amendment").count()).toBe(7);
    const point = page.locator("#point-5 .amendment");
    expect(await point.getByRole("link").textContent()).toBe("中华人民共和国刑法第三百九十条（现行）");
    expect(await point.locator("del").allTextContents()).toContain("五");
    expect(await point.locator("ins").allTextContents()).toContain("三");
    await expect.poll(() => page.locator(".amendment__note").count()).toBe(0);
    await context.close();
  });
});
