/**
 * Li after a symposium: records it with a photo of the sign-in sheet, then types ten views with
 * the keyboard alone — type 13 and pick 第十三条, Tab from field to field, Enter in the last field
 * saves and starts the next — and sees them listed, personal data masked. Then the same without
 * JavaScript: full-page posts, a cleared form and a "saved" notice, errors next to their fields.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktopContext, e2eReady, launchBrowser, phoneContext, signIn, watchErrors } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";
import { PNG } from "../intake/staff-db-fixtures";

const SHOTS = path.resolve("tests/.tmp/screenshots");
const PIPL = "中华人民共和国个人信息保护法（演示草案）（征求意见稿）";
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** One view, typed field by field: 条款 意见 修改建议 理由 提出人 身份 联系方式 日期, Enter in the last saves. */
async function typeView(page: Page, view: { article: string; pick?: string; body: string; proposed?: string; reason?: string; name?: string; contact?: string }) {
  const k = page.keyboard;
  await k.type(view.article);
  if (view.pick) {
    await page.getByRole("option", { name: new RegExp(`^${view.pick}`) }).first().waitFor();
    await k.press("Enter");
    expect(await page.locator("#f-article").inputValue()).toBe(view.pick);
  }
  await k.press("Tab");
  await k.type(view.body);
  await k.press("Tab");
  if (view.proposed) await k.type(view.proposed);
  await k.press("Tab");
  if (view.reason) await k.type(view.reason);
  await k.press("Tab");
  if (view.name) await k.type(view.name);
  await k.press("Tab"); // 身份: left as 未说明
  await k.press("Tab");
  if (view.contact) await k.type(view.contact);
  await k.press("Tab"); // 日期: the symposium's date is already there
  expect(await focusedId(page)).toBe("f-saidOn");
  await k.press("Enter");
}

