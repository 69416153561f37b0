import { selectOne, toDate } from "../db";
import { sql, sqlDate, writeOne } from "../db/direct-writes";

export interface CounterRow {
  failures: number;
  blockedUntil: Date | null;
  updatedAt: Date;
}

/**
 * The counter row, created on first use (a direct write: the first login of every account makes
 * it). ON CONFLICT: of two first attempts at once, the second inserts nothing and reads the first's row.
 */
export async function row(key: string): Promise<CounterRow> {
  const existing = await readRow(key);
  if (existing) return existing;
  await writeOne(sql`
    INSERT INTO "Throttle" ("key", "failures", "updatedAt") VALUES (${key}, 0, ${sqlDate(new Date())}) ON CONFLICT ("key") DO NOTHING`);
  const created = await readRow(key);
  if (!created) throw new Error(`throttle counter ${key} vanished as it was made`); // pruned in between
  return created;
}

// A direct read (lib/db/direct.ts): every guarded check and wait-time query starts here. The
// writes that follow are compare-and-swaps, so a read that is already stale changes nothing.
export async function readRow(key: string): Promise<CounterRow | undefined> {
  const found = await selectOne<{ failures: number; blockedUntil: unknown; updatedAt: unknown }>`
    SELECT "failures", "blockedUntil", "updatedAt" FROM "Throttle" WHERE "key" = ${key}`;
  return found && { failures: Number(found.failures), blockedUntil: toDate(found.blockedUntil), updatedAt: toDate(found.updatedAt)! };
}

export const secondsUntil = (date: Date | null, now = Date.now()) => (date ? Math.max(0, Math.ceil((date.getTime() - now) / 1000)) : 0);
