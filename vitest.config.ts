import path from "node:path";
import { defineConfig } from "vitest/config";
import { testEnv } from "./tests/setup/env";

// Two projects. "unit": lib/**/*.test.ts and components/**/*.test.ts, pure functions only — no database, no server, no build,
// so they run in seconds (`npm run test:unit`). "api": tests/** and scripts/**, against a fresh
// database and one real production server that the global setup builds and starts
// (`npm run test:api`). A test that needs the database belongs in tests/, not in lib/.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    env: testEnv(),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "api", include: ["tests/**/*.test.ts", "scripts/**/*.test.ts"], globalSetup: ["tests/setup/global.ts"] },
      },
    ],
  },
});
