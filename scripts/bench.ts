// `npm run bench`: builds and starts a production server (SQLite by default; PostgreSQL when
// DATABASE_URL says so), drives it over loopback with autocannon at 50 connections, measures raw
// argon2id verifies per second on this machine, prints a table and writes bench/results.json.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import autocannon from "autocannon";
import { generate } from "otplib";
import { ensureBuild } from "./lib/build";
import { ensureClientFor, providerOf, resetDatabase } from "./lib/database";

const PORT = process.env.BENCH_PORT ?? "3250";
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
// Each measurement follows a warm-up at the same load, so it reports the steady state rather
// than the first seconds' JIT compilation and lazy module loading.
const WARMUP = { connections: CONNECTIONS, duration: Number(process.env.BENCH_WARMUP_SECONDS ?? 2) };
const databaseUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "file:./prisma/bench.db";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  APP_URL: BASE,
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0123",
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.alloc(32, 9).toString("base64"),
  MAIL_TRANSPORT: "outbox",
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
} as NodeJS.ProcessEnv;

interface Row {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  ratio: string;
  target: string;
  met: boolean | null;
  /** the server's peak RSS while this row ran */
  rssMb: number;
}

async function waitForHealth() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

const childrenOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A process and all its descendants. */
const rssOfTree = (pid: number): number => rssOf(pid) + childrenOf(pid).reduce((sum, child) => sum + rssOfTree(child), 0);

async function cannon(opts: {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  requests?: autocannon.Request[];
}) {
  const result = await autocannon({
    url: BASE + opts.path,
    connections: CONNECTIONS,
    duration: DURATION,
    method: opts.method ?? "GET",
    headers: opts.headers,
    body: opts.body,
    requests: opts.requests,
    warmup: WARMUP,
  } as autocannon.Options);
  return result;
}

async function rawArgon2VerifiesPerSecond(): Promise<number> {
  const { hashSecret, verifySecret } = await import("../lib/passwords/hash");
  const hash = await hashSecret("Bench-Password-1");
  const until = Date.now() + 5000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < until) {
      await verifySecret(hash, "Bench-Password-1");
      done++;
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
  return done / 5;
}

