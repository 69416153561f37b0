// Database preparation shared by `npm start`, the test setup and CI: which Prisma config a
// DATABASE_URL needs, regenerating the client for that provider, and migrating.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { isPostgresUrl } from "../../lib/config";

export const providerOf = (url: string) => (isPostgresUrl(url) ? "postgresql" : "sqlite");
const prismaConfig = (url: string) => (isPostgresUrl(url) ? "prisma.postgres.config.ts" : "prisma.config.ts");

export function prisma(args: string[], url: string, quiet = true) {
  execFileSync("npx", ["prisma", ...args, "--config", prismaConfig(url)], {
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}

/** The provider the generated client was built for (it embeds a provider-specific query compiler). */
export function generatedProvider(): string | null {
  const file = "lib/generated/prisma/internal/class.ts";
  if (!existsSync(file)) return null;
  const match =
    /"activeProvider":\s*"(\w+)"/.exec(readFileSync(file, "utf8")) ?? /activeProvider['"]?:\s*['"](\w+)/.exec(readFileSync(file, "utf8"));
  return match?.[1] ?? null;
}

export function ensureClientFor(url: string) {
  if (generatedProvider() !== providerOf(url)) prisma(["generate"], url);
}

export function migrate(url: string) {
  prisma(["migrate", "deploy"], url);
}

/** Drops everything in a test database, then migrates it from scratch. */
export async function resetDatabase(url: string) {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  } else {
    const file = url.replace(/^file:/, "");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
  migrate(url);
  if (!isPostgresUrl(url)) await enableWal(url);
}

/** WAL lets the server and a test process (or the CLI) write the same SQLite file without blocking reads. */
export async function enableWal(url: string) {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url });
  await client.execute("PRAGMA journal_mode = WAL");
  client.close();
}
