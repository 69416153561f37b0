// Seeds many accounts (100,000 by default) for the admin dashboard benchmark, fast: one password
// hash computed once and reused, one TOTP secret encrypted once, rows written with batched
// createMany. The accounts look like a real population: varied names and domains (so prefix
// searches hit a realistic share), creation times over two years, ~20 % with TOTP, ~8 % with email
// codes (some with both), ~1 % locked, a handful of administrators.
//
//   npx tsx scripts/seed-admin-bench.ts [--count 100000] [--replace] [--database-url <url>]
//
// DATABASE_URL (or --database-url) names the database; it is migrated first. Every seeded address
// ends in @bench.example (or a sibling domain listed below); --replace deletes earlier seeded
// accounts first, otherwise an already seeded database is left alone.
// Also importable: `await seedAdminBench({ databaseUrl, count })` (scripts/bench.ts).
import "../lib/config/load-env";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl } from "../lib/config";
import { encrypt } from "../lib/crypto";
import { PrismaClient } from "../lib/generated/prisma/client";
import { hashSecret } from "../lib/passwords/hash";
import { ensureClientFor, migrate } from "./lib/database";

export const BENCH_PASSWORD = "Bench-Lantern-2026";
export const BENCH_DOMAINS = ["bench.example", "mail.bench.example", "corp.bench.example", "uni.bench.example"];

const firstNames = [
  "alice",
  "bob",
  "carol",
  "dave",
  "erin",
  "frank",
  "grace",
  "heidi",
  "ivan",
  "judy",
  "mallory",
  "niaj",
  "olivia",
  "peggy",
  "rupert",
  "sybil",
  "trent",
  "victor",
  "walter",
  "yara",
  "zoe",
  "liam",
  "mia",
  "noah",
  "emma",
  "lucas",
  "sofia",
  "mateo",
  "lea",
  "jan",
];
const lastNames = [
  "smith",
  "jones",
  "peeters",
  "janssens",
  "maes",
  "dubois",
  "muller",
  "schmidt",
  "garcia",
  "rossi",
  "novak",
  "kowalski",
  "silva",
  "nielsen",
  "berg",
  "virtanen",
  "horvat",
  "popescu",
  "ivanova",
  "murphy",
];

/** A small deterministic PRNG (mulberry32), so two seeded databases hold the same accounts. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function client(url: string) {
  const adapter = isPostgresUrl(url) ? new PrismaPg({ connectionString: url, max: 4 }) : new PrismaLibSQL({ url });
  return new PrismaClient({ adapter });
}

const BATCH = 4_000; // rows per createMany: 6 columns × 4,000 stays under SQLite’s 32,766 bound parameters

export async function seedAdminBench(options: { databaseUrl: string; count?: number; replace?: boolean; log?: (line: string) => void }) {
  const { databaseUrl } = options;
  const count = options.count ?? 100_000;
  const say = options.log ?? ((line: string) => console.log(line));
  ensureClientFor(databaseUrl);
  migrate(databaseUrl);
  const db = client(databaseUrl);
  try {
    const seeded = { OR: BENCH_DOMAINS.map((d) => ({ email: { endsWith: `@${d}` } })) };
    const existing = await db.user.count({ where: seeded });
    if (existing > 0 && !options.replace) {
      say(`${existing} seeded accounts already there; nothing done (use --replace to seed again)`);
      return { created: 0, existing };
    }
    if (existing > 0) {
      await db.user.deleteMany({ where: seeded });
      say(`deleted ${existing} earlier seeded accounts`);
    }

    const started = performance.now();
    const passwordHash = await hashSecret(BENCH_PASSWORD);
    const secretEnc = encrypt("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"); // a fixed TOTP secret: the accounts are for reading, not signing in
    const random = prng(20261122);
    const twoYears = 730 * 24 * 3600 * 1000;
    const now = Date.now();

    const { _max } = await db.user.aggregate({ _max: { id: true } });
    let nextId = (_max.id ?? 0) + 1;
    let created = 0;
    for (let start = 0; start < count; start += BATCH) {
      const size = Math.min(BATCH, count - start);
      const users: { id: number; email: string; passwordHash: string; role: string; lockedAt: Date | null; createdAt: Date }[] = [];
      const totp: { userId: number; secretEnc: string; activatedAt: Date }[] = [];
      const emailOtp: { userId: number; email: string; activatedAt: Date }[] = [];
      for (let i = 0; i < size; i++) {
        const n = start + i;
        const id = nextId++;
        const first = firstNames[Math.floor(random() * firstNames.length)];
        const last = lastNames[Math.floor(random() * lastNames.length)];
        const domain = BENCH_DOMAINS[Math.floor(random() * BENCH_DOMAINS.length)];
        const email = `${first}.${last}${n}@${domain}`;
        const createdAt = new Date(now - Math.floor(random() * twoYears));
        const roll = random();
        users.push({
          id,
          email,
          passwordHash,
          role: n < 5 ? "admin" : "user",
          lockedAt: roll < 0.01 ? new Date(createdAt.getTime() + 3600_000) : null,
          createdAt,
        });
        const since = new Date(createdAt.getTime() + Math.floor(random() * (now - createdAt.getTime())));
        if (roll > 0.8) totp.push({ userId: id, secretEnc, activatedAt: since });
        if (roll > 0.95 || (roll > 0.3 && roll < 0.35)) emailOtp.push({ userId: id, email, activatedAt: since });
      }
      await db.user.createMany({ data: users });
      if (totp.length) await db.totpFactor.createMany({ data: totp });
      if (emailOtp.length) await db.emailOtpFactor.createMany({ data: emailOtp });
      created += size;
      if (created % 20_000 === 0 || created === count) say(`${created} / ${count} accounts`);
    }
    if (isPostgresUrl(databaseUrl)) {
      // explicit ids leave the sequence behind; the next ordinary sign-up must not collide
      await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"User"', 'id'), (SELECT MAX(id) FROM "User"))`);
      await db.$executeRawUnsafe(`ANALYZE "User"`);
    } else {
      await db.$executeRawUnsafe("ANALYZE");
    }
    // a few events so the overview chart has something to draw
    const kinds = ["login.success", "login.success", "login.success", "login.failure", "throttle.triggered"];
    const firstId = nextId - count;
    const events = Array.from({ length: 3_000 }, () => ({
      id: randomUUID(),
      userId: firstId + Math.floor(random() * count),
      kind: kinds[Math.floor(random() * kinds.length)],
      createdAt: new Date(now - Math.floor(random() * 30 * 24 * 3600 * 1000)),
    }));
    for (let i = 0; i < events.length; i += BATCH) await db.securityEvent.createMany({ data: events.slice(i, i + BATCH) });
    say(`seeded ${count} accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { created: count, existing: 0 };
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: "string" },
      replace: { type: "boolean", default: false },
      "database-url": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log("usage: npx tsx scripts/seed-admin-bench.ts [--count 100000] [--replace] [--database-url <url>]");
    return;
  }
  const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("set DATABASE_URL or pass --database-url");
  const count = values.count ? Number(values.count) : undefined;
  if (count !== undefined && (!Number.isSafeInteger(count) || count < 1)) throw new Error("--count must be a positive integer");
  await seedAdminBench({ databaseUrl, count, replace: values.replace });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
