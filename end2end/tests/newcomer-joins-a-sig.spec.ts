import type { Page } from "@playwright/test";
import { test, expect, waitForHydration } from "./fixtures";
import { linkToken } from "./outbox";
import { signInAsNewLead } from "./people";

/** A newcomer fills in the join form for the SIG it was opened for. */
async function askToJoin(page: Page, name: string, email: string) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("What would you like to work on? (optional)").fill("Docs and first issues");
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByText("Check your inbox: we sent a link to confirm.")).toBeVisible();
}

/** Follows the e-mailed confirmation link and presses its button. */
async function confirmFromInbox(page: Page, email: string, javaScript: boolean) {
  await page.goto(`/join/confirm?token=${linkToken(email, "/join/confirm")}`);
  if (javaScript) await waitForHydration(page);
  await page.getByRole("button", { name: "Confirm and join" }).click();
}

test("a newcomer joins a SIG from its page, confirms, finds it under My SIGs and leaves @no-js", async ({ page }, info) => {
  const javaScript = info.project.name === "hydrated";
  const [slug, name] = javaScript ? ["apps", "Apps"] : ["console", "Console"];
  const email = `newcomer-${info.project.name}-${Date.now()}@example.org`;

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SIGs" }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("link", { name: `Join ${name}` }).click();
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${name}`) })).toBeChecked();
  if (javaScript) await waitForHydration(page);
  await askToJoin(page, "Nia Newcomer", email);

  await confirmFromInbox(page, email, javaScript);
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}/welcome`));
  await expect(page.getByRole("heading", { level: 1, name: `Welcome to ${name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Meet the leads" })).toBeVisible();

  await page.getByRole("link", { name: "My SIGs" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "My SIGs" })).toBeVisible();
  await page.getByRole("button", { name: `Leave ${name}` }).click();
  await expect(page.getByRole("link", { name: `Join ${name} again` })).toBeVisible();
});

test("a lead accepts a request to join an approval SIG, and the newcomer sees it @no-js", async ({ page, browser }, info) => {
  const javaScript = info.project.name === "hydrated";
  const [slug, name] = javaScript ? ["architecture", "Architecture"] : ["devops", "DevOps"];
  const stamp = `approval-${info.project.name}-${Date.now()}`;
  const email = `newcomer-${stamp}@example.org`;
  await signInAsNewLead(page, slug, stamp);
  const policy = await page.request.post("/api/update_sig", {
    form: { "form[slug]": slug, "form[join_policy]": "approval" },
  });
  expect(policy.status()).toBe(200);

  // The newcomer, in a browser of their own.
  const newcomerContext = await browser.newContext({ javaScriptEnabled: javaScript });
  await newcomerContext.setExtraHTTPHeaders({ "x-forwarded-for": `10.200.${Math.floor(Math.random() * 250)}.9` });
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(`/join?sig=${slug}`);
  if (javaScript) await waitForHydration(newcomer);
  await askToJoin(newcomer, `Ola ${stamp}`, email);
  await confirmFromInbox(newcomer, email, javaScript);
  await expect(newcomer.getByRole("heading", { level: 1, name: `Your request to join ${name} is with its leads` })).toBeVisible();
  await newcomer.goto("/my/sigs");
  await expect(newcomer.getByText("Pending: waiting for a lead's approval")).toBeVisible();

  // The lead answers in their queue.
  await page.goto(`/sigs/${slug}/members`);
  if (javaScript) await waitForHydration(page);
  await page.getByLabel(`Message to Ola ${stamp} (optional)`).fill("Welcome! Start with the good-first-issue label.");
  await page.getByRole("button", { name: `Accept Ola ${stamp}` }).click();
  await expect(page.getByRole("rowheader", { name: `Ola ${stamp}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Accept Ola ${stamp}` })).toHaveCount(0);

  await newcomer.reload();
  await expect(newcomer.getByText(/Member since/)).toBeVisible();
  await expect(newcomer.getByText("Welcome! Start with the good-first-issue label.")).toBeVisible();
  await newcomerContext.close();
});

test("the join form can be filled in with the keyboard alone", async ({ page }, info) => {
  const email = `keyboard-${info.project.name}-${Date.now()}@example.org`;
  await page.goto("/join");
  await waitForHydration(page);
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
  // Tab to the first SIG, tick it with the space bar.
  for (let i = 0; i < 40 && (await focusedId()) !== "join-advocacy-and-outreach"; i++) await page.keyboard.press("Tab");
  expect(await focusedId()).toBe("join-advocacy-and-outreach");
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /^Advocacy and Outreach/ })).toBeChecked();
  // On through the other SIGs to the fields.
  for (let i = 0; i < 40 && (await focusedId()) !== "join-name"; i++) await page.keyboard.press("Tab");
  await page.keyboard.type("Kim Keyboard");
  await page.keyboard.press("Tab");
  expect(await focusedId()).toBe("join-email");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  expect(await focusedId()).toBe("join-interest");
  // The weekly digest's box, ticked with the space bar.
  await page.keyboard.press("Tab");
  expect(await focusedId()).toBe("join-digest");
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /^Send me a weekly digest/ })).toBeChecked();
  // The hidden honeypot is skipped: the next stop is the button.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Join");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Check your inbox: we sent a link to confirm.")).toBeVisible();
});
