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
  // "Sign in with GitHub" leads here: a stand-in for GitHub's OAuth pages
  // (GitHub cannot be reached from the test machines). The server is told
  // of it by the SIGPOST_GITHUB_* settings scripts/test.sh exports.
  webServer: {
    command: "node support/github-stand-in.mjs --port 3190 --client-id sigpost-e2e --client-secret e2e-stand-in-secret",
    url: "http://127.0.0.1:3190/health",
    reuseExistingServer: false,
  },
  // Imports add groups to the shared database: they run after the journeys
  // that count the directory's groups.
  projects: [
    {
      name: "hydrated",
      testIgnore: /imports-community-data|imported-lead/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: true },
    },
    {
      name: "no-javascript",
      testIgnore: /imports-community-data|imported-lead/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: false },
      grep: /@no-js/,
    },
    {
      name: "imports-hydrated",
      testMatch: /imports-community-data|imported-lead/,
      dependencies: ["hydrated", "no-javascript"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: true },
    },
    {
      name: "imports-no-javascript",
      testMatch: /imports-community-data|imported-lead/,
      dependencies: ["hydrated", "no-javascript"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: false },
      grep: /@no-js/,
    },
  ],
});
