import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { ensureBuild } from "../../scripts/lib/build";
import { ensureClientFor, providerOf, resetDatabase } from "../../scripts/lib/database";
import { testEnv } from "./env";

// Vitest global setup: a fresh database, a production build, and one real `next start` server
// that every API test talks to over HTTP.
let server: ChildProcess | undefined;

async function waitForHealth(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (server?.exitCode != null) throw new Error(`test server exited with code ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`test server did not answer ${url} within ${timeoutMs} ms`);
}

export const serverLogFile = (port: string) => `test-results/server-${port}.log`;

export default async function setup() {
  const env = testEnv();
  mkdirSync("test-results", { recursive: true });
  rmSync(`test-results/secrets-${env.TEST_PORT}`, { recursive: true, force: true });
  Object.assign(process.env, env);
  ensureClientFor(env.DATABASE_URL);
  await resetDatabase(env.DATABASE_URL);
  ensureBuild(env.NEXT_DIST_DIR, providerOf(env.DATABASE_URL), { ...process.env, ...env, NODE_ENV: "production" });

  if (await fetch(`${env.APP_URL}/api/health`).then(() => true, () => false)) {
    throw new Error(`port ${env.TEST_PORT} is already in use (a stale test server?): stop it or set TEST_PORT`);
  }
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", env.TEST_PORT, "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NODE_ENV: "production", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Everything the server writes is kept: scripts/check-logs.ts greps it for every secret the
  // tests used (tests/helpers.ts records them).
  const sink = createWriteStream(serverLogFile(env.TEST_PORT));
  server.stdout!.pipe(sink);
  server.stderr!.pipe(sink);
  server.stderr!.pipe(process.stderr);
  await waitForHealth(`${env.APP_URL}/api/health`);

  return async () => {
    if (!server || server.exitCode != null) return;
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
}
