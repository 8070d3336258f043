import { test, expect } from "./fixtures";
import { createAdmin } from "./outbox";
import { password } from "./people";

// The header is one row at every width, for a visitor and for an admin (who
// has the most links): links inline from 1280 px, behind "Menu" below.
const widths = [390, 1024, 1280, 1600];

for (const who of ["visitor", "admin", "admin reading Chinese"] as const) {
  test(`the header is one row at every width for ${who === "visitor" ? "a visitor" : `an ${who}`} @no-js`, async ({ page }) => {
    const chinese = who === "admin reading Chinese";
    if (who !== "visitor") {
      const email = `header-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
      createAdmin(email, "Site Admin", password);
      const response = await page.request.post("/api/sign_in", {
        form: { "form[email]": email, "form[password]": password },
      });
      expect(response.status()).toBe(200);
    }
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(chinese ? "/zh-CN/sigs" : "/sigs");
      const header = page.locator(".site-header");
      const brand = page.locator(".brand");
      const menuButton = page.locator(".site-menu > summary");
      // The language switch closes the row.
      const lastLink = page.locator(".language-switch button").first();
      const brandBox = (await brand.boundingBox())!;
      if (width >= 1280) {
        await expect(menuButton, `${width}px: no menu button`).toBeHidden();
        await expect(lastLink).toBeVisible();
        // The last link sits in the brand's row, not below it.
        const lastBox = (await lastLink.boundingBox())!;
        expect(Math.abs(lastBox.y + lastBox.height / 2 - (brandBox.y + brandBox.height / 2)), `${width}px`).toBeLessThan(12);
        // Nothing in the row overlaps the next thing, and all of it fits,
        // even beside a community's long name (which gives way).
        await page.locator(".brand-name").evaluate((name) => {
          name.textContent = "The KubeSphere Community of Special Interest Groups";
        });
        const row = await page
          .locator(".brand, .header-search, .site-menu-panel > *")
          .evaluateAll((items) => items.map((item) => ({ name: item.className, ...item.getBoundingClientRect().toJSON() })));
        for (let i = 1; i < row.length; i++) {
          expect(row[i].left, `${width}px: ${row[i].name} after ${row[i - 1].name}`).toBeGreaterThanOrEqual(row[i - 1].right - 1);
        }
        expect(row[row.length - 1].right, `${width}px: the row fits`).toBeLessThanOrEqual(width);
      } else {
        await expect(menuButton, `${width}px: a menu button`).toBeVisible();
        const buttonBox = (await menuButton.boundingBox())!;
        expect(Math.abs(buttonBox.y - brandBox.y), `${width}px`).toBeLessThan(24);
      }
      const headerBox = (await header.boundingBox())!;
      expect(headerBox.height, `${width}px: header height`).toBeLessThan(80);
    }
  });
}
