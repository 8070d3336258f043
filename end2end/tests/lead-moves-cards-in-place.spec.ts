import type { Page } from "@playwright/test";
import { test, expect, waitForHydration } from "./fixtures";
import { signInAsNewLead } from "./people";

// Hydrated, a lead's moves happen on the page: no reload, a busy card, an
// announcement, and cards dragged between columns and within one. (Without
// JavaScript the same buttons post; the roadmap journey covers that.)
const slug = "microservice";

async function addItem(page: Page, title: string, status: string): Promise<string> {
  const response = await page.request.post("/api/save_roadmap_item", {
    form: {
      "form[sig]": slug, "form[id]": "0", "form[version]": "0", "form[title]": title,
      "form[description]": "", "form[status]": status, "form[target_month]": new Date().toISOString().slice(0, 7),
      "form[owner]": "", "form[link_url]": "", "form[exit_criterion]": "",
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.text()).trim();
}

function column(page: Page, name: string) {
  return page.getByRole("region", { name: new RegExp(`^${name}`) });
}

function titlesIn(page: Page, name: string, stamp: string) {
  return column(page, name).getByRole("heading", { level: 3 }).filter({ hasText: stamp });
}

/** Drags a card by its handle to the top or bottom edge of `target`. */
async function drag(page: Page, title: string, target: import("@playwright/test").Locator, where: "top" | "bottom") {
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  const handle = (await card.locator(".drag-handle").boundingBox())!;
  const box = (await target.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  const y = where === "top" ? box.y + 4 : box.y + box.height - 4;
  await page.mouse.move(box.x + box.width / 2, y, { steps: 12 });
  await expect(page.locator(".drop-marker")).toHaveCount(1);
  await page.mouse.up();
}

test("a lead moves and drags cards without leaving the board", async ({ page }, info) => {
  test.skip(info.project.name !== "hydrated", "moves in place need JavaScript");
  test.setTimeout(60_000);
  const stamp = `moves-${Date.now()}`;
  const [alpha, bravo, charlie] = ["Alpha", "Bravo", "Charlie"].map((name) => `${name} ${stamp}`);
  await signInAsNewLead(page, slug, stamp);
  for (const title of [alpha, bravo, charlie]) await addItem(page, title, "planned");

  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`/sigs/${slug}/roadmap`);
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
  const announced = page.locator(".board-moves [role=status]");

  // Move to another column: in place, announced, focus kept on the button.
  await page.getByLabel(`Status of “${alpha}”`).selectOption("in_progress");
  await page.getByRole("button", { name: `Move “${alpha}”`, exact: true }).click();
  await expect(titlesIn(page, "In progress", stamp)).toHaveText([alpha]);
  await expect(announced).toHaveText(`Moved “${alpha}” to In progress.`);
  await expect(page.getByRole("button", { name: `Move “${alpha}”`, exact: true })).toBeFocused();
  expect(await stayed(), "the page was not reloaded").toBe(true);

  // Up by keyboard: in place; at the top the twin arrow takes the focus.
  await page.getByRole("button", { name: `Move “${charlie}” up` }).focus();
  await page.keyboard.press("Enter");
  await expect(titlesIn(page, "Planned", stamp)).toHaveText([charlie, bravo]);
  await expect(announced).toHaveText(`Moved “${charlie}” up.`);
  await expect(page.getByRole("button", { name: `Move “${charlie}” down` })).toBeFocused();

  // Drag to another column, before its first card; then within a column.
  await drag(page, bravo, column(page, "In progress").getByRole("listitem").first(), "top");
  await expect(titlesIn(page, "In progress", stamp)).toHaveText([bravo, alpha]);
  await expect(announced).toHaveText(`Moved “${bravo}” to In progress.`);
  await drag(page, bravo, column(page, "In progress").getByRole("listitem").last(), "bottom");
  await expect(titlesIn(page, "In progress", stamp)).toHaveText([alpha, bravo]);
  await drag(page, charlie, column(page, "Done"), "bottom");
  await expect(titlesIn(page, "Done", stamp)).toHaveText([charlie]);
  expect(await stayed(), "the page was not reloaded").toBe(true);

  // Saved: a fresh load shows the same board.
  await page.reload();
  await expect(titlesIn(page, "In progress", stamp)).toHaveText([alpha, bravo]);
  await expect(titlesIn(page, "Done", stamp)).toHaveText([charlie]);

  // A move from a stale board is refused by name, and the board redrawn.
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const alphaId = await page.getByRole("listitem").filter({ hasText: alpha }).first().getAttribute("data-item");
  const moved = await page.request.post("/api/change_roadmap_status", {
    form: { sig: slug, id: alphaId!, version: "2", status: "done" },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  await page.getByLabel(`Status of “${alpha}”`).selectOption("proposed");
  await page.getByRole("button", { name: `Move “${alpha}”`, exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(`“${alpha}” was not moved: someone changed it meanwhile`);
  await expect(titlesIn(page, "Done", stamp)).toHaveText([charlie, alpha]);
  expect(await stayed(), "the page was not reloaded").toBe(true);
});
