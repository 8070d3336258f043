import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, waitForHydration } from "./fixtures";

// axe-core, the engine behind Lighthouse's accessibility audits, run in the
// page itself: WCAG 2.1 A and AA rules on every page type, including those
// only a lead sees. Injecting the script needs the page's CSP set aside:
// specs that use this call test.use({ bypassCSP: true }).
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  expect(violations, `accessibility violations on ${path}`).toEqual([]);
}
