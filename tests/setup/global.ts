import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
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

export default async function setup() {
  const env = testEnv();
  Object.assign(process.env, env);
  ensureClientFor(env.DATABASE_URL);
  await resetDatabase(env.DATABASE_URL);
  ensureBuild(env.NEXT_DIST_DIR, providerOf(env.DATABASE_URL), { ...process.env, ...env, NODE_ENV: "production" });

  if (await fetch(`${env.APP_URL}/api/health`).then(() => true, () => false)) {
    throw new Error(`port ${env.TEST_PORT} is already in use (a stale test server?): stop it or set TEST_PORT`);
  }
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", env.TEST_PORT, "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logFile = process.env.TEST_LOG_FILE;
  if (logFile) {
    const sink = createWriteStream(logFile, { flags: "a" });
    server.stdout!.pipe(sink);
    server.stderr!.pipe(sink);
  } else {
    server.stderr!.pipe(process.stderr);
    server.stdout!.resume();
  }
  await waitForHealth(`${env.APP_URL}/api/health`);

  return async () => {
    if (!server || server.exitCode != null) return;
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
}
