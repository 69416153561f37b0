import { spawn, type ChildProcess } from "node:child_process";
import { nextServerArgs } from "../../scripts/lib/next-server";
import { createWriteStream } from "node:fs";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `next start` from the test build on `port` with `env`, and waits until /api/health
 * answers. Used by the global setup and by tests that need more instances (scale-out, faults).
 */
export async function startServer(
  port: string | number,
  env: Record<string, string | undefined>,
  logFile?: string,
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  if (
    await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(`port ${port} is already in use (a stale test server?): stop it or choose another port`);
  }
  const child = spawn(process.execPath, nextServerArgs("start", port, "127.0.0.1"), {
    env: { ...process.env, ...env, NODE_ENV: "production" } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (logFile) {
    const sink = createWriteStream(logFile);
    child.stdout!.pipe(sink);
    child.stderr!.pipe(sink);
  } else child.stdout!.resume();
  child.stderr!.pipe(process.stderr);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`server on port ${port} exited with code ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode != null || child.signalCode != null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}
