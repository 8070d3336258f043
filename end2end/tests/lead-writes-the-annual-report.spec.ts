import { test, expect, waitForHydration } from "./fixtures";
import { signInAsNewLead } from "./people";

test("a lead reads the SIG's health, writes and publishes its annual report, and a visitor reads it @no-js", async ({ page, browser }, info) => {
  test.setTimeout(60_000);
  const javaScript = info.project.name === "hydrated";
  const [slug, name] = javaScript ? ["microservice", "Microservice management"] : ["multicluster", "Multi-cluster"];
  const stamp = `${info.project.name}-${Date.now()}`;
  const year = new Date().getUTCFullYear();
  await signInAsNewLead(page, slug, stamp);

  // The SIG's page leads to its health: three charts, each an image named
  // by its caption, with a table of the same months beside it.
  await page.goto(`/sigs/${slug}`);
  if (javaScript) await waitForHydration(page);
  await page.getByRole("link", { name: "Meetings, members and roadmap over the year" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name}: health` })).toBeVisible();
  for (const caption of [/^Meetings per month/, /^Members at each month/, /^Roadmap items done/]) {
    await expect(page.getByRole("img", { name: caption })).toBeVisible();
    await expect(page.getByRole("table", { name: caption }).getByRole("row")).toHaveCount(13);
  }
  await expect(page.getByRole("main").getByText(`Lead ${stamp}`)).toBeVisible();

  // The report: drafted from the year's figures, written and published.
  await page.getByRole("link", { name: `Write the ${year} report` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} annual report ${year}` })).toBeVisible();
  await expect(page.getByText("Draft: only the SIG's leads and admins see it")).toBeVisible();
  await page.getByRole("link", { name: "Edit the report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Write the ${year} report` })).toBeVisible();
  await page.getByLabel("Current initiatives").fill(`We shipped **service mesh** support. ${stamp}`);
  await page.getByLabel("Project health").fill("Reviewers wanted for the gateway.");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page).toHaveURL(new RegExp(`/sigs/${slug}/reports/${year}\\?saved=publish$`));
  await expect(page.getByRole("status")).toContainText("The report is published");
  await expect(page.locator("strong", { hasText: "service mesh" })).toBeVisible();

  // A visitor finds it on the SIG's page, reads it and downloads the markdown.
  const visitor = await browser.newPage({ javaScriptEnabled: javaScript });
  await visitor.goto(`/sigs/${slug}`);
  await visitor.getByRole("link", { name: `${year} annual report` }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: `${name} annual report ${year}` })).toBeVisible();
  await expect(visitor.getByText(`We shipped service mesh support. ${stamp}`)).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Edit the report" })).toHaveCount(0);
  const markdown = await visitor.request.get(`/sigs/${slug}/reports/${year}/report.md`);
  expect(markdown.status()).toBe(200);
  expect(await markdown.text()).toContain(`We shipped **service mesh** support. ${stamp}`);
  await visitor.close();
});
