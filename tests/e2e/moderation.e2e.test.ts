/**
 * 审核: comments posted through the public form (a post-moderated consultation, so they count at
 * once) are hidden by an officer one at a time and in bulk, with and without JavaScript; the
 * article's count on the public page follows; a decision someone else made first is refused; the
 * commenter stays masked until "显示联系方式", which works without JavaScript.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktopContext, e2eReady, launchBrowser, phoneContext, signIn, watchErrors } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";

const SLUG = "personal-information-protection";
const ARTICLE = "art-20";
const run = Date.now().toString(36);

async function postComment(browser: Browser, text: string, person?: { name: string; phone: string }): Promise<string> {
  const context = await phoneContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/drafts/${SLUG}/comment?provision=${ARTICLE}`);
  await page.getByLabel("您对第二十条的意见").fill(text);
  await page.getByLabel("居民").check();
  if (person) {
    await page.getByLabel("姓名", { exact: true }).fill(person.name);
    await page.getByLabel("电话", { exact: true }).fill(person.phone);
    await page.getByLabel("我同意为上述目的提供姓名和联系方式").check();
  }
  await page.getByRole("button", { name: "提交意见" }).click();
  await page.waitForURL(/\/receipt\/MY-[0-9A-Z]{3}-[0-9A-Z]{3}\?new=1$/);
  const code = (await page.locator(".notice .receipt-code").textContent()) ?? "";
  await context.close();
  return code;
}

/** The article's count on the public reading page, as a visitor without an account sees it. */
async function publicCount(browser: Browser): Promise<string> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`/drafts/${SLUG}`);
  const counts = page.locator(`#${ARTICLE} .comment-count`);
  const text = (await counts.count()) === 0 ? "" : ((await counts.textContent()) ?? "");
  await context.close();
  return text;
}

const card = (page: Page, code: string) => page.locator("li.mod-item").filter({ hasText: code });

async function officer(browser: Browser, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await desktopContext(browser, { javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, "officer", E2E_PASSWORDS.officer);
  return { context, page };
}

describe.skipIf(!e2eReady())("moderating comments in the browser", () => {
  let browser: Browser;
  const codes: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    codes.push(await postComment(browser, `【${run}-甲】建议明确单独同意的具体形式。`, { name: "张阿姨", phone: "13800138000" }));
    codes.push(await postComment(browser, `【${run}-乙】同意本条。`));
    codes.push(await postComment(browser, `【${run}-丙】建议删去“等”字。`));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("hides one comment with a reason, then two in bulk, and the public count follows", async () => {
    expect(await publicCount(browser)).toBe("3 条意见");
    const { context, page } = await officer(browser);
    const errors = watchErrors(page);
    await page.goto("/officer");
    await page.getByRole("link", { name: "意见审核" }).click();
    await page.waitForURL(/\/officer\/moderation$/);
    // A post-moderated consultation: nothing waits; the comments are already approved.
    await page.getByRole("link", { name: /^已通过（\d+）$/ }).click();
    await page.waitForURL(/status=approved/);
    const first = card(page, codes[0]!);
    expect(await first.textContent()).toContain("张**");
    expect(await first.textContent()).toContain("138****8000");
    expect(await page.content()).not.toContain("13800138000");
    expect(await page.content()).not.toContain("张阿姨");

    // Hiding needs a reason: said next to this comment's field.
    await first.getByText("处理这条意见").click();
    await first.getByRole("button", { name: "隐藏", exact: true }).click();
    await expect.poll(() => first.locator(".field-error").textContent()).toBe("不予通过或隐藏时，请写明理由。");
    await first.getByLabel("处理理由").fill("含有与本条无关的内容。");
    await first.getByRole("button", { name: "隐藏", exact: true }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已处理 1 条意见。" }).count()).toBe(1);
    await expect.poll(() => card(page, codes[0]!).count()).toBe(0);

    // The other two at once.
    await page.getByLabel(`选择意见 ${codes[1]}`).check();
    await page.getByLabel(`选择意见 ${codes[2]}`).check();
    await page.locator("#reason-bulk").fill("重复提交。");
    await page.getByRole("button", { name: "勾选的全部隐藏" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已处理 2 条意见。" }).count()).toBe(1);
    await page.getByRole("link", { name: /^已隐藏（\d+）$/ }).click();
    await page.waitForURL(/status=hidden/);
    for (const code of codes) await expect.poll(() => card(page, code).count()).toBe(1);
    expect(await card(page, codes[0]!).textContent()).toContain("含有与本条无关的内容。");
    await expect.poll(() => publicCount(browser), { timeout: 10_000 }).toBe("");
    // The refused decision above is a 400 by design; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("refuses a decision on a comment another officer decided after the page was opened", async () => {
    const a = await officer(browser);
    const b = await officer(browser, false);
    for (const p of [a.page, b.page]) await p.goto("/officer/moderation?status=hidden");
    const mine = card(a.page, codes[1]!);
    await mine.getByText("处理这条意见").click();
    await mine.getByRole("button", { name: "通过", exact: true }).click();
    await expect.poll(() => a.page.getByRole("status").filter({ hasText: "已处理 1 条意见。" }).count()).toBe(1);
    // The second officer, without JavaScript, still sees it hidden and decides on stale information.
    const stale = card(b.page, codes[1]!);
    await stale.getByText("处理这条意见").click();
    await stale.getByLabel("处理理由").fill("重复。");
    await stale.getByRole("button", { name: "不予通过", exact: true }).click();
    await expect.poll(() => b.page.getByRole("alert").filter({ hasText: "在您查看之后已被他人处理" }).textContent()).toContain(`${codes[1]}：王法工已改为“已通过”`);
    await a.page.goto("/officer/moderation?status=approved");
    await expect.poll(() => card(a.page, codes[1]!).count()).toBe(1);
    await expect.poll(() => publicCount(browser), { timeout: 10_000 }).toBe("1 条意见");
    await a.context.close();
    await b.context.close();
  });

  it("shows the comment masked, reveals the contact details on request without JavaScript, and records the history", async () => {
    const { context, page } = await officer(browser, false);
    await page.goto("/officer/moderation?status=hidden");
    await card(page, codes[0]!).getByRole("link", { name: "查看详情" }).click();
    await page.waitForURL(/\/officer\/comments\/[0-9a-f-]+$/);
    const url = page.url();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`意见 ${codes[0]}`);
    expect(await page.content()).not.toContain("13800138000");
    expect(await page.locator(".mod-person").textContent()).toContain("138****8000");
    expect(await page.locator(".mod-history").textContent()).toContain("已通过 → 已隐藏");
    expect(await page.getByText("还没有归纳意见引用这条意见。").count()).toBe(1);

    await page.getByRole("button", { name: "显示联系方式" }).click();
    await expect.poll(() => page.locator(".mod-person").textContent()).toContain("13800138000");
    expect(await page.locator(".mod-person").textContent()).toContain("张阿姨");
    await page.getByRole("link", { name: "重新隐去" }).click();
    await expect.poll(() => page.locator(".mod-person").textContent()).toContain("138****8000");
    expect(await page.content()).not.toContain("13800138000");
    expect(page.url()).toBe(url);

    // A contact point's staff may not open a public online comment.
    const staff = await desktopContext(browser);
    const staffPage = await staff.newPage();
    await signIn(staffPage, "staff", E2E_PASSWORDS.staff);
    const response = await staffPage.goto(url.replace("/officer/comments/", "/staff/comments/"));
    expect(response?.status()).toBe(403);
    await staff.close();
    await context.close();
  });
});
