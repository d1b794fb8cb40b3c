/** A visitor comments on an article with JavaScript off and on, gets a receipt and looks it up. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eReady, launchBrowser, phoneContext, watchErrors } from "../support/browser";

async function openArticleForm(page: Page) {
  await page.goto("/drafts/personal-information-protection");
  await page.locator("#art-13").getByRole("link", { name: "对本条提意见" }).click();
  await page.waitForURL(/\/drafts\/personal-information-protection\/comment\?provision=art-13$/);
  await expect.poll(() => page.locator("blockquote.quoted-clause").textContent()).toContain("第十三条");
}

async function receiptCode(page: Page): Promise<string> {
  await page.waitForURL(/\/receipt\/MY-[0-9A-Z]{3}-[0-9A-Z]{3}\?new=1$/);
  const code = (await page.locator(".notice .receipt-code").textContent()) ?? "";
  expect(code).toMatch(/^MY-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
  return code;
}

describe.skipIf(!e2eReady())("commenting as a member of the public", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("works without JavaScript: a refused form comes back filled in, then a receipt that can be looked up", async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await openArticleForm(page);
    const opinion = "建议在第十三条中写明“合理的范围”由谁认定，方便老年人理解。";
    await page.getByLabel("您对第十三条的意见").fill(opinion);
    await page.getByLabel("姓名", { exact: true }).fill("张阿姨");
    await page.getByLabel("电话", { exact: true }).fill("１３８ ００１３ ８０００");
    await page.getByRole("button", { name: "提交意见" }).click();
    // No consent ticked and no category chosen: both said next to their fields, nothing typed is lost.
    await expect.poll(() => page.locator("#f-consent-error").textContent()).toBe("留下姓名或联系方式时，请先勾选同意。");
    expect(await page.locator("#f-category-error").textContent()).toBe("请从列表中选择。");
    expect(await page.getByLabel("您对第十三条的意见").inputValue()).toBe(opinion);
    expect(await page.getByLabel("姓名", { exact: true }).inputValue()).toBe("张阿姨");
    await page.getByLabel("居民").check();
    await page.getByLabel("我同意为上述目的提供姓名和联系方式").check();
    await page.getByRole("button", { name: "提交意见" }).click();
    const code = await receiptCode(page);
    expect(await page.locator(".receipt-body").textContent()).toBe(opinion);
    expect(await page.locator(".receipt").textContent()).toContain("第十三条");
    // Personal data is never shown on a receipt.
    expect(await page.content()).not.toContain("13800138000");

    await page.goto("/receipt");
    await page.getByLabel("回执编号").fill(code.toLowerCase().replace(/-/g, " "));
    await page.getByRole("button", { name: "查询" }).click();
    await page.waitForURL(new RegExp(`/receipt/${code}$`));
    expect(await page.locator(".receipt-body").textContent()).toBe(opinion);
    expect(await page.locator(".steps [aria-current=step]").textContent()).toBe("已收到");
    await context.close();
  });

  it("works with JavaScript: the editor, the same receipt for a double click, and the count on the article", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    // Other tests comment on this article too: what counts is that this comment adds one.
    await page.goto("/drafts/personal-information-protection");
    const countOf = async () => Number(((await page.locator("#art-13 .comment-count").textContent({ timeout: 1000 }).catch(() => "")) ?? "").replace(/\D/g, "") || 0);
    const before = await countOf();
    await openArticleForm(page);
    const editor = page.getByRole("textbox", { name: "您对第十三条的意见" });
    await expect.poll(() => editor.getAttribute("contenteditable")).toBe("true");
    await editor.click();
    await page.keyboard.type("同意本条。建议增加对未成年人信息的特别保护。");
    await page.getByLabel("学生").check();
    await page.getByRole("button", { name: "提交意见" }).dblclick();
    const code = await receiptCode(page);
    expect(await page.locator(".receipt-body").textContent()).toBe("同意本条。建议增加对未成年人信息的特别保护。");
    await page.goto("/drafts/personal-information-protection");
    await expect.poll(countOf).toBe(before + 1);
    expect(await page.locator("#art-13 .comment-count").textContent()).toBe(`${before + 1} 条意见`);
    expect(code).toMatch(/^MY-/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers a receipt code that does not exist with a clear page", async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto("/receipt/MY-000-000");
    expect(response?.status()).toBe(404);
    await page.goto("/receipt?code=hello");
    expect(await page.locator("#f-code-error").textContent()).toBe("回执编号由 MY 和 6 个字母或数字组成，例如 MY-7K3-9QF。");
    await context.close();
  });
});
