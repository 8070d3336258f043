import { test, expect } from "./fixtures";
import { expectNoViolations } from "./axe";
import { signInAsNewLead } from "./people";

// axe-core runs in the page, so the page's CSP is set aside.
test.use({ bypassCSP: true });

const publicPages = [
  "/",
  "/sigs",
  "/sigs?q=storage",
  "/sigs/storage",
  "/sigs/storage/roadmap",
  "/sigs/storage/welcome",
  "/roadmap",
  "/meetings",
  "/sigs/storage/meetings",
  "/sigs?tz=Asia/Tokyo&from=9&to=17",
  "/join",
  "/channels",
  "/guidance",
  "/guidance/run-a-sig",
  "/search?q=jeff",
  "/health",
  "/zh-CN/health?sort=name&order=desc",
  "/sigs/storage/health",
  "/zh-CN/sigs/storage/health",
  "/search?q=nothing-matches-this",
  "/zh-CN/search?q=storage",
  "/account/sign-in",
  "/account/sign-up",
  "/sigs/no-such-sig",
];

for (const path of publicPages) {
  test(`${path} meets WCAG 2.1 AA (axe)`, async ({ page }) => {
    await expectNoViolations(page, path);
  });
}

// The charts and tables of SIG health, in the dark theme too.
for (const path of ["/health", "/sigs/storage/health"]) {
  test(`${path} in the dark theme meets WCAG 2.1 AA (axe)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoViolations(page, path);
  });
}

test("the pages only leads see meet WCAG 2.1 AA (axe)", async ({ page }, info) => {
  test.setTimeout(60_000);
  const stamp = `axe-${info.project.name}-${Date.now()}`;
  await signInAsNewLead(page, "multitenancy", stamp);
  const created = await page.request.post("/api/save_roadmap_item", {
    form: {
      "form[sig]": "multitenancy", "form[id]": "0", "form[version]": "0",
      "form[title]": `Workspace quotas ${stamp}`, "form[description]": "Quotas per **workspace**.",
      "form[status]": "planned", "form[target_month]": new Date().toISOString().slice(0, 7),
      "form[owner]": "", "form[link_url]": "", "form[exit_criterion]": "",
    },
  });
  expect(created.status()).toBe(200);
  const id = await created.text();
  for (const path of [
    "/sigs/multitenancy/roadmap",
    "/sigs/multitenancy/roadmap/new",
    `/sigs/multitenancy/roadmap/${id}`,
    `/sigs/multitenancy/roadmap/${id}/edit`,
    "/sigs/multitenancy/edit",
    "/sigs/multitenancy/members",
    "/sigs/multitenancy/meetings",
    "/sigs/multitenancy/meetings/new",
    "/sigs/multitenancy/meetings/series/new",
    "/my/sigs",
    "/account",
  ]) {
    await expectNoViolations(page, path);
  }
  // An annual report, drafted and published, and its form: light and dark.
  const year = new Date().getUTCFullYear();
  const report = await page.request.post("/api/save_report", {
    form: {
      "form[slug]": "multitenancy", "form[year]": String(year), "form[version]": "0",
      "form[initiatives]": "Quotas per **workspace**.", "form[project_health]": "", "form[membership]": "",
      "form[meetings]": "", "form[subprojects]": "", "form[intent]": "publish",
    },
  });
  expect(report.status()).toBe(200);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of [`/sigs/multitenancy/reports/${year}`, `/sigs/multitenancy/reports/${year}/edit`, "/sigs/multitenancy/health"]) {
      await expectNoViolations(page, path);
    }
  }
});
