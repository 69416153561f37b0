// `npm run bench`: builds and starts a production server as `npm start` starts it (SQLite by
// default; PostgreSQL with BENCH_DATABASE_URL, or a PostgreSQL DATABASE_URL), drives it over
// loopback with autocannon at 50 connections, measures raw argon2id verifies per second on this
// machine in the same run (just before each sign-in row, which is judged against that reading),
// prints one table and writes bench/results.json (and bench/results-<database>.json).
//
// Each row reports its rate and latency, and the server's CPU time per operation (all threads,
// and the main thread alone: the hash runs on the thread pool, so the main thread's share is
// everything else) read from /proc. Throughput moves with whatever else the machine runs; CPU
// time per operation counts work, so a regression in cost shows even when the load generator, on
// the same cores, is the bottleneck. With a PostgreSQL server on this machine, its CPU per
// operation (all its processes) is reported too: it shares the cores with the hash threads.
//
//   BENCH_PORT (3250)  BENCH_SECONDS (8)  BENCH_WARMUP_SECONDS (2)  BENCH_ACCOUNTS (100000)
//   BENCH_DATABASE_URL (file:./prisma/bench.db)  NEXT_DIST_DIR (.next-bench, .next-bench-pg)
//   BENCH_ROWS (all): some of reads,login,totp,email,recovery,guessing,flood,admin — the bare
//     route always runs; a partial run prints its table but leaves bench/results*.json alone
//   BENCH_CPU_PROF (off): a directory; the server runs under --cpu-prof and each row's hottest
//     main-thread functions are printed after the table (scripts/lib/bench-profile.ts)
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import autocannon from "autocannon";
import { generate } from "otplib";
import { ensureBuild } from "./lib/build";
import { ensureClientFor, providerOf, resetDatabase } from "./lib/database";
import { cpuPerOperation, findDescendant, localPostgresCpuMs, readCpu, rssOf, rssSampler } from "./lib/bench-process";
import { monotonicUs, profileFile, topFrames, type Window } from "./lib/bench-profile";
import {
  BENCH_PASSWORD,
  emailCodeLogin,
  passkeyLogin,
  passwordLogin,
  recoveryCodeLogin,
  seedLoginAccounts,
  Tally,
  totpLogin,
} from "./lib/bench-logins";

const PORT = process.env.BENCH_PORT ?? "3250";
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = 50;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const ROW_GROUPS = ["reads", "login", "totp", "email", "recovery", "passkey", "guessing", "flood", "admin"] as const;
type RowGroup = (typeof ROW_GROUPS)[number];
const chosenRows = process.env.BENCH_ROWS?.split(",").map((r) => r.trim());
const unknownRows = chosenRows?.filter((r) => !(ROW_GROUPS as readonly string[]).includes(r)) ?? [];
if (unknownRows.length) throw new Error(`BENCH_ROWS: unknown ${unknownRows.join(", ")} (rows: ${ROW_GROUPS.join(", ")})`);
const runs = (group: RowGroup) => !chosenRows || chosenRows.includes(group);
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

const requestedUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const databaseUrl = requestedUrl?.startsWith("postgres") ? requestedUrl : (process.env.BENCH_DATABASE_URL ?? "file:./prisma/bench.db");
const provider = providerOf(databaseUrl);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  APP_URL: BASE,
  // one build per database: the generated Prisma client in a build is provider-specific
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? (provider === "postgresql" ? ".next-bench-pg" : ".next-bench"),
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0123",
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.alloc(32, 9).toString("base64"),
  MAIL_TRANSPORT: "outbox",
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
} as NodeJS.ProcessEnv;

// The targets (the performance issue's goals), as data: each row names the ones it is held to.
const TARGETS = {
  readOfBaseline: 0.8,
  readP99Ms: 100,
  loginOfArgon2: 0.7,
  totpLoginOfArgon2: 0.5,
  loginFloodRssMb: 250,
  wholeRunRssMb: 280,
  floodReadP99Ms: 200,
  adminSearchMs: 200,
};

interface Row {
  name: string;
  /** operations per second: requests, or completed logins for the sign-in rows */
  rate: number | null;
  p50: number | null;
  p99: number | null;
  errors: number | null;
  ratio: string;
  target: string;
  met: boolean | null;
  cpuMsPerOp: number | null;
  mainCpuMsPerOp: number | null;
  /** a PostgreSQL server on this machine: its CPU ms per operation (null on SQLite, which runs inside the server) */
  databaseCpuMsPerOp: number | null;
  /** the server's peak RSS while the row ran */
  rssMb: number | null;
}