describe.skipIf(!e2eReady())("staff entry after a symposium", () => {
  let browser: Browser;
  let entryUrl = "";
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("records a symposium, then enters ten views with the keyboard alone (JavaScript on)", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, "staff", E2E_PASSWORDS.staff);
    await page.goto("/staff");
    await page.getByRole("link", { name: "新建座谈会" }).first().click();
    await page.waitForURL(/\/staff\/symposia\/new/);
    await page.getByLabel("征求意见的草案").selectOption({ label: PIPL });
    await page.getByLabel("地点").fill("城南街道社区服务中心三楼会议室");
    await page.getByLabel("参加人数").fill("14");
    await page.getByLabel("主题").fill("个人信息保护法草案座谈会");
    await page.getByLabel("会议记录或签到表").setInputFiles({ name: "签到表.png", mimeType: "image/png", buffer: Buffer.from(PNG) });
    await page.getByRole("button", { name: "保存并开始录入意见" }).click();
    await page.waitForURL(/\/staff\/symposia\/[0-9a-f-]+\/entry\?created=1$/);
    entryUrl = page.url().replace(/\?.*$/, "");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "座谈会已保存" }).count()).toBe(1);
    await expect.poll(() => page.locator("#f-article[role=combobox]").count()).toBe(1);

    // From here on: the keyboard alone.
    expect(await focusedId(page)).toBe("f-article");
    const rows = page.getByTestId("entered-row");
    for (let i = 0; i < 10; i++) {
      const view = i === 0
        ? { article: "13", pick: "第十三条", body: "第1条意见：处理个人信息的合法情形应当列举清楚。", proposed: "增加“为订立合同所必需”", reason: "社区居民普遍关心", name: "张三", contact: "13812345678" }
        : i % 2 === 1
          ? { article: String(i + 20), pick: undefined, body: `第${i + 1}条意见：请写明具体期限。`, name: `居民${i + 1}` }
          : { article: String(i + 30), pick: undefined, body: `第${i + 1}条意见：建议增加罚则。`, contact: `zhang${i}@example.com` };
      await typeView(page, view);
      await expect.poll(() => rows.count()).toBe(i + 1);
      await expect.poll(() => page.getByRole("status").filter({ hasText: "已保存" }).count()).toBeGreaterThan(0);
      await expect.poll(() => focusedId(page)).toBe("f-article");
      expect(await page.locator("#f-article").inputValue()).toBe("");
      expect(await page.locator("#f-body").inputValue()).toBe("");
    }
    expect(await rows.count()).toBe(10);
    // Newest first; the first view (on 第十三条) is at the bottom, its commenter masked.
    expect(await rows.first().textContent()).toContain("第10条意见");
    const first = rows.last();
    expect(await first.textContent()).toContain("第十三条");
    expect(await first.textContent()).toContain("张*");
    expect(await first.textContent()).toContain("138****5678");
    expect(await page.content()).not.toContain("13812345678");
    expect(await page.getByText("共 10 条，最新的在最前面。").count()).toBe(1);

    // The context stayed fixed at the top while typing.
    const top = await page.locator(".entry-context").boundingBox();
    expect(top && top.y).toBeLessThan(5);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, "entry-desktop.png"), fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the symposium with its sign-in sheet and ten views on the staff home and its own page", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff", E2E_PASSWORDS.staff);
    await page.goto("/staff");
    await expect.poll(() => page.getByText("10 条意见").count()).toBeGreaterThan(0);
    await page.goto(entryUrl.replace(/\/entry$/, ""));
    const download = page.getByRole("link", { name: /下载签到表\.png/ });
    expect(await download.count()).toBe(1);
    const response = await page.request.get(entryUrl.replace(/\/entry$/, "/minutes"));
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await response.body()).equals(Buffer.from(PNG))).toBe(true);
    await context.close();
  });

  it("enters views without JavaScript: a full-page post, a cleared form and a saved notice; errors next to their fields", async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "staff", E2E_PASSWORDS.staff);
    await page.goto("/staff/entry?draft=personal-information-protection&channel=letter");
    expect(await page.locator(".entry-context").textContent()).toContain("来信");
    expect(await focusedId(page)).toBe("f-article");

    await Promise.all([page.waitForURL(/saved=MY-/), typeView(page, { article: "13", body: "来信：建议细化告知的方式。", name: "王五", contact: "0571-88886666" })]);
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^已保存：第十三条，回执编号 MY-/);
    expect(await focusedId(page)).toBe("f-article");
    expect(await page.locator("#f-body").inputValue()).toBe("");
    expect(await page.getByTestId("entered-row").count()).toBe(1);
    expect(await page.getByTestId("entered-row").first().textContent()).toContain("057*****6666");

    // An article the draft does not have, and no view: the form comes back filled in.
    await page.keyboard.type("第九千条");
    await Promise.all([page.waitForLoadState("domcontentloaded"), page.keyboard.press("Enter")]);
    await expect.poll(() => page.locator("#f-article-error").textContent()).toContain("本草案中没有“第九千条”");
    expect(await page.locator("#f-body-error").textContent()).toBe("此项必填。");
    expect(await page.locator("#f-article").inputValue()).toBe("第九千条");
    expect(await focusedId(page)).toBe("f-article");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("14");
    await page.keyboard.press("Tab");
    await page.keyboard.type("来信：第十四条也要修改。");
    for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("f-saidOn");
    await Promise.all([page.waitForURL(/saved=MY-/), page.keyboard.press("Enter")]);
    await expect.poll(() => page.getByTestId("entered-row").count()).toBe(2);
    expect(await page.getByTestId("entered-row").first().textContent()).toContain("第十四条");
    await context.close();
  });

  it("is readable on a phone and a desktop at a large font size", async () => {
    for (const [name, make] of [["phone", phoneContext], ["desktop", desktopContext]] as const) {
      const context = await make(browser);
      const page = await context.newPage();
      await signIn(page, "staff", E2E_PASSWORDS.staff);
      await page.goto(entryUrl);
      await page.locator("#f-article[role=combobox]").waitFor();
      // The reader's font setting at 200%: everything is sized in rem/em.
      await page.addStyleTag({ content: "html { font-size: 225% !important; }" });
      await page.locator("#f-article").focus();
      await page.keyboard.type("12");
      await page.locator("#f-article-list [role=option]").first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, `entry-${name}-large-font.png`) });
      await page.screenshot({ path: path.join(SHOTS, `entry-${name}-large-font-full.png`), fullPage: true });
      // No sideways scrolling: what is too long wraps (or, in the context bar, is cut short).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});
