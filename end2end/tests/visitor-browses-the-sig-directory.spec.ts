import { test, expect, waitForHydration } from "./fixtures";

test.describe("a visitor browses the SIG directory", () => {
  test("the directory lists the 19 seeded SIGs @no-js", async ({ page }) => {
    await page.goto("/sigs");
    await expect(page.getByRole("heading", { level: 1, name: "Special Interest Groups" })).toBeVisible();
    await expect(page.locator(".sig-card:visible")).toHaveCount(19);
    await expect(page.getByRole("status")).toHaveText("19 SIGs");
  });

  test("the bundle has this build's hash in its URLs and is kept for a year @no-js", async ({ page, request }) => {
    await page.goto("/sigs");
    const html = await page.content();
    const urls = [...html.matchAll(/\/pkg\/([0-9a-f]{16})\/sigpost(?:\.js|_bg\.wasm|\.css)/g)].map((m) => m[0]);
    expect(urls.map((url) => url.split(".")[1]), html).toEqual(expect.arrayContaining(["js", "css"]));
    for (const url of new Set(urls)) {
      const answer = await request.get(url);
      expect(answer.status(), url).toBe(200);
      expect(answer.headers()["cache-control"], url).toBe("public, max-age=31536000, immutable");
    }
    // An unhashed or older URL still answers, but must be revalidated.
    const unhashed = await request.get("/pkg/sigpost.css");
    expect(unhashed.headers()["cache-control"]).toBe("no-cache");
    const older = await request.get("/pkg/0123456789abcdef/sigpost.css");
    expect(older.status()).toBe(200);
    expect(older.headers()["cache-control"]).toBe("no-cache");
  });

  test("typing in the filter narrows the list at once", async ({ page }) => {
    await page.goto("/sigs");
    await waitForHydration(page);
    const filter = page.getByLabel("Filter SIGs");
    await filter.pressSequentially("multi");
    await expect(page.locator(".sig-card:visible")).toHaveCount(2);
    await expect(page.getByRole("status")).toHaveText("Showing 2 of 19 SIGs");
    await expect(page.getByRole("link", { name: "Multi-cluster", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Multi-tenancy", exact: true })).toBeVisible();

    await filter.fill("no such group");
    await expect(page.getByText("No SIG matches")).toBeVisible();
    await filter.fill("");
    await expect(page.locator(".sig-card:visible")).toHaveCount(19);
  });

  test("the filter works by form post without JavaScript @no-js", async ({ page }) => {
    await page.goto("/sigs");
    await page.getByLabel("Filter SIGs").fill("storage");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\/sigs\?q=storage$/);
    await expect(page.locator(".sig-card:visible")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Storage", exact: true })).toBeVisible();
  });

  test("a SIG page shows its leads and links", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Browse SIGs" }).click();
    await page.getByRole("link", { name: "Advocacy and Outreach", exact: true }).click();
    await expect(page).toHaveURL(/\/sigs\/advocacy-and-outreach$/);
    await expect(page.getByRole("heading", { level: 1, name: "Advocacy and Outreach" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Pengfei Zhou" })).toHaveAttribute("href", "https://github.com/FeynmanZhou");
    await expect(page.getByRole("link", { name: "Rick" })).toHaveAttribute("href", "https://github.com/linuxSuRen");
    await expect(page.getByRole("link", { name: "#sig-advocacy-and-outreach" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Meeting notes" })).toHaveAttribute("href", /docs\.google\.com/);
    await expect(page.getByText("No mailing list yet.")).toBeVisible();
    await expect(page).toHaveTitle(/Advocacy and Outreach/);
  });

  test("an unknown slug shows the 404 page @no-js", async ({ page }) => {
    const response = await page.goto("/sigs/no-such-sig");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse all SIGs" })).toBeVisible();
  });

  test("channels and guidance pages read well @no-js", async ({ page }) => {
    await page.goto("/channels");
    await expect(page.getByRole("heading", { name: "Local communities" })).toBeVisible();
    await expect(page.getByRole("link", { name: "#community-china" })).toBeVisible();
    await page.goto("/guidance");
    await page.getByRole("link", { name: "Be Open" }).click();
    await expect(page.getByText("the SIG’s folder")).toBeVisible();
  });
});
