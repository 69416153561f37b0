// `npm run test:e2e`: the Playwright specs in real Chromium against a production build.
import { spawnSync } from "node:child_process";
import { ensureBuild } from "./lib/build";
import { findChromium } from "./lib/chromium";
import { ensureClientFor, providerOf, resetDatabase } from "./lib/database";
import { e2eEnv } from "../tests/setup/env";

async function main() {
  const chromium = await findChromium();
  const env = e2eEnv();
  Object.assign(process.env, env, { CHROMIUM_PATH: chromium });
  ensureClientFor(env.DATABASE_URL);
  await resetDatabase(env.DATABASE_URL);
  ensureBuild(env.NEXT_DIST_DIR, providerOf(env.DATABASE_URL), { ...process.env, NODE_ENV: "production" });
  const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
  process.exit(result.status ?? 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
