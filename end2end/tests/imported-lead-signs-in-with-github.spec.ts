import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect } from "./fixtures";
import { importFile } from "./outbox";

// A lead named by GitHub handle in an imported sigs.yaml signs in with
// GitHub and edits their SIG at once: no invitation, no password. GitHub
// cannot be reached from the test machines, so "Sign in with GitHub" leads
// to the stand-in the Playwright config starts; the page's real CSP stays
// on, so its form-action must allow the way to GitHub.
test("an imported lead signs in with GitHub and edits their SIG @no-js", async ({ page }, info) => {
  // Short enough for a GitHub handle (39 characters at most).
  const stamp = `gh-${info.project.name.includes("no-javascript") ? "n" : "h"}-${Date.now()}`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sigpost-")), "sigs.yaml");
  writeFileSync(
    file,
    `sigs:
  - dir: sig-${stamp}
    name: Imported ${stamp}
    mission_statement: Keeps the imported things in order.
    leadership:
      chairs:
        - github: Chair-${stamp}
          name: Casey Chair
`,
  );
  importFile(file, "sigs-yaml");

  await page.goto(`/account/sign-in?next=/sigs/${stamp}/edit`);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to GitHub (stand-in)" })).toBeVisible();
  await page.getByLabel("Username").fill(`chair-${stamp}`);
  await page.getByRole("button", { name: "Authorize" }).click();

  await expect(page).toHaveURL(new RegExp(`/sigs/${stamp}/edit$`));
  const account = page.getByRole("banner").getByRole("link", { name: "Casey Chair" });
  await expect(account).toBeVisible();
  await page.getByLabel("Mission", { exact: true }).fill("Imported, then **kept current** by its chair.");
  await page.getByRole("button", { name: "Save the page" }).click();
  await expect(page).toHaveURL(new RegExp(`/sigs/${stamp}$`));
  await expect(page.getByText("Imported, then kept current by its chair.")).toBeVisible();

  // Their account page says how they sign in and where.
  await account.click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(`GitHub (@chair-${stamp})`)).toBeVisible();
  await expect(page.getByText("this browser")).toBeVisible();
});
