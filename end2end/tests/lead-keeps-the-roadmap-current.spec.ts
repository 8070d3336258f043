import type { Page } from "@playwright/test";
import { test, expect, waitForHydration } from "./fixtures";
import { signInAsNewLead } from "./people";

async function openBoard(page: Page, slug: string, javaScript: boolean) {
  await page.goto(`/sigs/${slug}/roadmap`);
  if (javaScript) await waitForHydration(page);
}

async function addItem(page: Page, slug: string, title: string, description: string, javaScript: boolean) {
  await openBoard(page, slug, javaScript);
  await page.getByRole("link", { name: "Add an item" }).click();
  await expect(page.getByRole("heading", { name: /New item on the/ })).toBeVisible();
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Status").selectOption("planned");
  await page.getByRole("button", { name: "Add the item" }).click();
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}/roadmap/\\d+$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

function column(page: Page, name: string) {
  return page.getByRole("region", { name: new RegExp(`^${name}`) });
}

/** The titles of this run's cards in a column, in board order. */
function titlesIn(page: Page, name: string, stamp: string) {
  return column(page, name).getByRole("heading", { level: 3 }).filter({ hasText: stamp });
}

test("a lead adds, moves and re-orders roadmap items, and visitors see them read-only @no-js", async ({ page, browser }, info) => {
  test.setTimeout(60_000);
  const javaScript = info.project.name === "hydrated";
  const slug = javaScript ? "release" : "installation";
  const stamp = `${info.project.name}-${Date.now()}`;
  const snapshots = `Snapshots ${stamp}`;
  const backups = `Backups ${stamp}`;
  await signInAsNewLead(page, slug, stamp);

  await addItem(page, slug, snapshots, "Ship **volume snapshots**.", javaScript);
  await expect(page.getByText("volume snapshots")).toBeVisible();
  await addItem(page, slug, backups, "", javaScript);

  // Planned → In progress.
  await openBoard(page, slug, javaScript);
  await expect(titlesIn(page, "Planned", stamp)).toHaveText([snapshots, backups]);
  await page.getByLabel(`Status of “${snapshots}”`).selectOption("in_progress");
  await page.getByRole("button", { name: `Move “${snapshots}”`, exact: true }).click();
  await expect(column(page, "In progress").getByRole("link", { name: snapshots, exact: true })).toBeVisible();

  // Re-order within a column, by keyboard.
  await addItem(page, slug, `Docs ${stamp}`, "", javaScript);
  await openBoard(page, slug, javaScript);
  await expect(titlesIn(page, "Planned", stamp)).toHaveText([backups, `Docs ${stamp}`]);
  await page.getByRole("button", { name: `Move “Docs ${stamp}” up` }).focus();
  await page.keyboard.press("Enter");
  await expect(titlesIn(page, "Planned", stamp)).toHaveText([`Docs ${stamp}`, backups]);
  // At the top of its column there is no "up": that arrow is disabled, and
  // the keyboard user lands on its twin.
  await expect(page.getByRole("button", { name: `Move “Docs ${stamp}” up` })).toBeDisabled();
  await expect(page.getByRole("button", { name: `Move “${backups}” down` })).toBeDisabled();
  if (javaScript) {
    await expect(page.getByRole("button", { name: `Move “Docs ${stamp}” down` })).toBeFocused();
  }

  // The community board, filtered by SIG through the address.
  await page.goto("/roadmap");
  await page.getByLabel("SIG").selectOption(slug);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`sig=${slug}`));
  await expect(page.getByRole("link", { name: snapshots, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Docs ${stamp}`, exact: true })).toBeVisible();

  // The item's history names every change.
  await page.getByRole("link", { name: snapshots, exact: true }).click();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Status Planned → In progress");
  await expect(history).toContainText("Created as Planned");

  // A visitor sees the same board without any editing control.
  const visitor = await browser.newContext({ javaScriptEnabled: javaScript });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/sigs/${slug}/roadmap`);
  await expect(column(visitorPage, "In progress").getByRole("link", { name: snapshots, exact: true })).toBeVisible();
  await expect(visitorPage.getByRole("link", { name: "Add an item" })).toHaveCount(0);
  await expect(visitorPage.getByRole("button", { name: /Move/ })).toHaveCount(0);
  await visitor.close();
});

test("markdown in a description cannot run script @no-js", async ({ page }, info) => {
  const javaScript = info.project.name === "hydrated";
  const slug = javaScript ? "testing" : "virtualization";
  const stamp = `xss-${info.project.name}-${Date.now()}`;
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signInAsNewLead(page, slug, stamp);
  const hostile = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "<a href=\"#\" onclick=\"window.__pwned = 'onclick'\">click me</a>",
    "[a link](javascript:window.__pwned='link')",
  ].join("\n\n");
  await addItem(page, slug, `Hostile ${stamp}`, hostile, javaScript);
  if (javaScript) {
    // The preview is the same sanitised rendering.
    await page.getByRole("link", { name: "Edit this item" }).click();
    await waitForHydration(page);
    await page.getByRole("button", { name: "Preview the description" }).click();
    await expect(page.getByRole("status").getByRole("link", { name: "click me" })).toBeVisible();
    await page.goBack();
  }
  await page.getByRole("link", { name: "click me" }).click();
  await page.getByText("a link", { exact: true }).click();
  if (javaScript) {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  }
  await expect(page.locator('main a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator("main [onerror], main [onclick]")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
