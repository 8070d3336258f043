import { test, expect, waitForHydration } from "./fixtures";
import { linkToken } from "./outbox";

const password = "violet-kettle-orbit-42";

function uniqueEmail(prefix: string, project: string) {
  return `${prefix}-${project}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

test.describe("a newcomer creates an account", () => {
  test("sign up, confirm from the e-mail, sign in and out @no-js", async ({ page }, info) => {
    const email = uniqueEmail("ada", info.project.name);
    await page.goto("/");
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();

    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill("password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#sign-up-password-error")).toContainText("too common or too easy to guess");

    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Check your inbox")).toBeVisible();

    const token = linkToken(email, "/account/confirm");
    await page.goto(`/account/confirm?token=${token}`);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await expect(page.getByText("Your e-mail address is confirmed")).toBeVisible();

    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText("Ada Lovelace")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByText("Ada Lovelace")).toHaveCount(0);
  });

  test("a wrong password is told on the form", async ({ page }) => {
    await page.goto("/account/sign-in");
    await waitForHydration(page);
    await page.getByLabel("E-mail address").fill("nobody@example.org");
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  });
});
