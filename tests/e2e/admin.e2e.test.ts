import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktopContext, e2eReady, launchBrowser, signIn } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";

describe.skipIf(!e2eReady())("administration in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates a township, a contact point and a staff account there, who can then sign in", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, "admin", E2E_PASSWORDS.admin);

    await page.goto("/admin/organizations/new");
    await page.getByLabel("上级组织").selectOption({ label: "\u3000\u3000\u3000桐庐县人大常委会（县级）" });
    await page.getByLabel("层级").selectOption("township");
    await page.locator("#f-name").fill("桐庐县横村镇人大");
    await page.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/admin$/);
    await expect.poll(() => page.getByText("桐庐县横村镇人大").count()).toBe(1);

    await page.goto("/admin/contact-points/new");
    await page.getByLabel("所属组织").selectOption({ label: "\u3000\u3000\u3000\u3000桐庐县横村镇人大（乡镇级）" });
    await page.getByLabel("联系点名称").fill("横村镇基层立法联系点");
    await page.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/admin$/);
    await expect.poll(() => page.getByText("横村镇基层立法联系点").count()).toBe(1);

    await page.goto("/admin/users/new");
    await page.getByLabel("用户名").fill("hengcun");
    await page.getByLabel("姓名").fill("周横村");
    await page.getByLabel("初始密码").fill("hengcun-password");
    await page.getByLabel("角色").selectOption("contact_point_staff");
    await page.getByLabel("范围").selectOption({ label: "横村镇基层立法联系点" });
    await page.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText("联系点工作人员 · 横村镇基层立法联系点").count()).toBe(1);

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/$/);
    await signIn(page, "hengcun", "hengcun-password");
    await page.getByRole("link", { name: "联系点工作台" }).click();
    await expect.poll(() => page.getByText("联系点：横村镇基层立法联系点").count()).toBe(1);
    await context.close();
  });

  it("refuses a role whose scope does not fit it, next to the field", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, "admin", E2E_PASSWORDS.admin);
    await page.goto("/admin/users/new");
    await page.getByLabel("用户名").fill("wrong-scope");
    await page.getByLabel("姓名").fill("错范围");
    await page.getByLabel("初始密码").fill("wrong-scope-password");
    await page.getByLabel("角色").selectOption("contact_point_staff");
    await page.getByLabel("范围").selectOption({ index: 1 });
    await page.getByRole("button", { name: "创建" }).click();
    await expect.poll(() => page.locator("#f-scope-error").textContent()).toBe("联系点工作人员的范围须为联系点；立法工作人员和管理员的范围须为组织。");
    await context.close();
  });
});
