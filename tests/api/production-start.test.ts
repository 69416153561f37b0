import { execFile, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { isPostgresUrl } from "@/lib/config";
import { testEnv } from "../setup/env";
import { SERVER_NODE_FLAGS } from "../../scripts/lib/next-server";
import { mayCreateDemoAccounts } from "../../scripts/lib/seed";
import { sleep } from "../helpers";

// §8 "Demo accounts": accounts with published passwords only on a first embedded start (the one
// that generated the secrets) or with DEMO_ACCOUNTS=1, never on PostgreSQL. And the production
// start leaves one server process (npm aside) that stops cleanly on SIGTERM.
const run = promisify(execFile);
const suiteUrl = testEnv().DATABASE_URL;

/** A database of the suite's kind that nothing else uses, dropped afterwards. */
async function freshDatabase(tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!isPostgresUrl(suiteUrl)) {
    const file = `./prisma/start-${tag}-${process.pid}.db`;
    return { url: `file:${file}`, drop: async () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true })) };
  }
  const { default: pg } = await import("pg");
  const name = `gatehouse_start_${tag}_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: suiteUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(suiteUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function accountsIn(url: string): Promise<number> {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "User"`).finally(() => client.end());
    return rows[0].n;
  }
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url });
  const result = await client.execute(`SELECT count(*) AS n FROM "User"`);
  client.close();
  return Number(result.rows[0].n);
}

/** The preparation half of `npm start`, as an operator runs it, with the secrets configured. */
async function prepare(url: string, extra: Record<string, string> = {}) {
  const env = { ...process.env, ...testEnv(), NODE_ENV: "production", DATABASE_URL: url, ...extra } as NodeJS.ProcessEnv;
  const { stdout } = await run("npx", ["tsx", "scripts/start.ts", "--no-build"], { env, timeout: 120_000 });
  return stdout;
}

describe("demo accounts (§8)", () => {
  const dropped: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of dropped) await drop();
  });

  it("a start with configured secrets leaves an empty database empty and says how to create the first administrator", async () => {
    const db = await freshDatabase("configured");
    dropped.push(db.drop);
    const banner = await prepare(db.url);
    expect(await accountsIn(db.url)).toBe(0);
    expect(banner).toContain("npm run user -- create --admin");
    expect(banner).not.toContain("Admin-Gatehouse-2026");
  });

  it.runIf(isPostgresUrl(suiteUrl))("PostgreSQL never gets them, even with DEMO_ACCOUNTS=1", async () => {
    const db = await freshDatabase("asked");
    dropped.push(db.drop);
    await prepare(db.url, { DEMO_ACCOUNTS: "1" });
    expect(await accountsIn(db.url)).toBe(0);
  });

  it.runIf(!isPostgresUrl(suiteUrl))("the embedded database gets them when the operator asks (DEMO_ACCOUNTS=1)", async () => {
    const db = await freshDatabase("asked");
    dropped.push(db.drop);
    const banner = await prepare(db.url, { DEMO_ACCOUNTS: "1" });
    expect(await accountsIn(db.url)).toBe(3);
    expect(banner).toContain("admin@example.com");
  });

  it("the rule as a table", () => {
    const cases: [embedded: boolean, generatedSecrets: boolean, demoRequested: boolean, allowed: boolean][] = [
      [true, true, false, true], // npm start on a fresh clone
      [true, false, false, false], // an embedded deployment with its own secrets
      [true, false, true, true],
      [false, false, false, false],
      [false, false, true, false], // PostgreSQL: never
      [false, true, true, false],
    ];
    for (const [embedded, generatedSecrets, demoRequested, allowed] of cases) {
      expect(
        mayCreateDemoAccounts({ embedded, generatedSecrets, demoRequested }),
        JSON.stringify({ embedded, generatedSecrets, demoRequested }),
      ).toBe(allowed);
    }
  });
});

const childrenOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const commandOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.runIf(process.platform === "linux")("npm start", () => {
  it("leaves the server as npm's only process, with the heap cap, and SIGTERM stops it", async () => {
    const port = Number(testEnv().TEST_PORT) + 6;
    // the suite's build and database: the preparation finds both ready and only checks them
    const npm = spawn("npm", ["start", "--silent"], {
      env: {
        ...process.env,
        ...testEnv(),
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: `http://127.0.0.1:${port}`,
      } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout!.on("data", (chunk) => (output += chunk));
    npm.stderr!.on("data", (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 120_000;
      while (
        !(await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (npm.exitCode != null || Date.now() > deadline) throw new Error(`npm start did not serve:\n${output}`);
        await sleep(250);
      }
      const children = childrenOf(npm.pid!);
      expect(children).toHaveLength(1);
      const [server] = children;
      expect(commandOf(server)).toMatch(/^node .*scripts\/server\.mjs/);
      for (const flag of SERVER_NODE_FLAGS) expect(commandOf(server)).toContain(flag);
      expect(childrenOf(server)).toEqual([]);
      expect(output).toContain(`listening on 127.0.0.1:${port}`);

      npm.kill("SIGTERM");
      const stopped = Date.now() + 12_000;
      while (alive(server) && Date.now() < stopped) await sleep(100);
      expect(alive(server)).toBe(false);
    } finally {
      if (npm.exitCode == null) npm.kill("SIGKILL");
    }
  }, 150_000);
});
