import { test, expect } from "./fixtures";
import { createAdmin, linkToken } from "./outbox";

const password = "violet-kettle-orbit-42";

test("an admin appoints a lead, who accepts the invitation and edits the SIG page @no-js", async ({ page }, info) => {
  // Two sign-ins and a password set (argon2 each) and a dozen pages: on two
  // busy cores this journey took 34.6 s once, past the 30 s default.
  test.setTimeout(60_000);
  const stamp = `${info.project.name}-${Date.now()}`;
  // Each project its own group: both run at once on one database.
  const [slug, group] = info.project.use.javaScriptEnabled !== false ? ["edge", "Edge Computing"] : ["docs", "Docs"];
  const adminEmail = `admin-${stamp}@example.org`;
  const leadEmail = `lead-${stamp}@example.org`;
  createAdmin(adminEmail, "Site Admin", password);

  await page.goto("/account/sign-in");
  await page.getByLabel("E-mail address").fill(adminEmail);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("link", { name: group, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Appoint a lead" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Nova Lead");
  await page.getByLabel("E-mail address").fill(leadEmail);
  await page.getByLabel("Role").selectOption("tech_lead");
  await page.getByRole("button", { name: "Appoint" }).click();
  await expect(page.getByText("Nova Lead · Tech lead · invitation pending")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const token = linkToken(leadEmail, "/account/invitation");
  await page.goto(`/account/invitation?token=${token}`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accept the invitation" }).click();
  // The invitation lands on the group the new lead leads, signed in.
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}$`));
  await expect(page.getByRole("banner").getByText("Nova Lead")).toBeVisible();

  await page.goto(`/sigs/${slug}`);
  await page.getByRole("link", { name: "Edit this page" }).click();
  await page.getByLabel("Mission", { exact: true }).fill("We bring **KubeSphere** to the edge.");
  await page.getByLabel("Recordings address").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save the page" }).click();
  await expect(page.locator("#error-summary")).toBeFocused();
  await expect(page.locator("#sig-recordings-error")).toContainText("Enter a full address starting with https://");

  await page.getByLabel("Mission", { exact: true }).fill("We bring **KubeSphere** to the edge.");
  await page.getByLabel("Recordings address").fill("https://example.org/edge-recordings");
  await page.getByRole("button", { name: "Save the page" }).click();
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}$`));
  await expect(page.getByText("We bring KubeSphere to the edge.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Recordings" })).toHaveAttribute("href", "https://example.org/edge-recordings");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});
