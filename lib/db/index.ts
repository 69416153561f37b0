import { BusyTolerantLibSQL } from "./sqlite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { isPostgresUrl } from "../config";
import { configureDirectReads } from "./direct";

export type { Prisma } from "../generated/prisma/client";
export { selectOne, toDate } from "./direct";

// The generated client is provider-specific: it is generated from prisma/schema.prisma (SQLite)
// or prisma/postgres/schema.prisma (PostgreSQL) to match DATABASE_URL (see scripts/start.ts).
function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
  if (isPostgresUrl(url)) {
    // one pool for Prisma and the direct reads (./direct.ts)
    // allowExitOnIdle: scripts end when their work is done, as they did when Prisma owned the pool
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), allowExitOnIdle: true });
    // an idle connection the server dropped is discarded by the pool; the next query opens another
    pool.on("error", () => {});
    configureDirectReads({ postgres: pool });
    return new PrismaClient({ adapter: new PrismaPg(pool) });
  }
  configureDirectReads({ sqliteUrl: url });
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
