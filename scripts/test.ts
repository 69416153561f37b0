// `npm test`: every check, in order, with one summary line at the end.
//   schemas in sync · migrations match the schema · type check · lint (ESLint, Prettier, madge, knip) · unit + API tests (Vitest,
//   real database, real server) · browser specs (Playwright, real Chromium).
// `npm test -- --api-only` runs just the Vitest suite (CI runs it again on PostgreSQL).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { type Counts, playwrightCounts, vitestCounts } from "./lib/test-reports";

const apiOnly = process.argv.includes("--api-only");
const results: ({ name: string } & Counts)[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string | undefined> = {}) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return r.status === 0;
}

function check(name: string, command: string, args: string[], env?: Record<string, string | undefined>) {
  const ok = run(name, command, args, env);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, failures: [] });
}

/** A test runner stage: counts come from its JSON report; a crash with no report counts as one failure. */
function suite(
  name: string,
  command: string,
  args: string[],
  report: string,
  count: (json: unknown) => Counts,
  env?: Record<string, string | undefined>,
) {
  rmSync(report, { force: true });
  const ok = run(name, command, args, env);
  const counts = existsSync(report)
    ? count(JSON.parse(readFileSync(report, "utf8")))
    : { passed: 0, failed: 1, failures: [`no report at ${report}: the runner stopped before writing it (its output is above)`] };
  if (!ok && counts.failed === 0) counts.failed = 1;
  results.push({ name, ...counts });
}

if (!apiOnly) {
  check("Prisma schemas in sync", "npx", ["tsx", "scripts/sync-schemas.ts", "--check"]);
  check(
    "SQLite migrations match the schema",
    "npx",
    ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
    { DATABASE_URL: "file:./prisma/migrate-check.db" },
  );
  rmSync("prisma/migrate-check.db", { force: true });
  check("Type check", "npx", ["tsc", "--noEmit", "-p", "."]);
  check("Lint (ESLint, Prettier, import cycles, unused code)", "npm", ["run", "-s", "lint"]);
}

suite(
  "Unit and API tests (Vitest)",
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"],
  "test-results/vitest.json",
  vitestCounts,
);
check("No secret in the server's log", "npx", ["tsx", "scripts/check-logs.ts"]);

if (!apiOnly) {
  suite("Browser tests (Playwright, Chromium)", "npx", ["tsx", "scripts/e2e.ts"], "test-results/playwright.json", playwrightCounts, {
    PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json",
  });
}

console.log("\nSummary");
for (const r of results) {
  console.log(`  ${r.failed ? "✗" : "✓"} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
  for (const failure of r.failures) console.log(`      ✗ ${failure}`);
  for (const flaky of r.flaky ?? []) console.log(`      ! passed only on a retry: ${flaky}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
