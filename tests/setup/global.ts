import { mkdirSync, rmSync } from "node:fs";
import { ensureBuild } from "../../scripts/lib/build";
import { ensureClientFor, providerOf, resetDatabase } from "../../scripts/lib/database";
import { testEnv } from "./env";
import { startServer } from "./server";

// Vitest global setup: a fresh database, a production build, and one real `next start` server
// that every API test talks to over HTTP. Everything the server writes is kept in
// test-results/server-<port>.log: scripts/check-logs.ts greps it for every secret the tests used.
export const serverLogFile = (port: string) => `test-results/server-${port}.log`;

export default async function setup() {
  const env = testEnv();
  mkdirSync("test-results", { recursive: true });
  rmSync(`test-results/secrets-${env.TEST_PORT}`, { recursive: true, force: true });
  Object.assign(process.env, env);
  ensureClientFor(env.DATABASE_URL);
  await resetDatabase(env.DATABASE_URL);
  ensureBuild(env.NEXT_DIST_DIR, providerOf(env.DATABASE_URL), { ...process.env, ...env, NODE_ENV: "production" });
  const server = await startServer(env.TEST_PORT, { ...env, LOG_LEVEL: "info" }, serverLogFile(env.TEST_PORT));
  return () => server.stop();
}
