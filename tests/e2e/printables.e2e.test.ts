/**
 * The printables: the notice for a community centre's board (a QR code opening the comment page)
 * and the paper comment form for a symposium table. Both are plain HTML; printed to PDF by
 * Chromium, the notice is one A4 page and the form one page per copy.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, desktopContext, e2eReady, launchBrowser, phoneContext, watchErrors } from "../support/browser";

const SLUG = "personal-information-protection";
const TITLE = "中华人民共和国个人信息保护法（演示草案）";
const MM = 96 / 25.4;

/** Pages in a PDF Chromium made: its page objects (it writes them uncompressed), checked against the page tree's count. */
function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length > 0) expect(Math.max(...counts)).toBe(pages);
  return pages;
}

/** The deadline the demo seed sets (29 days after seeding, China time), as the page writes it. */
function seededDeadlines(): string[] {
  const format = (d: Date) => new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" }).format(d);
  const day = 24 * 60 * 60 * 1000;
  // Seeded moments ago; around midnight in Beijing it may have been the day before.
  return [format(new Date(Date.now() + 29 * day)), format(new Date(Date.now() + 28 * day))];
}

describe.skipIf(!e2eReady())("printable notice and paper form", () => {
  let browser: Browser;
  let context: BrowserContext;
  const contactPointId = () => (JSON.parse(inject("seedIds")) as { contactPoints: string[] }).contactPoints[0]!;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await desktopContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    return { page, errors };
  }

  it("the notice shows the title, the deadline and a QR code for the comment page, and prints on one A4 page", async () => {
    const { page, errors } = await open(`/drafts/${SLUG}/notice`);
    const heading = page.getByRole("heading", { level: 1 });
    expect(await heading.textContent()).toContain("征求意见");
    expect(await heading.textContent()).toContain(TITLE);
    const deadline = (await page.locator(".board-notice__deadline").textContent()) ?? "";
    expect(seededDeadlines().map((d) => `截止日期：${d}`)).toContain(deadline);
    // The code: an inline SVG with a viewBox, labelled, nothing active in it.
    const svg = page.locator(".board-notice__code svg");
    await expect.poll(() => svg.count()).toBe(1);
    expect(await svg.getAttribute("viewBox")).toMatch(/^0 0 (\d+) \1$/);
    expect(await svg.getAttribute("role")).toBe("img");
    expect(await svg.innerHTML()).not.toMatch(/script|href/i);
    // The same address, printed for those who type it.
    const url = `${baseUrl()}/drafts/${SLUG}/comment`;
    expect(await page.locator(".board-notice__url").textContent()).toBe(url);
    expect(await page.locator(".board-notice__url").getAttribute("href")).toBe(url);
    expect(await page.getByText("提出意见的方式").count()).toBe(1);
    // Pure HTML: not hydrated.
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator(".print-help").isVisible()).toBe(true);

    // In print: no header, no help; the code stays large; nothing but the one page.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".app-header").isVisible()).toBe(false);
    expect(await page.locator(".print-help").isVisible()).toBe(false);
    const code = await page.locator(".board-notice__code").boundingBox();
    expect(code!.width).toBeGreaterThanOrEqual(70 * MM);
    expect(code!.height).toBeCloseTo(code!.width, 0);
    expect(await page.locator(".board-notice").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(0, 0, 0)");
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("names the contact point and its address with ?cp, still on one page; an unknown contact point is not found", async () => {
    const { page, errors } = await open(`/drafts/${SLUG}/notice?cp=${contactPointId()}`);
    const footer = (await page.locator(".board-notice__cp").textContent()) ?? "";
    expect(footer).toContain("桐庐县城南街道基层立法联系点");
    expect(footer).toContain("地址：桐庐县城南街道社区服务中心");
    expect(await page.locator(".board-notice__ways").textContent()).toContain("当面：到桐庐县城南街道基层立法联系点");
    expect(await page.locator(".board-notice__ways").textContent()).toContain("来信：寄至桐庐县城南街道社区服务中心");
    await page.emulateMedia({ media: "print" });
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(1);
    expect(errors).toEqual([]);
    for (const cp of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const response = await page.goto(`/drafts/${SLUG}/notice?cp=${cp}`);
      expect(response?.status(), cp).toBe(404);
    }
    expect((await page.goto("/drafts/no-such-draft/notice"))?.status()).toBe(404);
    await page.close();
  });

  it("ignores X-Forwarded-* from a proxy it does not trust when it writes the address", async () => {
    const other = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "X-Forwarded-Port": "8443" } });
    const page = await other.newPage();
    await page.goto(`/drafts/${SLUG}/notice`);
    expect(await page.locator(".board-notice__url").textContent()).toBe(`${baseUrl()}/drafts/${SLUG}/comment`);
    await other.close();
  });

  it("says so, without a QR code, when the draft is not open for comment", async () => {
    const { page, errors } = await open("/drafts/criminal-law/notice");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("中华人民共和国刑法");
    expect(await page.locator(".board-notice__status").textContent()).toContain("本草案目前不在征求意见期内");
    expect(await page.locator("svg").count()).toBe(0);
    expect(await page.locator(".board-notice__url").count()).toBe(0);
    await page.emulateMedia({ media: "print" });
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the paper form has the staff entry form's fields in its order, tick boxes for every category and the personal-data notice", async () => {
    const { page, errors } = await open(`/drafts/${SLUG}/paper-form`);
    const sheet = page.locator(".form-sheet");
    await expect.poll(() => sheet.count()).toBe(1);
    expect(await sheet.locator(".form-sheet__draft").textContent()).toBe(`《${TITLE}》`);
    expect(await sheet.getByRole("heading", { level: 1 }).textContent()).toBe("意见表");
    expect(await sheet.locator(".pf__label").evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim()))).toEqual([
      "条款", "意见", "修改建议", "理由", "提出人", "身份", "联系方式", "日期",
    ]);
    expect(await sheet.getByText("例：第十三条").count()).toBe(1);
    expect(await sheet.locator(".pf__ticks li").allTextContents()).toEqual(["人大代表", "政协委员", "律师", "专家学者", "企业", "公职人员", "居民", "学生", "其他"]);
    expect(await sheet.locator(".pf__box").count()).toBe(9);
    expect(await sheet.locator(".pf__rule").count()).toBeGreaterThanOrEqual(12);
    const privacy = (await sheet.locator(".form-sheet__privacy").textContent()) ?? "";
    expect(privacy).toContain("您填写的姓名和联系方式仅用于就本意见与您联系、反馈采纳情况，不会公开，征求意见结束后保存两年后删除。");
    expect(privacy).toContain("可以不填");
    expect(await page.locator("script").count()).toBe(0);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".print-help").isVisible()).toBe(false);
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("prints ?copies=N forms one per page, at most 50, and the copies can be chosen without JavaScript", async () => {
    const { page, errors } = await open(`/drafts/${SLUG}/paper-form?copies=3&cp=${contactPointId()}`);
    await expect.poll(() => page.locator(".form-sheet").count()).toBe(3);
    expect(await page.locator(".form-sheet__meta").first().textContent()).toContain("收集单位：桐庐县城南街道基层立法联系点");
    await page.emulateMedia({ media: "print" });
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(3);
    await page.emulateMedia({ media: "screen" });

    // The GET form keeps the contact point.
    await page.getByLabel("份数").fill("2");
    await Promise.all([page.waitForURL(/copies=2/), page.getByRole("button", { name: "更新" }).click()]);
    expect(new URL(page.url()).searchParams.get("cp")).toBe(contactPointId());
    await expect.poll(() => page.locator(".form-sheet").count()).toBe(2);

    await page.goto(`/drafts/${SLUG}/paper-form?copies=500`);
    await expect.poll(() => page.locator(".form-sheet").count()).toBe(50);
    expect(await page.locator(".print-help").textContent()).toContain("一次最多打印 50 份");
    await page.emulateMedia({ media: "print" });
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(50);
    for (const copies of ["0", "-2", "abc", "2.5"]) {
      await page.goto(`/drafts/${SLUG}/paper-form?copies=${copies}`);
      expect(await page.locator(".form-sheet").count(), copies).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("in English, both still fit their pages", async () => {
    const en = await desktopContext(browser, { locale: "en" });
    const page = await en.newPage();
    const errors = watchErrors(page);
    await page.emulateMedia({ media: "print" });
    await page.goto(`/drafts/${SLUG}/notice?cp=${contactPointId()}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Call for comments");
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(1);
    await page.goto(`/drafts/${SLUG}/paper-form?copies=2&cp=${contactPointId()}`);
    expect(await page.locator(".form-sheet__privacy").first().textContent()).toContain("deleted two years after the consultation closes");
    expect(pdfPageCount(await page.pdf({ format: "A4" }))).toBe(2);
    expect(errors).toEqual([]);
    await en.close();
  });

  it("reads on a phone without sideways scrolling", async () => {
    const phone = await phoneContext(browser);
    const page = await phone.newPage();
    for (const path of [`/drafts/${SLUG}/notice`, `/drafts/${SLUG}/paper-form`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});
