import { BusyTolerantLibSQL } from "./sqlite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { isPostgresUrl, loadTimeConfig } from "../config";
import { configureDirect } from "./direct";

// The database, and the one place that knows which one it is (SQLite or PostgreSQL, from
// DATABASE_URL).
//
// The rule: every write, every transaction and every ordinary read goes through Prisma (`db`).
// ./direct.ts runs SQL straight through the driver, and only for the hot paths listed here. The
// reads (`selectOne`), each marked "a direct read" where it is written:
// - lib/tokens/authorize.ts: the account behind a partial token (every second-step request);
// - lib/sessions/index.ts: the session behind an access or sudo token (every token-checked
//   request) and the session a refresh token belongs to;
// - lib/auth/login.ts: the account a login names (every login);
// - lib/throttle/rows.ts: a throttle counter (every guarded check and wait-time query);
// - lib/two-factor/methods.ts: the second-factor state (GET /user/2fa and every login);
// - lib/two-factor/totp.ts: the TOTP factor (the second step of every TOTP login);
// - lib/devices/index.ts: whether the account knows the device (every completed sign-in).
// The writes (./direct-writes.ts: `writeOne`, `writeTogether`), built where their table's rules
// live and run alone or together in one transaction:
// - lib/throttle: a counter's creation, its compare-and-swap and reset, its touch (every login
//   and every second-factor check);
// - lib/sessions `newSession` and lib/events `securityEventInsert`: a login's session and its
//   events, written with the throttle's reset (lib/auth/login.ts, lib/two-factor/complete.ts);
// - lib/two-factor/totp.ts: the TOTP step taken (every TOTP login), with the reset;
// - lib/devices/index.ts: a device's first sign-in on the account, with its event.
// Besides those, lib/admin/users.ts reads PostgreSQL's collation once per process (a catalog
// query Prisma has no call for). A new direct statement needs a measurement that shows Prisma's
// cost (scripts/bench.ts), and a line here. Never inside a Prisma transaction (./direct.ts).

export type { Prisma } from "../generated/prisma/client";
export { selectOne, toDate } from "./direct";

const { DATABASE_URL, DATABASE_POOL_SIZE } = loadTimeConfig();

/** Which database this process uses: code that must differ by database asks this. */
export const dialect: "postgresql" | "sqlite" = isPostgresUrl(DATABASE_URL) ? "postgresql" : "sqlite";

// The generated client is provider-specific: it is generated from prisma/schema.prisma (SQLite)
// or prisma/postgres/schema.prisma (PostgreSQL) to match DATABASE_URL (see scripts/start.ts).
function createClient(): PrismaClient {
  const url = DATABASE_URL;
  if (dialect === "postgresql") {
    // one pool for Prisma and the direct reads (./direct.ts)
    // allowExitOnIdle: scripts end when their work is done, as they did when Prisma owned the pool
    const pool = new pg.Pool({ connectionString: url, max: DATABASE_POOL_SIZE, allowExitOnIdle: true });
    // an idle connection the server dropped is discarded by the pool; the next query opens another
    pool.on("error", () => {});
    configureDirect({ postgres: pool });
    return new PrismaClient({ adapter: new PrismaPg(pool) });
  }
  configureDirect({ sqliteUrl: url });
  return new PrismaClient({ adapter: new BusyTolerantLibSQL({ url }) });
}

const globalForPrisma = globalThis as unknown as { gatehousePrisma?: PrismaClient };
export const db: PrismaClient = globalForPrisma.gatehousePrisma ?? createClient();
globalForPrisma.gatehousePrisma = db;

export const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";

/**
 * Prisma runs `upsert` as read-then-write, so on PostgreSQL two first writes of the same row at
 * once collide on its unique key. The loser runs again, and then finds the row and updates it.
 */
export async function retryOnUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return write();
    throw error;
  }
}