interface Load {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  requests?: autocannon.Request[];
  connections?: number;
  seconds?: number;
}

const cannon = (load: Load, seconds = load.seconds ?? SECONDS) =>
  autocannon({
    url: BASE + load.path,
    connections: load.connections ?? CONNECTIONS,
    duration: seconds,
    method: load.method ?? "GET",
    headers: load.headers,
    body: load.body,
    requests: load.requests,
  } as autocannon.Options);

async function waitForHealth() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

/** Verifies per second with every core verifying, as the server's pool would at most, and the CPU ms each took. */
async function rawArgon2(seconds = 5): Promise<{ perSecond: number; cpuMs: number }> {
  const { hashSecret } = await import("../lib/passwords/hash");
  const { verify } = await import("@node-rs/argon2");
  const hash = await hashSecret(BENCH_PASSWORD);
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    for (; Date.now() < until; done++) await verify(hash, BENCH_PASSWORD);
  };
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
  const used = process.cpuUsage(cpu);
  return { perSecond: done / seconds, cpuMs: (used.user + used.system) / 1000 / done };
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
/** "lowest–highest" of some readings, or the one reading */
function range(values: number[], digits = 0): string {
  if (values.length === 0) return "";
  const [low, high] = [Math.min(...values), Math.max(...values)].map((v) => v.toFixed(digits));
  return low === high ? low : `${low}–${high}`;
}
const fixed = (x: number | null, digits = 1) => (x === null ? "" : x.toFixed(digits));