async function main() {
  Object.assign(process.env, env);
  ensureClientFor(databaseUrl);
  await resetDatabase(databaseUrl);
  ensureBuild(env.NEXT_DIST_DIR!, providerOf(databaseUrl), env);

  // accounts: one without 2FA (login, reads), one with TOTP (the throttle path)
  const { createUser } = await import("../lib/users");
  const { db } = await import("../lib/db");
  const { encrypt } = await import("../lib/crypto");
  const password = "Bench-Password-1";
  await createUser({ email: "bench@example.com", password });
  await createUser({ email: "bench-admin@example.com", password, role: "admin" });
  // a login flood comes from many accounts: attempts are counted before the check (so concurrent
  // wrong guesses cannot exceed the throttle), so one account under >5 simultaneous logins waits
  const loginAccounts = 100;
  for (let i = 0; i < loginAccounts; i++) await createUser({ email: `login-${i}@example.com`, password });
  // issue 6: the administrators' account search must stay fast on a population of 100,000
  const accounts = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
  const { seedAdminBench } = await import("./seed-admin-bench");
  console.log(`Seeding ${accounts} accounts …`);
  await seedAdminBench({ databaseUrl, count: accounts, log: () => {} });
  const totpUser = await createUser({ email: "bench-totp@example.com", password });
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  await db.totpFactor.create({ data: { userId: totpUser.id, secretEnc: encrypt(secret), activatedAt: new Date() } });

  // Started as an operator starts it: `npm start` prepares (already done above, so it only
  // checks), then execs the server. npm stays as the launcher; its RSS is reported apart.
  const launcher = spawn("npm", ["start", "--silent"], {
    env: { ...env, PORT, HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let peakRss = 0;
  let peakLauncherRss = 0;
  let phasePeak = 0; // reset before each measurement, so the table shows which load grows memory
  let sampler: NodeJS.Timeout | undefined;
  // sampled once the server answers: before that npm's child is the preparation, not the server
  const startSampling = () => {
    sampler = setInterval(() => {
      const rss = childrenOf(launcher.pid!).reduce((sum, child) => sum + rssOfTree(child), 0);
      peakRss = Math.max(peakRss, rss);
      peakLauncherRss = Math.max(peakLauncherRss, rssOf(launcher.pid!));
      phasePeak = Math.max(phasePeak, rss);
    }, 100);
  };
  const takePhasePeakMb = () => {
    const mb = Math.round(phasePeak / 1024 / 1024);
    phasePeak = 0;
    return mb;
  };
  try {
    await waitForHealth();
    startSampling();
    const json = (body: unknown) => ({
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const refresh = await (await fetch(`${BASE}/auth/login`, json({ username: "bench@example.com", password }))).text();
    const access = await (await fetch(`${BASE}/auth/accesstoken`, { headers: { authorization: `Bearer ${refresh}` } })).text();
    const partial = (await (await fetch(`${BASE}/auth/login`, json({ username: "bench-totp@example.com", password }))).json())
      .partialToken as string;
    const wrongTotp = (await generate({ secret })) === "000000" ? "111111" : "000000";
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

    // warm every route once (first requests compile/load modules)
    for (const path of ["/api/health", "/user/2fa"]) await fetch(BASE + path, { headers: bearer(access) });

    console.log(`Benchmark: ${CONNECTIONS} connections, ${DURATION} s per endpoint, ${cpus().length} cores, ${providerOf(databaseUrl)}`);
    const runs: [string, Awaited<ReturnType<typeof cannon>>, number][] = [];
    const measure = async (name: string, opts: Parameters<typeof cannon>[0]) => {
      process.stdout.write(`  ${name} …\n`);
      takePhasePeakMb();
      const result = await cannon(opts);
      runs.push([name, result, takePhasePeakMb()]);
    };
    await measure("GET /api/health (baseline)", { path: "/api/health" });
    await measure("GET /user/2fa", { path: "/user/2fa", headers: bearer(access) });
    await measure("GET /auth/accesstoken", { path: "/auth/accesstoken", headers: bearer(refresh) });
    let next = 0;
    const loginRequests: autocannon.Request[] = [
      {
        method: "POST",
        path: "/auth/login",
        headers: { "content-type": "application/json" },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ username: `login-${next++ % loginAccounts}@example.com`, password }) }),
      },
    ];
    await measure("POST /auth/login", { path: "/auth/login", method: "POST", requests: loginRequests });
    await measure("POST /user/2fa/totp/authenticate (wrong)", {
      path: "/user/2fa/totp/authenticate",
      ...json({ totp: wrongTotp }),
      headers: { ...json({}).headers, ...bearer(partial) },
    });

    // the admin account search over the seeded population: first (cold) query, then 10 connections
    const adminRefresh = await (await fetch(`${BASE}/auth/login`, json({ username: "bench-admin@example.com", password }))).text();
    const adminAccess = await (await fetch(`${BASE}/auth/accesstoken`, { headers: bearer(adminRefresh) })).text();
    const searchPath = "/api/admin/users?query=olivia";
    const coldStart = performance.now();
    const cold = await fetch(BASE + searchPath, { headers: bearer(adminAccess) });
    const coldMs = Math.round(performance.now() - coldStart);
    if (!cold.ok) throw new Error(`admin search failed: ${cold.status} ${await cold.text()}`);
    process.stdout.write(`  GET ${searchPath} over ${accounts} accounts …\n`);
    takePhasePeakMb();
    const search = await autocannon({
      url: BASE + searchPath,
      connections: 10,
      duration: Math.min(DURATION, 5),
      headers: bearer(adminAccess),
      warmup: { connections: 10, duration: 1 },
    } as autocannon.Options);

    // a login flood must not starve token-checked reads (bounded hashing)
    const searchRssMb = takePhasePeakMb();
    process.stdout.write("  login flood + GET /user/2fa …\n");
    const [, during] = await Promise.all([
      cannon({ path: "/auth/login", method: "POST", requests: loginRequests }),
      autocannon({
        url: `${BASE}/user/2fa`,
        connections: 5,
        duration: DURATION,
        headers: bearer(access),
        warmup: { connections: 5, duration: WARMUP.duration },
      } as autocannon.Options),
    ]);
    const floodRssMb = takePhasePeakMb();

    const argon2PerSecond = await rawArgon2VerifiesPerSecond();
    const baseline = runs[0][1].requests.average;
    const rows: Row[] = runs.map(([name, r, rssMb]) => {
      const errors = r.errors + r.timeouts + (name.includes("(wrong)") ? r.non2xx - (r["4xx"] ?? 0) : r.non2xx);
      const isLogin = name.startsWith("POST /auth/login");
      const isRead = name === "GET /user/2fa" || name === "GET /auth/accesstoken";
      const ratio = isLogin ? r.requests.average / argon2PerSecond : r.requests.average / baseline;
      const p99ok = isLogin || r.latency.p99 < 100;
      let target = isLogin ? "≥ 80% of raw argon2id" : isRead ? "≥ 70% of baseline, p99 < 100 ms" : "p99 < 100 ms";
      let met: boolean | null = p99ok && errors === 0;
      if (isLogin) met = ratio >= 0.8 && errors === 0;
      else if (isRead) met = ratio >= 0.7 && p99ok && errors === 0;
      if (name.includes("baseline")) target = "baseline; p99 < 100 ms";
      return {
        name,
        reqPerSec: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors,
        ratio: `${Math.round(ratio * 100)}% of ${isLogin ? "argon2id" : "baseline"}`,
        target,
        met,
        rssMb,
      };
    });
    rows.push({
      name: "GET /user/2fa during login flood",
      reqPerSec: Math.round(during.requests.average),
      p50: during.latency.p50,
      p99: during.latency.p99,
      errors: during.errors + during.non2xx,
      ratio: "-",
      target: "p99 < 200 ms",
      met: during.latency.p99 < 200 && during.errors + during.non2xx === 0,
      rssMb: floodRssMb,
    });

    rows.push({
      name: `admin user search, ${accounts} accounts (10 conn.; cold ${coldMs} ms)`,
      reqPerSec: Math.round(search.requests.average),
      p50: search.latency.p50,
      p99: search.latency.p99,
      errors: search.errors + search.non2xx,
      ratio: "-",
      target: "< 200 ms",
      met: search.latency.p99 < 200 && coldMs < 200 && search.errors + search.non2xx === 0,
      rssMb: searchRssMb,
    });

    const peakRssMb = Math.round(peakRss / 1024 / 1024);
    const launcherRssMb = Math.round(peakLauncherRss / 1024 / 1024);
    const table = [
      "| endpoint | req/s | p50 ms | p99 ms | errors | ratio | target | met | server RSS MB |",
      "|---|---:|---:|---:|---:|---|---|---|---:|",
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.ratio} | ${r.target} | ${r.met ? "yes" : "no"} | ${r.rssMb} |`,
      ),
      `| raw argon2id verifies (${availableParallelism()} threads) | ${Math.round(argon2PerSecond)} | | | | | | | |`,
      `| peak server RSS | ${peakRssMb} MB | | | | | < 400 MB | ${peakRssMb < 400 ? "yes" : "no"} | |`,
      `| launcher (npm) RSS beside the server | ${launcherRssMb} MB | | | | | | | |`,
    ].join("\n");
    console.log(`\n${table}\n`);
    mkdirSync("bench", { recursive: true });
    // the latest run, and the latest per database (the README shows both)
    const report = JSON.stringify(
      {
        date: new Date().toISOString(),
        database: providerOf(databaseUrl),
        cores: cpus().length,
        connections: CONNECTIONS,
        seconds: DURATION,
        argon2VerifiesPerSecond: argon2PerSecond,
        peakRssMb,
        launcherRssMb,
        rows,
        table,
      },
      null,
      2,
    );
    for (const file of ["bench/results.json", `bench/results-${providerOf(databaseUrl)}.json`]) writeFileSync(file, report);
    console.log(`wrote bench/results.json and bench/results-${providerOf(databaseUrl)}.json`);
  } finally {
    clearInterval(sampler!);
    launcher.kill("SIGTERM"); // npm passes it on to the server
    const { db: client } = await import("../lib/db");
    await client.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
