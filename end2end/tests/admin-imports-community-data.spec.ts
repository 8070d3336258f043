import { test, expect } from "./fixtures";
import { createAdmin } from "./outbox";
import { password } from "./people";
import { expectNoViolations } from "./axe";

// The axe checks below inject their script past the CSP.
test.use({ bypassCSP: true });

// A small sigs.yaml as another community would write it: an abbreviated
// day, a 12-hour time, a free-text zone, a key the format does not know.
function communityFile(slug: string): string {
  return `sigs:
  - dir: sig-${slug}
    name: Imported ${slug}
    mission_statement: Keeps the imported things in order. And more.
    flavour: spicy
    leadership:
      chairs:
        - github: imported-chair-${slug}
          name: Iris Imported
          email: iris-${slug}@private.example
    meetings:
      - description: Imported weekly sync
        day: Thu
        time: "4PM"
        tz: CET (Central European Time)
        frequency: weekly
    contact:
      slack: sig-${slug}
      teams:
        - name: sig-${slug}-reviews
          description: Reviews
    subprojects:
      - name: importer-${slug}
        description: The importer itself
        owners:
          - https://example.org/${slug}/OWNERS
`;
}

test("an admin uploads a sigs.yaml, reads the dry run and applies it @no-js", async ({ page }, info) => {
  const stamp = `${info.project.name}-${Date.now()}`.toLowerCase();
  const adminEmail = `admin-${stamp}@example.org`;
  createAdmin(adminEmail, "Site Admin", password);
  await page.goto("/account/sign-in");
  await page.getByLabel("E-mail address").fill(adminEmail);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("link", { name: "Import community data" }).click();
  await page.getByLabel("File").setInputFiles({
    name: "sigs.yaml",
    mimeType: "text/yaml",
    buffer: Buffer.from(communityFile(stamp)),
  });
  await page.getByLabel("Format").selectOption("sigs-yaml");
  await page.getByRole("button", { name: "Show what would change" }).click();

  await expect(page.getByRole("status")).toContainText("Dry run: applying it would create 1");
  await expect(page.getByText(`SIG ${stamp}`)).toBeVisible();
  await expect(page.getByText("sigs[0].flavour: unknown key “flavour” ignored")).toBeVisible();
  // Nothing is written by the dry run.
  expect((await page.request.get(`/sigs/${stamp}`)).status()).toBe(404);

  await page.getByRole("button", { name: "Apply this import" }).click();
  await expect(page.getByRole("status")).toContainText("Applied");
  await expect(page.getByRole("button", { name: "Apply this import" })).toHaveCount(0);

  await page.goto(`/sigs/${stamp}`);
  await expect(page.getByRole("heading", { level: 1, name: `Imported ${stamp}` })).toBeVisible();
  await expect(page.getByText("Keeps the imported things in order.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Iris Imported" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Subprojects" })).toBeVisible();
  await expect(page.getByText(`@sig-${stamp}-reviews`)).toBeVisible();
  await expect(page.getByText("Every Thursday")).toBeVisible();
  // The lead's private address is on no public page.
  expect(await page.content()).not.toContain(`iris-${stamp}@private.example`);
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