async function main() {
  Object.assign(process.env, env);
  ensureClientFor(databaseUrl);
  await resetDatabase(databaseUrl);
  ensureBuild(env.NEXT_DIST_DIR!, provider, env);

  const started = performance.now();
  const { createUser } = await import("../lib/users");
  const { db } = await import("../lib/db");
  const { encrypt } = await import("../lib/crypto");
  await createUser({ email: "bench@example.com", password: BENCH_PASSWORD });
  await createUser({ email: "bench-admin@example.com", password: BENCH_PASSWORD, role: "admin" });
  const logins = await seedLoginAccounts(BASE);
  // the administrators' account search must stay fast on a large population
  const { seedAdminBench } = await import("./seed-admin-bench");
  console.log(`Seeding ${ACCOUNTS} accounts …`);
  await seedAdminBench({ databaseUrl, count: ACCOUNTS, log: () => {} });
  const totpUser = await createUser({ email: "bench-totp@example.com", password: BENCH_PASSWORD });
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  await db.totpFactor.create({ data: { userId: totpUser.id, secretEnc: encrypt(secret), activatedAt: new Date() } });
  const seededSeconds = (performance.now() - started) / 1000;

  // Started as an operator starts it: `npm start` prepares (already done above, so it only
  // checks), then execs the server. npm stays as the launcher; its RSS is reported apart.
  const profile = PROFILE_DIR ? profileFile(PROFILE_DIR) : undefined;
  const profiling = profile ? { GATEHOUSE_CPU_PROFILE: profile } : {};
  const launcher = spawn("npm", ["start", "--silent"], {
    env: { ...env, PORT, HOST: "127.0.0.1", ...profiling },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let serverPid: number | undefined;
  let profiled: Window[] = [];
  const rss = rssSampler(() => serverPid);
  let peakLauncherRss = 0;
  const launcherSampler = setInterval(() => (peakLauncherRss = Math.max(peakLauncherRss, rssOf(launcher.pid!))), 500);
  try {
    await waitForHealth();
    serverPid = findDescendant(launcher.pid!, "scripts/server.mjs");
    if (!serverPid) throw new Error("no scripts/server.mjs process under npm start");
    const server = serverPid;

    const json = (body: unknown) => ({
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const refresh = await (await fetch(`${BASE}/auth/login`, json({ username: "bench@example.com", password: BENCH_PASSWORD }))).text();
    const access = await (await fetch(`${BASE}/auth/accesstoken`, { headers: bearer(refresh) })).text();
    const partial = (
      await (await fetch(`${BASE}/auth/login`, json({ username: "bench-totp@example.com", password: BENCH_PASSWORD }))).json()
    ).partialToken as string;
    const wrongTotp = (await generate({ secret })) === "000000" ? "111111" : "000000";
    for (const path of ["/api/health", "/user/2fa"]) await fetch(BASE + path, { headers: bearer(access) });

    console.log(
      `Benchmark: ${CONNECTIONS} connections, ${SECONDS} s per row after ${WARMUP_SECONDS} s of warm-up, ${cpus().length} cores, ${provider}`,
    );
    const rows: Row[] = [];
    let baseline = { rate: 0, mainCpuMsPerOp: 0 };
    // one reading before each sign-in row: the hash's own rate moves by half between runs on a
    // shared machine (other tenants, cache and memory bandwidth), and drifts within one
    const argon2Readings: { perSecond: number; cpuMs: number }[] = [];
    const windows: Window[] = [];

    /**
     * One row: a warm-up at the same load (JIT, lazy modules), then the measured run between two
     * CPU readings. With a `tally`, operations are its completed logins; otherwise requests.
     */
    const run = async (name: string, load: Load, tally?: Tally) => {
      process.stdout.write(`  ${name} …\n`);
      if (WARMUP_SECONDS > 0) await cannon(load, WARMUP_SECONDS);
      tally?.reset();
      rss.takePhasePeakMb();
      const before = readCpu(server);
      const databaseBefore = provider === "postgresql" ? localPostgresCpuMs() : null;
      const fromUs = monotonicUs();
      const result = await cannon(load);
      windows.push({ name, fromUs, toUs: monotonicUs() });
      const operations = tally ? tally.completed : result.requests.total;
      const cpu = cpuPerOperation(before, readCpu(server), operations);
      const databaseAfter = databaseBefore === null ? null : localPostgresCpuMs();
      const databaseMs =
        databaseBefore === null || databaseAfter === null || operations === 0 ? null : (databaseAfter - databaseBefore) / operations;
      const transportErrors = result.errors + result.timeouts;
      return {
        result,
        rate: tally ? tally.completed / result.duration : result.requests.average,
        errors: transportErrors + (tally ? tally.unexpected : result.non2xx),
        cpu,
        databaseMs,
        rssMb: rss.takePhasePeakMb(),
      };
    };
    const row = (name: string, measured: Awaited<ReturnType<typeof run>>, judged: Pick<Row, "ratio" | "target" | "met">): Row => ({
      name,
      rate: measured.rate,
      p50: measured.result.latency.p50,
      p99: measured.result.latency.p99,
      errors: measured.errors,
      cpuMsPerOp: measured.cpu.totalMs,
      mainCpuMsPerOp: measured.cpu.mainMs,
      databaseCpuMsPerOp: measured.databaseMs,
      rssMb: measured.rssMb,
      ...judged,
    });

    // --- reads
    {
      const name = "GET /api/health (the bare route)";
      const measured = await run(name, { path: "/api/health" });
      baseline = { rate: measured.rate, mainCpuMsPerOp: measured.cpu.mainMs };
      rows.push(row(name, measured, { ratio: "100% of bare", target: "", met: null }));
    }
    for (const [name, load, p99Target] of runs("reads")
      ? ([
          ["GET /user/2fa", { path: "/user/2fa", headers: bearer(access) }, TARGETS.readP99Ms],
          ["GET /auth/accesstoken", { path: "/auth/accesstoken", headers: bearer(refresh) }, null],
        ] as const)
      : []) {
      const measured = await run(name, load);
      const ratio = measured.rate / baseline.rate;
      const p99ok = p99Target === null || measured.result.latency.p99 <= p99Target;
      rows.push(
        row(name, measured, {
          ratio: `${percent(ratio)} of bare`,
          target: `≥ ${percent(TARGETS.readOfBaseline)} of bare${p99Target === null ? "" : `, p99 ≤ ${p99Target} ms`}`,
          met: ratio >= TARGETS.readOfBaseline && p99ok && measured.errors === 0,
        }),
      );
    }

    // --- sign-ins, against the hash's own rate measured now, with the server idle
    const signIns: {
      group: RowGroup;
      name: string;
      requests: (tally: Tally) => autocannon.Request[] | Promise<autocannon.Request[]>;
      hashes: number;
      target?: number;
    }[] = [
      {
        group: "login",
        name: "POST /auth/login (password)",
        requests: (t) => passwordLogin(logins.password, t),
        hashes: 1,
        target: TARGETS.loginOfArgon2,
      },
      { group: "totp", name: "login + TOTP", requests: (t) => totpLogin(logins.totp, t), hashes: 1, target: TARGETS.totpLoginOfArgon2 },
      { group: "email", name: "login + email code", requests: (t) => emailCodeLogin(logins.email, t), hashes: 1 },
      { group: "recovery", name: "login + recovery code (2 hashes)", requests: (t) => recoveryCodeLogin(logins.recovery, t), hashes: 2 },
      { group: "passkey", name: "login + passkey (3 requests)", requests: (t) => passkeyLogin(logins.passkey, t), hashes: 1 },
    ];
    for (const signIn of signIns.filter((s) => runs(s.group))) {
      process.stdout.write("  raw argon2id verifies …\n");
      const argon2 = await rawArgon2();
      argon2Readings.push(argon2);
      const tally = new Tally();
      const measured = await run(signIn.name, { path: "/auth/login", method: "POST", requests: await signIn.requests(tally) }, tally);
      const ratio = (measured.rate * signIn.hashes) / argon2.perSecond;
      const floodRss = signIn.hashes === 1 && signIn.target === TARGETS.loginOfArgon2;
      const ratioOk = signIn.target === undefined || ratio >= signIn.target;
      const rssOk = !floodRss || measured.rssMb <= TARGETS.loginFloodRssMb;
      rows.push(
        row(signIn.name, measured, {
          ratio: `${percent(ratio)} of argon2id${signIn.hashes > 1 ? ` ÷ ${signIn.hashes}` : ""} (${Math.round(argon2.perSecond)}/s)`,
          target: [
            signIn.target === undefined ? "" : `≥ ${percent(signIn.target)} of argon2id`,
            floodRss ? `RSS ≤ ${TARGETS.loginFloodRssMb} MB` : "",
          ]
            .filter(Boolean)
            .join(", "),
          met:
            signIn.target === undefined && !floodRss ? (measured.errors === 0 ? null : false) : ratioOk && rssOk && measured.errors === 0,
        }),
      );
    }

    // --- guessing: one account's TOTP under a flood of wrong codes (401, then 429 during the waits)
    if (runs("guessing")) {
      const name = "POST /user/2fa/totp/authenticate (wrong)";
      const measured = await run(name, {
        path: "/user/2fa/totp/authenticate",
        ...json({ totp: wrongTotp }),
        headers: { ...json({}).headers, ...bearer(partial) },
      });
      measured.errors -= measured.result["4xx"] ?? 0; // the answers it should get
      rows.push(
        row(name, measured, {
          ratio: `${percent(measured.rate / baseline.rate)} of bare`,
          target: `p99 ≤ ${TARGETS.readP99Ms} ms`,
          met: measured.result.latency.p99 <= TARGETS.readP99Ms && measured.errors === 0,
        }),
      );
    }

    // --- a login flood must not starve token-checked reads (bounded hashing)
    if (runs("flood")) {
      const name = "GET /user/2fa (5 conn.) during a login flood";
      process.stdout.write(`  ${name} …\n`);
      rss.takePhasePeakMb();
      const tally = new Tally();
      const flood = { path: "/auth/login", method: "POST" as const, requests: passwordLogin(logins.password, tally) };
      const reads = { path: "/user/2fa", headers: bearer(access), connections: 5 };
      const [, during] = await Promise.all([
        cannon(flood, SECONDS + WARMUP_SECONDS),
        (async () => {
          await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
          return cannon(reads);
        })(),
      ]);
      const rssMb = rss.takePhasePeakMb();
      const errors = during.errors + during.timeouts + during.non2xx + tally.unexpected;
      rows.push({
        name,
        rate: during.requests.average,
        p50: during.latency.p50,
        p99: during.latency.p99,
        errors,
        ratio: `logins: ${Math.round(tally.completed / (SECONDS + WARMUP_SECONDS))}/s`,
        target: `p99 ≤ ${TARGETS.floodReadP99Ms} ms, RSS ≤ ${TARGETS.loginFloodRssMb} MB`,
        met: during.latency.p99 <= TARGETS.floodReadP99Ms && rssMb <= TARGETS.loginFloodRssMb && errors === 0,
        cpuMsPerOp: null,
        mainCpuMsPerOp: null,
        databaseCpuMsPerOp: null,
        rssMb,
      });
    }

    // --- the admin account search over the seeded population: the first (cold) query, then 10 connections
    if (runs("admin")) {
      const adminRefresh = await (
        await fetch(`${BASE}/auth/login`, json({ username: "bench-admin@example.com", password: BENCH_PASSWORD }))
      ).text();
      const adminAccess = await (await fetch(`${BASE}/auth/accesstoken`, { headers: bearer(adminRefresh) })).text();
      const searchPath = "/api/admin/users?query=olivia";
      const coldStart = performance.now();
      const cold = await fetch(BASE + searchPath, { headers: bearer(adminAccess) });
      const coldMs = Math.round(performance.now() - coldStart);
      if (!cold.ok) throw new Error(`admin search failed: ${cold.status} ${await cold.text()}`);
      const name = `admin user search, ${ACCOUNTS} accounts (10 conn.; cold ${coldMs} ms)`;
      const measured = await run(name, { path: searchPath, headers: bearer(adminAccess), connections: 10, seconds: Math.min(SECONDS, 5) });
      rows.push(
        row(name, measured, {
          ratio: "",
          target: `cold and p99 ≤ ${TARGETS.adminSearchMs} ms`,
          met: measured.result.latency.p99 <= TARGETS.adminSearchMs && coldMs <= TARGETS.adminSearchMs && measured.errors === 0,
        }),
      );
    }

    const peakRssMb = rss.peakMb();
    const launcherRssMb = Math.round(peakLauncherRss / 1024 / 1024);
    const cpuCell = (r: Row) => (r.cpuMsPerOp === null ? "" : `${fixed(r.cpuMsPerOp, 2)} (${fixed(r.mainCpuMsPerOp, 2)})`);
    const table = [
      "| row | ops/s | p50 ms | p99 ms | errors | ratio | target | met | server CPU ms/op (main thread) | PostgreSQL CPU ms/op | server RSS MB |",
      "|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|",
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.rate === null ? "" : Math.round(r.rate)} | ${r.p50 ?? ""} | ${r.p99 ?? ""} | ${r.errors ?? ""} | ${r.ratio} | ${r.target} | ${r.met === null ? "" : r.met ? "yes" : "no"} | ${cpuCell(r)} | ${fixed(r.databaseCpuMsPerOp, 2)} | ${r.rssMb ?? ""} |`,
      ),
      `| raw argon2id verifies (${availableParallelism()} threads; before each sign-in row) | ${range(argon2Readings.map((r) => r.perSecond))} | | | | | | | ${range(
        argon2Readings.map((r) => r.cpuMs),
        2,
      )} | | |`,
      `| peak server RSS, whole run | ${peakRssMb} MB | | | | | ≤ ${TARGETS.wholeRunRssMb} MB | ${peakRssMb <= TARGETS.wholeRunRssMb ? "yes" : "no"} | | | |`,
      `| launcher (npm) RSS beside the server | ${launcherRssMb} MB | | | | | | | | | |`,
    ].join("\n");
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    console.log(
      `\n${table}\n\n(${minutes} min, of which ${seededSeconds.toFixed(0)} s seeding; bare route main thread ${fixed(baseline.mainCpuMsPerOp, 2)} ms/request)`,
    );
    mkdirSync("bench", { recursive: true });
    const report = JSON.stringify(
      {
        date: new Date().toISOString(),
        database: provider,
        cores: cpus().length,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        argon2Readings,
        peakRssMb,
        launcherRssMb,
        rows,
        table,
      },
      null,
      2,
    );
    // the latest run, and the latest per database (the README shows both); a partial run is no record
    if (chosenRows) console.log("(a partial run: bench/results*.json left alone)");
    else {
      for (const file of ["bench/results.json", `bench/results-${provider}.json`]) writeFileSync(file, report);
      console.log(`wrote bench/results.json and bench/results-${provider}.json`);
    }
    profiled = windows;
  } finally {
    rss.stop();
    clearInterval(launcherSampler);
    const exited = new Promise((resolve) => launcher.once("exit", resolve));
    launcher.kill("SIGTERM"); // npm passes it on to the server
    await db.$disconnect();
    if (profile) {
      await exited; // the profile is written as the server exits
      console.log(
        existsSync(profile)
          ? `\nMain-thread self time by function (${profile}):${topFrames(profile, profiled)}`
          : `no profile at ${profile}`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
