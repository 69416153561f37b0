import { db, type Prisma } from "../db";
import { tooManyRequests, type ErrorCodeWithStatus } from "../errors";
import { row, secondsUntil } from "./rows";

/**
 * "At most `uses` in any `windowSeconds`", a sliding window, kept as one throttle row per use:
 * a use takes a free row and holds it (`blockedUntil`) until that use leaves the window. Taking a
 * row is a compare-and-swap on it, so concurrent requests never spend more than the budget, and
 * when every row is held the wait is until the oldest use leaves the window.
 */
export interface Budget {
  keys: string[];
  windowSeconds: number;
  /** the 429's message */
  code: ErrorCodeWithStatus<429>;
}

/** The keys end in `:<owner>`, like the counters' (lib/throttle/index.ts). */
export function slidingBudget(rule: {
  name: string;
  owner: number;
  uses: number;
  windowSeconds: number;
  code: ErrorCodeWithStatus<429>;
}): Budget {
  const keys = Array.from({ length: rule.uses }, (_, use) => `${rule.name}-${use + 1}:${rule.owner}`);
  return { keys, windowSeconds: rule.windowSeconds, code: rule.code };
}

const waitOf = (rows: { blockedUntil: Date | null }[], budget: Budget, now = Date.now()) =>
  rows.length < budget.keys.length ? 0 : Math.min(...rows.map((r) => secondsUntil(r.blockedUntil, now)));

/** Throws 429, with the wait until the oldest use leaves the window, when the budget is spent. */
export async function assertBudgetLeft(budget: Budget): Promise<void> {
  const wait = waitOf(await db.throttle.findMany({ where: { key: { in: budget.keys } }, select: { blockedUntil: true } }), budget);
  if (wait > 0) throw tooManyRequests(budget.code, wait);
}

/**
 * Spends one use and runs `record` (what the use was spent on) in the same transaction, or throws
 * 429 when concurrent requests took the last use meanwhile. The rows exist before the transaction
 * begins: on SQLite a write outside it would wait for it.
 */
export async function spendBudget(budget: Budget, record: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> {
  for (const key of budget.keys) await row(key);
  await db.$transaction(async (tx) => {
    const now = new Date();
    const until = new Date(now.getTime() + budget.windowSeconds * 1000);
    for (const key of budget.keys) {
      // one raw statement, the condition and the write together: a compare-and-swap
      const taken = await tx.$executeRaw`
        UPDATE "Throttle" SET "blockedUntil" = ${until}, "updatedAt" = ${now}
        WHERE "key" = ${key} AND ("blockedUntil" IS NULL OR "blockedUntil" <= ${now})`;
      if (taken === 1) return record(tx);
    }
    const held = await tx.throttle.findMany({ where: { key: { in: budget.keys } }, select: { blockedUntil: true } });
    throw tooManyRequests(budget.code, waitOf(held, budget, now.getTime()));
  });
}
