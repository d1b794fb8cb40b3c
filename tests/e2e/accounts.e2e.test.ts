import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, desktopContext, e2eReady, launchBrowser, phoneContext, signIn, watchErrors } from "../support/browser";
import { E2E_PASSWORDS } from "../support/e2e-accounts";

describe.skipIf(!e2eReady())("accounts and navigation in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const navLinks = async (page: import("playwright-core").Page) =>
    (await page.getByRole("navigation", { name: "主导航" }).getByRole("link").allTextContents()).map((s) => s.trim());

  it.each([
    ["admin", "系统管理", ["联系点工作台", "立法工作台"]],
    ["officer", "立法工作台", ["联系点工作台", "系统管理"]],
    ["staff", "联系点工作台", ["立法工作台", "系统管理"]],
  ] as const)("%s signs in and sees only their own area in the navigation", async (username, own, others) => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, username, E2E_PASSWORDS[username]);
    await expect.poll(() => navLinks(page)).toContain(own);
    const links = await navLinks(page);
    for (const other of others) expect(links).not.toContain(other);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: own }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/工作台|系统管理|组织机构/);
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(`${baseUrl()}/`);
    await expect.poll(() => navLinks(page)).toContain("工作人员登录");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sends an anonymous visitor from staff pages to sign-in, and back after signing in", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    for (const path of ["/staff", "/officer", "/admin", "/admin/users/new"]) {
      await page.goto(path);
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      expect(new URL(page.url()).searchParams.get("redirectTo")).toBe(path);
    }
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill(E2E_PASSWORDS.admin);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${baseUrl()}/admin/users/new`);
    await context.close();
  });

  it("refuses a signed-in person a page their role does not allow, with 403", async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff", E2E_PASSWORDS.staff);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("无权访问");
    await context.close();
  });

  it("gives one clear message for a wrong password and for an unknown account", async () => {
    const context = await desktopContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const messages: string[] = [];
    for (const username of ["officer", "no-such-person"]) {
      await page.goto("/sign-in");
      await page.getByLabel("用户名").fill(username);
      await page.getByLabel("密码").fill("wrong-password-123");
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForLoadState();
      messages.push((await page.getByRole("alert").first().textContent())?.trim() ?? "");
      expect(await page.getByLabel("用户名").inputValue()).toBe(username);
      expect(await page.getByLabel("密码").inputValue()).toBe("");
    }
    expect(messages).toEqual(["用户名或密码不正确。", "用户名或密码不正确。"]);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`shows form errors next to their fields in Chinese and in English (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await desktopContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, "admin", E2E_PASSWORDS.admin);
      await page.goto("/admin/users/new");
      await page.getByLabel("用户名").fill("Bad Name!");
      await page.getByLabel("初始密码").fill("short");
      await page.getByRole("button", { name: "创建" }).click();
      const username = page.getByLabel("用户名");
      await expect.poll(() => username.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await username.getAttribute("aria-describedby")) ?? "";
      expect(await page.locator(`#f-username-error`).textContent()).toBe("用户名须为 3–32 个字符，只能包含小写字母、数字、点、下划线和连字符。");
      expect(describedBy.split(" ")).toContain("f-username-error");
      expect(await page.locator("#f-password-error").textContent()).toBe("密码至少需要 10 个字符。");
      expect(await page.locator("#f-displayName-error").textContent()).toBe("此项必填。");
      expect(await username.inputValue()).toBe("Bad Name!");

      await page.getByRole("button", { name: "English" }).click();
      await page.waitForLoadState();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("New account");
      await page.getByLabel("Username").fill("");
      await page.getByRole("button", { name: "Create" }).click();
      await expect.poll(() => page.locator("#f-username-error").textContent()).toBe("This field is required.");
      expect(await page.locator("#f-scope-error").textContent()).toBe("Choose where this role applies.");
      expect(await page.getByLabel("Username").getAttribute("aria-invalid")).toBe("true");
      await context.close();
    });
  }

  it("answers an unknown address with a real 404 page and a request id header", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    expect(response?.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("页面不存在");
    await context.close();
  });
});
