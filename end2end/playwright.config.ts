import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: Playwright's own browser download cannot work offline.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: process.env.SIGPOST_BASE_URL ?? "http://127.0.0.1:3000",
    trace: "off",
  },
  // Imports add groups to the shared database: they run after the journeys
  // that count the directory's groups.
  projects: [
    {
      name: "hydrated",
      testIgnore: /imports-community-data/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: true },
    },
    {
      name: "no-javascript",
      testIgnore: /imports-community-data/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: false },
      grep: /@no-js/,
    },
    {
      name: "imports-hydrated",
      testMatch: /imports-community-data/,
      dependencies: ["hydrated", "no-javascript"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: true },
    },
    {
      name: "imports-no-javascript",
      testMatch: /imports-community-data/,
      dependencies: ["hydrated", "no-javascript"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: false },
      grep: /@no-js/,
    },
  ],
});
