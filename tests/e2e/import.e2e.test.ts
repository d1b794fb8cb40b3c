/**
 * Journey 2, the colleague's sheet: Li downloads the template, uploads a sheet with two mistakes,
 * reads both in the report (row and column as in his sheet) before anything is saved, fixes them,
 * uploads again, commits and watches the progress finish. And the same commit without JavaScript.
 */
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktopContext, e2eReady, launchBrowser, signIn, watchErrors } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";
import { generateImportSheet, lawSentences } from "../../scripts/bench/import-bench";

const DRAFT = "中华人民共和国个人信息保护法（演示草案）（征求意见稿）";
const HEADER = ["序号", "条款", "意见内容", "修改建议", "理由", "提出人", "身份", "联系方式", "渠道", "日期"];

/** Yesterday in China: a date every server clock accepts as "not in the future". */
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

/** Sixteen views as a colleague typed them, under a title row: row N of the sheet is view N - 2. */
async function colleaguesSheet(mistakes: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("座谈会意见");
  ws.addRow(["城南街道社区座谈会意见汇总"]);
  ws.addRow(HEADER);
  for (let i = 1; i <= 16; i++) {
    const row = ws.addRow([i, `第${i + 1}条`, `第 ${i} 位居民的意见：建议把告知写得更清楚。`, null, null, `居民${i}`, "居民", "13812345678", null, yesterday()]);
    if (i === 7 && mistakes) row.getCell(8).value = "138-1234";
    if (i === 15) row.getCell(2).value = mistakes ? "第二百条" : "第二十条";
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("草案").selectOption({ label: DRAFT });
  await page.getByLabel("意见表文件").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: "上传并检查" }).click();
  await page.waitForURL(/\/staff\/imports\/[0-9a-f-]{36}$/);
}

describe.skipIf(!e2eReady())("importing a colleague's spreadsheet", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("downloads the template, sees both mistakes before anything is saved, fixes them and watches the import finish", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, "staff", E2E_PASSWORDS.staff);
    await page.goto("/staff/imports/new");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("导入意见表");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Excel 模板（.xlsx）" }).click()]);
    expect(download.suggestedFilename()).toBe("意见导入模板.xlsx");
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile((await download.path())!);
    expect((template.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const csv = await page.request.get("/staff/imports/template.csv");
    expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    await upload(page, "座谈会意见.xlsx", await colleaguesSheet(true));
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "发现 2 处问题，没有导入任何意见" }).count()).toBe(1);
    const rows = page.locator("table.import-issues tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.nth(0).locator("td").allTextContents())).toEqual(["第 9 行", "联系方式", "“138-1234”不是有效的电话号码或电子邮箱。"]);
    expect((await rows.nth(1).locator("td").allTextContents())).toEqual(["第 17 行", "条款", "草案中没有“第二百条”。"]);
    expect(await page.getByRole("button", { name: /确认导入/ }).count()).toBe(0);

    await page.getByRole("link", { name: "上传修改后的文件" }).click();
    await page.waitForURL(/\/staff\/imports\/new\?draftId=/);
    await upload(page, "座谈会意见（改）.xlsx", await colleaguesSheet(false));
    await expect.poll(() => page.getByRole("status").filter({ hasText: "检查通过：16 条意见可以导入" }).count()).toBe(1);
    await expect.poll(() => page.getByText("16 条意见没有填写渠道，将按“座谈会”记录。").count()).toBe(1);

    await page.getByRole("button", { name: "确认导入 16 条意见" }).click();
    await page.waitForURL(/\/staff\/imports\/[0-9a-f-]{36}\/progress$/);
    await expect.poll(() => page.getByText("导入完成：已导入 16 条意见。").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator("progress").getAttribute("value")).toBe("16");
    expect(await page.getByRole("status").filter({ hasText: "已处理 16 / 16 条" }).count()).toBe(1);
    // Nothing went wrong in the browser (Chromium asks for /favicon.ico when a download starts; there is none).
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });

  it("works without JavaScript: the progress page refreshes itself until the import is done", async () => {
    const context = await desktopContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "staff", E2E_PASSWORDS.staff);
    await page.goto("/staff/imports/new");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("意见");
    ws.addRow(["意见内容", "条款", "渠道"]);
    ws.addRow(["来信：建议缩短处理期限。", "第五十条", "来信"]);
    ws.addRow(["电话：支持本草案。", "全文", "电话"]);
    await upload(page, "来信来电.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    await page.getByRole("button", { name: "确认导入 2 条意见" }).click();
    await page.waitForURL(/\/progress$/);
    await expect.poll(() => page.getByText("导入完成：已导入 2 条意见。").count(), { timeout: 20_000 }).toBe(1);
    await context.close();
  });

  // That the bar advances batch by batch is asserted in tests/intake/import-large.db.test.ts; here,
  // that a person sees it while the commit runs (a fast machine may finish between two looks).
  it("shows the progress bar while a 6,000-row sheet is committed (the embedded database is busy all along)", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff", E2E_PASSWORDS.staff);
    await page.goto("/staff/imports/new");
    const articles = Array.from({ length: 74 }, (_, i) => i + 1);
    const bytes = await generateImportSheet({ rows: 6_000, articles, sentences: lawSentences(), today: yesterday() });
    await upload(page, "六千条.xlsx", Buffer.from(bytes));
    await page.getByRole("button", { name: "确认导入 6,000 条意见" }).click();
    await page.waitForURL(/\/progress$/);
    const seen = new Set<string>();
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && (await page.getByText("导入完成：已导入 6,000 条意见。").count()) === 0) {
      seen.add((await page.locator("progress").getAttribute("value")) ?? "none");
      await page.waitForTimeout(150);
    }
    expect(await page.getByText("导入完成：已导入 6,000 条意见。").count()).toBe(1);
    const before = [...seen].filter((v) => v !== "none").map(Number).filter((v) => v < 6_000);
    expect(before.length, `values seen: ${[...seen].join(", ")}`).toBeGreaterThan(0);
    await context.close();
  });
});
