import { test, expect, waitForHydration } from "./fixtures";

test.describe("a visitor searches the community", () => {
  test("results come as you type, and the arrow keys walk them", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await page.getByRole("searchbox", { name: "Search the site" }).fill("storage");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=storage$/);
    await expect(page.getByRole("link", { name: "Storage", exact: true })).toBeVisible();
    await waitForHydration(page);

    const box = page.getByRole("searchbox", { name: "Search the community" });
    await box.fill("");
    await box.pressSequentially("jeff zhang");
    await expect(page).toHaveURL(/\/search\?q=jeff\+zhang$/);
    // The count is read out once the new results are in.
    await expect(page.locator("[aria-live=polite]")).toHaveText("1 result for “jeff zhang”.");
    const person = page.locator(".search-hit").filter({ hasText: "Jeff Zhang" });
    await expect(person).toContainText("Multi-cluster");
    await expect(person.locator("mark").first()).toHaveText(/jeff/i);

    await box.press("ArrowDown");
    await expect(page.locator(".search-hit-link").first()).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(box).toBeFocused();
    await box.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/sigs\/[a-z-]+#leads-heading$/);
  });

  test("the header search and the results work without JavaScript @no-js", async ({ page }) => {
    await page.goto("/sigs");
    await page.getByRole("searchbox", { name: "Search the site" }).fill("存储 -*");
    await page.getByRole("button", { name: "Search", exact: true }).first().click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.locator("#search-summary")).toHaveText("Nothing matches “存储 -*”.");
    await page.getByRole("searchbox", { name: "Search the community" }).fill("multi");
    await page.getByRole("searchbox", { name: "Search the community" }).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=multi$/);
    await expect(page.getByRole("heading", { level: 2, name: /SIGs/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Multi-cluster", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Multi-tenancy", exact: true })).toBeVisible();
  });
});
