import { test, expect, waitForHydration } from "./fixtures";
import { signInAsNewLead } from "./people";

test("a lead cancels the next meeting, the SIG page shows it, and e-mail choices are saved @no-js", async ({ page }, info) => {
  test.setTimeout(60_000);
  const javaScript = info.project.name === "hydrated";
  const slug = javaScript ? "appstore" : "advocacy-and-outreach";
  const stamp = `${info.project.name}-${Date.now()}`;
  await signInAsNewLead(page, slug, stamp);
  const title = `Weekly sync ${stamp}`;
  const saved = await page.request.post("/api/save_meeting_series", {
    form: {
      "form[sig]": slug, "form[id]": "0", "form[title]": title, "form[weekday]": "2",
      "form[start_time]": "15:00", "form[end_time]": "16:00", "form[time_zone]": "Asia/Shanghai",
      "form[cadence]": "weekly", "form[week_of_month]": "", "form[starts_on]": "2026-01-01",
      "form[join_url]": "", "form[notes_url]": "", "form[recordings_url]": "",
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  // From the series' card to the change form: the next meeting is chosen.
  await page.goto(`/sigs/${slug}/meetings`);
  if (javaScript) await waitForHydration(page);
  await page.getByRole("link", { name: `Cancel or move a meeting of “${title}”` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cancel or move a meeting of “${title}”` })).toBeVisible();
  if (javaScript) await waitForHydration(page);
  const next = await page.getByLabel("Which meeting").locator("option").first().textContent();
  await page.getByLabel("It is cancelled").check();
  await page.getByLabel("Reason").fill(`Team offsite ${stamp}`);
  await page.getByRole("button", { name: "Save and tell the members" }).click();
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}/meetings(#series-\\d+)?$`));
  const card = page.getByRole("article", { name: title });
  await expect(card.getByText("Cancelled")).toBeVisible();
  await expect(card.locator("s")).toContainText(next ?? "");
  await expect(card.getByText(`Team offsite ${stamp}`)).toBeVisible();

  // The SIG's own page says so too.
  await page.goto(`/sigs/${slug}`);
  const meetings = page.getByRole("region", { name: "Meetings" });
  await expect(meetings.getByText(`Team offsite ${stamp}`)).toBeVisible();
  await expect(meetings.getByText("Cancelled")).toBeVisible();

  // The lead's own e-mail choices: a zone that is not one comes back with
  // what was typed and ticked; the digest goes on, then off again.
  await page.goto("/account");
  if (javaScript) await waitForHydration(page);
  const changes = () => page.getByLabel("Tell me when a meeting of my SIGs is cancelled or moved, or a series ends");
  const digest = () => page.getByLabel(/^Send me a weekly digest/);
  const zone = () => page.getByLabel("Time zone for meeting times");
  const save = () => page.getByRole("region", { name: "E-mail" }).getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(changes()).toBeChecked();
  await expect(digest()).not.toBeChecked();
  await zone().fill("Shanghai time");
  await digest().check();
  await save();
  await expect(page.locator("#mail-zone-error")).toContainText("is not a time zone we know");
  await expect(zone()).toHaveValue("Shanghai time");
  await expect(digest()).toBeChecked();
  await zone().fill("Asia/Shanghai");
  await changes().uncheck();
  await save();
  await expect(page.getByRole("status").filter({ hasText: "Your e-mail choices are saved." })).toBeVisible();
  await page.reload();
  await expect(changes()).not.toBeChecked();
  await expect(digest()).toBeChecked();
  await expect(zone()).toHaveValue("Asia/Shanghai");
  await digest().uncheck();
  await save();
  await expect(page.getByRole("status").filter({ hasText: "Your e-mail choices are saved." })).toBeVisible();
  await page.reload();
  await expect(digest()).not.toBeChecked();
});
