import { defineConfig, devices } from "@playwright/test";
import { nextServerArgs } from "./scripts/lib/next-server";
import { e2eEnv } from "./tests/setup/env";

// Real Chromium (Debian's, or CHROMIUM_PATH) against a production build; scripts/e2e.ts prepares
// the database and the build, then runs this.
const env = e2eEnv();

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: env.APP_URL,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: ["node", ...nextServerArgs("start", env.E2E_PORT, "127.0.0.1")].join(" "),
    url: `${env.APP_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ...env, NODE_ENV: "production" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
