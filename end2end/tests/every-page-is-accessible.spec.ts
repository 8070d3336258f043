import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, waitForHydration } from "./fixtures";
import { createAdmin } from "./outbox";
import { password, signInAsNewLead } from "./people";

// axe-core, the engine behind Lighthouse's accessibility audits, run in the
// page itself: WCAG 2.1 A and AA rules on every page type, including those
// only a lead sees. Injecting the script needs the page's CSP set aside.
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
test.use({ bypassCSP: true });

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  expect(violations, `accessibility violations on ${path}`).toEqual([]);
}

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
  "/account/sign-in",
  "/account/sign-up",
  "/sigs/no-such-sig",
];

for (const path of publicPages) {
  test(`${path} meets WCAG 2.1 AA (axe)`, async ({ page }) => {
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
  ]) {
    await expectNoViolations(page, path);
  }
});

test("the import pages and an imported SIG's page meet WCAG 2.1 AA (axe)", async ({ page }, info) => {
  test.setTimeout(60_000);
  const stamp = `axe-import-${info.project.name}-${Date.now()}`.toLowerCase();
  const adminEmail = `admin-${stamp}@example.org`;
  createAdmin(adminEmail, "Site Admin", password);
  const signIn = await page.request.post("/api/sign_in", {
    form: { "form[email]": adminEmail, "form[password]": password },
  });
  expect(signIn.status()).toBe(200);
  const file = `sigs:\n  - dir: sig-${stamp}\n    name: Axe ${stamp}\n    mission_statement: Checks pages.\n    contact:\n      teams:\n        - name: t-${stamp}\n          description: Reviews\n    subprojects:\n      - name: s-${stamp}\n        owners:\n          - https://example.org/OWNERS\n`;
  const uploaded = await page.request.post("/admin/import/upload", {
    multipart: { format: "sigs-yaml", file: { name: "sigs.yaml", mimeType: "text/yaml", buffer: Buffer.from(file) } },
    maxRedirects: 0,
  });
  expect(uploaded.status()).toBe(303);
  const preview = uploaded.headers()["location"];
  await expectNoViolations(page, "/admin");
  await expectNoViolations(page, "/admin/import");
  await expectNoViolations(page, preview);
  const applied = await page.request.post(`${preview}/apply`, { maxRedirects: 0 });
  expect(applied.status()).toBe(303);
  await expectNoViolations(page, preview);
  await expectNoViolations(page, `/sigs/${stamp}`);
});
