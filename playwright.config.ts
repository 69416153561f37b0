import { defineConfig, devices } from "@playwright/test";
import { nextServerArgs } from "./scripts/lib/next-server";
import { e2eEnv } from "./tests/setup/env";
import configurations from "./lib/mail/configurations.json";

// Real Chromium (Debian's, or CHROMIUM_PATH) against a production build; scripts/e2e.ts prepares
// the database and the build, then runs this.
const env = e2eEnv();

// Every brand's portal host resolves to the e2e server, so a spec can open a page as that brand's
// customers do (e2e/fixtures.ts brandUrl); the page keeps the server's port, which the brand rule allows.
const brandHosts = configurations.configurations
  .flatMap((brand) => (brand.portalUrl ? [new URL(brand.portalUrl).hostname] : []))
  .map((host) => `MAP ${host} 127.0.0.1`);

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One retry under CI: a spec that passes only on its retry still passes the run, but `npm test`'s
  // summary names it ("passed only on a retry"), so a flake is seen and fixed rather than hidden.
  retries: process.env.CI ? 1 : 0,
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
        `--host-resolver-rules=${brandHosts.join(", ")}`,
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
