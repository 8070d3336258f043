import type { Page } from "@playwright/test";
import { test, expect, waitForHydration } from "./fixtures";
import { signInAsNewLead } from "./people";

// The demo data's storage meeting: Thursdays 15:00–16:00 Asia/Shanghai,
// every two weeks. Shanghai has no daylight saving; Tokyo is one hour ahead
// all year, so the meeting is at 16:00 there whatever the date.

/** The storage meeting's start as the SIG page states it in UTC. */
async function storageMeetingStart(page: Page): Promise<Date> {
  const stamp = await page.locator(".meeting-time time").first().getAttribute("datetime");
  expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT07:00:00Z$/);
  return new Date(stamp!);
}

for (const zone of ["Asia/Tokyo", "America/New_York"]) {
  test(`a visitor in ${zone} sees the meeting at their own time`, async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: zone });
    const page = await context.newPage();
    await page.goto("/sigs/storage");
    await waitForHydration(page);
    const meetings = page.getByRole("region", { name: "Meetings" });
    // The server's statement, in the meeting's zone and in UTC.
    await expect(meetings.getByText(/15:00–16:00/).first()).toBeVisible();
    await expect(meetings.getByText("Asia/Shanghai (CST)").first()).toBeVisible();
    await expect(meetings.getByText(/07:00–08:00 UTC/).first()).toBeVisible();
    // The browser's restatement, in the visitor's zone.
    const start = await storageMeetingStart(page);
    const expected = start.toLocaleTimeString("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (zone === "Asia/Tokyo") expect(expected).toBe("16:00");
    const local = meetings.getByTestId("meeting-local").first();
    await expect(local).toContainText(`Your time:`);
    await expect(local).toContainText(expected);
    // "now" while the meeting runs (Thursdays 07:00–08:00 UTC, every other week).
    await expect(meetings.getByText(/ · (in \d+ (day|hour|minute)s?|now)/).first()).toBeVisible();
    await context.close();
  });
}

test("the directory shows the SIGs that meet within a visitor's working hours", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  await page.goto("/sigs");
  await waitForHydration(page);
  // The browser's zone is filled in; the visitor only picks hours.
  await expect(page.getByLabel("My time zone")).toHaveValue("Asia/Tokyo");
  await page.getByLabel("From", { exact: true }).fill("9");
  await page.getByLabel("To", { exact: true }).fill("17");
  await page.getByRole("button", { name: "Show SIGs" }).click();
  await expect(page).toHaveURL(/tz=Asia%2FTokyo/);
  await expect(page.getByRole("link", { name: "Storage", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "DevOps", exact: true })).toHaveCount(0);
  await context.close();
});

test("a lead schedules a meeting and records one @no-js", async ({ page }, info) => {
  const javaScript = info.project.name === "hydrated";
  const slug = javaScript ? "testing" : "virtualization";
  const stamp = `${info.project.name}-${Date.now()}`;
  await signInAsNewLead(page, slug, stamp);

  await page.goto(`/sigs/${slug}/meetings`);
  await page.getByRole("link", { name: "Add a regular meeting" }).click();
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Name").fill(`Triage ${stamp}`);
  await page.getByLabel("Day").selectOption("3");
  await page.getByLabel("Starts at").fill("16:30");
  await page.getByLabel("Ends at").fill("17:00");
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByLabel("How often").selectOption("biweekly");
  await page.getByRole("button", { name: "Add the meeting" }).click();
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}/meetings$`));
  const card = page.getByRole("article", { name: `Triage ${stamp}` });
  await expect(card.getByText("Every two weeks on Wednesday, 16:30–17:00 Europe/Berlin")).toBeVisible();

  // A bad zone is refused on its field, and the form keeps what was typed.
  await card.getByRole("link", { name: `Edit “Triage ${stamp}”` }).click();
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Time zone").fill("Berlin Time");
  await page.getByRole("button", { name: "Save the meeting" }).click();
  await expect(page.locator("#series-zone-error")).toContainText("is not a time zone we know");

  await page.goto(`/sigs/${slug}/meetings`);
  await page.getByRole("link", { name: "Record a meeting" }).click();
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Date").fill("2026-11-18");
  await page.getByLabel("Title").fill(`Triage notes ${stamp}`);
  await page.getByLabel("Notes").fill("- Decided to **ship** it");
  await page.getByRole("button", { name: "Add the record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Triage notes ${stamp}` })).toBeVisible();
  await expect(page.getByText("18 November 2026", { exact: true })).toBeVisible();
  await expect(page.locator("strong", { hasText: "ship" })).toBeVisible();
  await page.getByRole("link", { name: /Meetings of/ }).click();
  await expect(page.getByRole("link", { name: `Triage notes ${stamp}` })).toBeVisible();
});
