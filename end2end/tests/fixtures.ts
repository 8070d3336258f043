import { test as base, expect } from "@playwright/test";

// Every page must load without console errors or hydration warnings.
// Each test is its own client: the server under test trusts X-Forwarded-For
// (as behind a proxy), so rate limits count per test, not for the whole run.
export const test = base.extend<{ consoleProblems: string[]; ownClientAddress: void }>({
  ownClientAddress: [
    async ({ context }, use) => {
      const octet = () => Math.floor(Math.random() * 254) + 1;
      await context.setExtraHTTPHeaders({ "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` });
      await use();
    },
    { auto: true },
  ],
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" || /hydrat/i.test(text)) {
          // Refusals of bad input (4xx) are answers, not errors; Chromium
          // logs every non-2xx response as a failed load.
          if (/the server responded with a status of 4\d\d/.test(text)) return;
          problems.push(`${message.type()}: ${text}`);
        }
      });
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      await use(problems);
      expect(problems, "console errors or hydration warnings").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the wasm bundle has hydrated the page. */
export async function waitForHydration(page: import("@playwright/test").Page) {
  await page.waitForFunction(() => document.body.dataset.hydrated === "true");
}
