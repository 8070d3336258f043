import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3200";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
async function shot(ctx, path, file, fullPage = true) {
  const page = await ctx.newPage();
  await page.goto(base + path);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `/tmp/shots/${file}.png`, fullPage });
  await page.close();
}
async function lead(options) {
  const ctx = await browser.newContext(options);
  const page = await ctx.newPage();
  await page.goto(base + "/account/sign-in?next=/sigs/apps");
  await page.getByRole("button", { name: /GitHub/ }).click();
  await page.getByLabel("Username").fill("hlwanghl");
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL(/sigs\/apps/);
  await page.close();
  return ctx;
}
const desktop = { viewport: { width: 1280, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true };
let ctx = await browser.newContext(desktop);
await shot(ctx, "/account/sign-in", "signin-desktop-light", false);
await shot(ctx, "/account/sign-in?problem=stale", "signin-problem-desktop", false);
await shot(ctx, "/join?sig=apps", "join-desktop", false);
ctx = await browser.newContext({ ...phone, colorScheme: "dark" });
await shot(ctx, "/account/sign-in", "signin-phone-dark", false);
ctx = await lead(desktop);
await shot(ctx, "/account", "account-desktop-light");
ctx = await lead({ ...phone, colorScheme: "dark" });
await shot(ctx, "/account", "account-phone-dark");
ctx = await lead({ ...desktop, locale: "zh-CN" });
await shot(ctx, "/zh-CN/account", "account-desktop-zh");
await shot(ctx, "/zh-CN/account/sign-in?problem=email-taken", "signin-problem-zh", false);
await browser.close();
