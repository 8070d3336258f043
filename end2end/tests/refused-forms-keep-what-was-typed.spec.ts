import { test, expect } from "./fixtures";
import { signInAsNewLead } from "./people";

// Every form of the site is checked over HTTP by the integration test
// `refused_forms` (a crawl finds them all); here, in a real browser with and
// without JavaScript, the forms the first users tripped over.

test("a refused join keeps every value and tick, and the focus is on what to fix @no-js", async ({ page }) => {
  await page.goto("/join?sig=devops");
  await page.getByLabel(/^Storage/).check();
  await page.getByLabel("Your name").fill("张伟 Zhang Wei");
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByLabel("GitHub handle").fill("zhangwei");
  await page.getByLabel(/What would you like to work on/).fill("CSI drivers\nand docs");
  await page.getByRole("button", { name: "Join" }).click();

  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(1);
  await expect(page.getByLabel("Your name")).toHaveValue("张伟 Zhang Wei");
  await expect(page.getByLabel("E-mail address")).toHaveValue("not-an-address");
  await expect(page.getByLabel("GitHub handle")).toHaveValue("zhangwei");
  await expect(page.getByLabel(/What would you like to work on/)).toHaveValue("CSI drivers\nand docs");
  await expect(page.getByLabel(/^DevOps/)).toBeChecked();
  await expect(page.getByLabel(/^Storage/)).toBeChecked();
  await expect(page.getByLabel(/^Network/)).not.toBeChecked();
  // Twice refused: the address carries one report, not one per try.
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.locator("#error-summary")).toBeFocused();
  expect(page.url().match(/__err=/g)?.length).toBe(1);

  await summary.getByRole("link").click();
  await page.getByLabel("E-mail address").fill("zhang.wei@example.org");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
});

test("a conflict shows both versions, and the merged text saves @no-js", async ({ page }, info) => {
  test.setTimeout(60_000);
  const javaScript = info.project.use.javaScriptEnabled !== false;
  const slug = javaScript ? "cloud-providers" : "architecture";
  const stamp = `conflict-${info.project.name}-${Date.now()}`;
  await signInAsNewLead(page, slug, stamp);

  // A new item whose description is too long comes back with the text typed.
  await page.goto(`/sigs/${slug}/roadmap/new`);
  await page.getByLabel("Title").fill(`Plan ${stamp}`);
  await page.getByLabel("Description").fill("- first step\n- second step\n" + "x".repeat(10_001));
  await page.getByRole("button", { name: "Add the item" }).click();
  await expect(page.locator("#error-summary")).toBeFocused();
  await expect(page.getByLabel("Title")).toHaveValue(`Plan ${stamp}`);
  await expect(page.getByLabel("Description")).toHaveValue(/^- first step\n- second step\nx+$/);
  await page.getByLabel("Description").fill("- first step\n- second step");
  await page.getByRole("button", { name: "Add the item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Plan ${stamp}` })).toBeVisible();
  const item = new URL(page.url()).pathname;

  // Someone else saves while this lead edits.
  await page.goto(`${item}/edit`);
  const form = Object.fromEntries(
    await page.locator("form.form input[name], form.form select[name], form.form textarea[name]").evaluateAll((fields) =>
      fields.map((f) => [(f as HTMLInputElement).name, (f as HTMLInputElement).value]),
    ),
  );
  const other = await page.request.post("/api/save_roadmap_item", {
    form: { ...form, "form[title]": `Their plan ${stamp}` },
  });
  expect(other.status(), await other.text()).toBe(200);

  await page.getByLabel("Title").fill(`My plan ${stamp}`);
  await page.getByRole("button", { name: "Save the item" }).click();
  const versions = page.getByRole("table", { name: "The version saved meanwhile and yours" });
  await expect(versions.getByRole("row", { name: /Title/ })).toContainText(`Their plan ${stamp}`);
  await expect(versions.getByRole("row", { name: /Title/ })).toContainText(`My plan ${stamp}`);
  await expect(page.getByLabel("Title")).toHaveValue(`My plan ${stamp}`);
  // Only what differs is marked: the same description (sent with CRLF line
  // breaks) and no owner on both sides are not.
  await expect(versions.locator("tr.conflict-differs")).toHaveCount(1);

  await page.getByLabel("Title").fill(`Our plan ${stamp}`);
  await page.getByRole("button", { name: "Save the item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Our plan ${stamp}` })).toBeVisible();
});
