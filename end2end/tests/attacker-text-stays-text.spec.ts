import { test, expect } from "./fixtures";
import { signInAsNewLead } from "./people";

// Text a lead saves that tries to break out of where it is shown: the page
// title, a textarea, an attribute, island props. Viewing or editing it must
// never leave the site, open a dialog or run anything.
const refresh = `<meta http-equiv="refresh" content="0;url=https://evil.example/">`;
const payloads = {
  title: `T</title>${refresh}"'><img src=x onerror=alert(1)>`,
  mission: `M</textarea>${refresh}<script>alert(1)</script>`,
  description: `D</textarea></script><svg onload=alert(1)>${refresh}`,
};

test("text that looks like markup stays text for viewers and editors @no-js", async ({ page, baseURL }, info) => {
  test.setTimeout(60_000);
  const javaScript = info.project.use.javaScriptEnabled !== false;
  const slug = javaScript ? "network" : "observability";
  const stamp = `${info.project.name}-${Date.now()}`;
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const left: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(baseURL ?? "http://127.0.0.1")) left.push(frame.url());
  });
  await signInAsNewLead(page, slug, stamp);

  await page.goto(`/sigs/${slug}/edit`);
  await page.getByLabel("Mission", { exact: true }).fill(payloads.mission);
  await page.getByRole("button", { name: "Save the page" }).click();
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}$`));

  await page.goto(`/sigs/${slug}/roadmap/new`);
  await page.getByLabel("Title").fill(payloads.title);
  await page.getByLabel("Description").fill(payloads.description);
  await page.getByRole("button", { name: "Add the item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: payloads.title })).toBeVisible();
  const item = new URL(page.url()).pathname;
  expect(item).toMatch(new RegExp(`^/sigs/${slug}/roadmap/\\d+$`));

  for (const path of [`/sigs/${slug}`, `/sigs/${slug}/edit`, `/sigs/${slug}/roadmap`, `${item}`, `${item}/edit`]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await expect(page.locator("img[src='x'], svg[onload], meta[http-equiv]"), path).toHaveCount(0);
    expect(new URL(page.url()).origin, path).toBe(new URL(baseURL ?? "").origin);
  }
  await page.goto(`${item}`);
  await expect(page).toHaveTitle(new RegExp(`^${payloads.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await page.goto(`${item}/edit`);
  await expect(page.getByLabel("Title")).toHaveValue(payloads.title);
  await expect(page.getByLabel("Description")).toHaveValue(payloads.description);
  await page.goto(`/sigs/${slug}/edit`);
  await expect(page.getByLabel("Mission", { exact: true })).toHaveValue(payloads.mission);

  expect(dialogs, "dialogs opened by saved text").toEqual([]);
  expect(left, "navigations away from the site").toEqual([]);
});
