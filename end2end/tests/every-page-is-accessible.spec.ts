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
  // A series with a cancelled meeting, and the form that cancelled it.
  const series = await page.request.post("/api/save_meeting_series", {
    form: {
      "form[sig]": "multitenancy", "form[id]": "0", "form[title]": `Quota sync ${stamp}`, "form[weekday]": "3",
      "form[start_time]": "09:00", "form[end_time]": "10:00", "form[time_zone]": "Europe/Berlin",
      "form[cadence]": "weekly", "form[week_of_month]": "", "form[starts_on]": "2026-01-01",
      "form[join_url]": "", "form[notes_url]": "", "form[recordings_url]": "",
    },
  });
  expect(series.status()).toBe(200);
  const seriesId = await series.text();
  const changesPath = `/sigs/multitenancy/meetings/series/${seriesId}/changes`;
  await page.goto(changesPath);
  const next = await page.getByLabel("Which meeting").locator("option").first().getAttribute("value");
  const cancelled = await page.request.post("/api/change_meeting", {
    form: { "form[sig]": "multitenancy", "form[series]": seriesId, "form[occurs_on]": next ?? "", "form[action]": "cancel", "form[reason]": "Holiday" },
  });
  expect(cancelled.status()).toBe(200);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of [`/sigs/multitenancy/reports/${year}`, `/sigs/multitenancy/reports/${year}/edit`, "/sigs/multitenancy/health", changesPath, "/sigs/multitenancy/meetings", "/account"]) {
      await expectNoViolations(page, path);
    }
  }
});
