import { test, expect } from "./fixtures";

// The Chinese journey: a browser that prefers Chinese lands on the Chinese
// site, a refused join answers in Chinese and keeps what was typed, the
// join goes through, and the switch on a SIG page keeps the page.
test.use({ locale: "zh-CN" });

test("a newcomer joins a SIG in Chinese and switches the SIG page to English @no-js", async ({ page }, info) => {
  const email = `zh-${info.project.name}-${Date.now()}@example.org`;
  await page.goto("/");
  await expect(page).toHaveURL(/\/zh-CN$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "加入" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/join$/);
  await expect(page.getByRole("heading", { level: 1, name: "加入兴趣小组" })).toBeVisible();
  await page.getByLabel(/^Storage/).check();
  await page.getByLabel("你的名字").fill("张伟");
  await page.getByLabel("电子邮箱").fill("不是地址");
  await page.getByLabel(/你想做些什么/).fill("文档和第一个任务");
  await page.getByRole("button", { name: "加入", exact: true }).click();

  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("请修改下面标出的字段。");
  await expect(summary.getByRole("link")).toHaveText("请填写有效的电子邮箱地址，例如 name@example.org。");
  await expect(page.getByLabel("你的名字")).toHaveValue("张伟");
  await expect(page.getByLabel(/你想做些什么/)).toHaveValue("文档和第一个任务");
  await expect(page.getByLabel(/^Storage/)).toBeChecked();

  await page.getByLabel("电子邮箱").fill(email);
  await page.getByRole("button", { name: "加入", exact: true }).click();
  await expect(page.getByText("请查收邮件：我们发送了一个确认链接。")).toBeVisible();

  await page.goto("/zh-CN/sigs/storage");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/sigs\/storage$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The choice sticks, whatever the browser prefers.
  await page.goto("/join");
  await expect(page.getByRole("heading", { level: 1, name: "Join a SIG" })).toBeVisible();
});
