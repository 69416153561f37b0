import { db, isUniqueViolation, selectOne, toDate } from "../db";

export interface CounterRow {
  failures: number;
  blockedUntil: Date | null;
  updatedAt: Date;
}

/**
 * The counter row, created on first use. Not `upsert`: Prisma runs it as read-then-insert, and on
 * PostgreSQL two first attempts at once would both insert; the loser re-reads instead.
 */
export async function row(key: string): Promise<CounterRow> {
  const existing = await readRow(key);
  if (existing) return existing;
  try {
    return await db.throttle.create({ data: { key } });
  } catch (error) {
    if (isUniqueViolation(error)) return db.throttle.findUniqueOrThrow({ where: { key } });
    throw error;
  }
}

// A direct read (lib/db/direct.ts): every guarded check and wait-time query starts here. The
// writes that follow are compare-and-swaps, so a read that is already stale changes nothing.
export async function readRow(key: string): Promise<CounterRow | undefined> {
  const found = await selectOne<{ failures: number; blockedUntil: unknown; updatedAt: unknown }>`
    SELECT "failures", "blockedUntil", "updatedAt" FROM "Throttle" WHERE "key" = ${key}`;
  return found && { failures: Number(found.failures), blockedUntil: toDate(found.blockedUntil), updatedAt: toDate(found.updatedAt)! };
}

export const secondsUntil = (date: Date | null, now = Date.now()) => (date ? Math.max(0, Math.ceil((date.getTime() - now) / 1000)) : 0);
