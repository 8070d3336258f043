// Takes screenshots of every page type at phone and desktop widths, in light
// and dark mode: node tools/screenshots.mjs BASE_URL OUT_DIR
// With SIGPOST_SESSION set to a session token, the editing pages are taken
// too, as that signed-in person sees them. SIGPOST_EXTRA_PAGES adds pages:
// "name=/path,other=/path2" (an admin's import pages, an imported SIG).
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const [base = "http://127.0.0.1:3000", out = "../screenshots"] = process.argv.slice(2);
const pages = {
  home: "/",
  directory: "/sigs",
  "directory-filtered": "/sigs?q=multi",
  sig: "/sigs/advocacy-and-outreach",
  channels: "/channels",
  guidance: "/guidance",
  "guidance-page": "/guidance/run-a-sig",
  "not-found": "/sigs/no-such-sig",
  "roadmap-board": "/sigs/storage/roadmap",
  "roadmap-item": "/sigs/storage/roadmap/1",
  "community-roadmap": "/roadmap",
  "community-roadmap-filtered": "/roadmap?sig=storage&status=in_progress",
  join: "/join?sig=storage",
  welcome: "/sigs/storage/welcome",
  meetings: "/meetings",
  "sig-meetings": "/sigs/storage/meetings",
  "directory-hours": "/sigs?tz=Asia/Tokyo&from=9&to=17",
};
const session = process.env.SIGPOST_SESSION;
if (session) {
  Object.assign(pages, {
    "roadmap-board-lead": "/sigs/storage/roadmap?dropped=1",
    "roadmap-editor": "/sigs/storage/roadmap/1/edit",
    "roadmap-item-lead": "/sigs/storage/roadmap/1",
    "my-sigs": "/my/sigs",
    members: "/sigs/storage/members",
    "series-editor": "/sigs/storage/meetings/series/new",
    "record-editor": "/sigs/storage/meetings/new",
  });
}
for (const entry of (process.env.SIGPOST_EXTRA_PAGES ?? "").split(",").filter(Boolean)) {
  const [name, path] = entry.split("=");
  pages[name] = path;
}
const widths = { phone: 390, desktop: 1280 };

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const scheme of ["light", "dark"]) {
  for (const [device, width] of Object.entries(widths)) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    if (session) {
      await context.addCookies([{ name: "sigpost_session", value: session, url: base }]);
    }
    const page = await context.newPage();
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(base + path, { waitUntil: "networkidle" });
      await page.screenshot({ path: `${out}/${name}-${device}-${scheme}.png`, fullPage: true });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots written to ${out}`);
