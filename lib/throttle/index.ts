import { db } from "../db";
import { sql, sqlDate, writeOne, writeTogether, type Statement } from "../db/direct-writes";
import { tooManyRequests, type ErrorCodeWithStatus } from "../errors";
import { readRow, row, secondsUntil } from "./rows";

export { assertBudgetLeft, slidingBudget, spendBudget, type Budget } from "./budget";
export { atMostEvery, pruneCounters } from "./prune";

// docs/api.md §5: the first 5 consecutive failures cost nothing; after failure n (n ≥ 5) the next check
// waits 2^(n−5) s, capped at 15 minutes. A success resets the count.
export const FREE_FAILURES = 5;
export const MAX_WAIT_SECONDS = 15 * 60;

export const waitAfterFailures = (failures: number) =>
  failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS);

export const throttleKeys = {
  password: (userId: number) => `password:${userId}`,
  totp: (userId: number) => `totp:${userId}`,
  emailOtp: (userId: number) => `email-otp:${userId}`,
  recoveryCode: (userId: number) => `recovery-code:${userId}`,
  passkey: (userId: number) => `passkey:${userId}`,
};

// The counter's writes are direct writes (lib/db/direct-writes): every login and every
// second-factor check makes two of them, and a success writes its reset in one transaction with
// whatever the success itself writes.
async function swapCounter(key: string, expectedFailures: number, failures: number, blockedUntil: Date | null): Promise<boolean> {
  const changed = await writeOne(sql`
    UPDATE "Throttle" SET "failures" = ${failures}, "blockedUntil" = ${blockedUntil && sqlDate(blockedUntil)}, "updatedAt" = ${sqlDate(new Date())}
    WHERE "key" = ${key} AND "failures" = ${expectedFailures}`);
  return changed === 1;
}

const resetCounter = (key: string) => sql`
  UPDATE "Throttle" SET "failures" = 0, "blockedUntil" = NULL, "updatedAt" = ${sqlDate(new Date())} WHERE "key" = ${key}`;

export interface Attempt {
  key: string;
  /** the consecutive failure count if this attempt fails */
  failures: number;
  /**
   * Resets the count, in one transaction with `alongside` (what the success writes: a session,
   * its event …). A statement there marked `mustChangeOne` that changes nothing undoes them all
   * and throws NothingChanged: the attempt then stays counted as the failure it was reserved as.
   */
  succeeded(...alongside: Statement[]): Promise<void>;
}

export interface AttemptOptions {
  /**
   * A counter no attempt touched for this long starts again from zero. Only for counters that
   * must match ones that are pruned when idle (the password counter, lib/auth/password-throttle.ts).
   */
  forgetAfterSeconds?: number;
}

/**
 * Reserves one guarded check. The attempt is counted as a failure before the secret is checked
 * (compare-and-swap on the counter), so concurrent guesses each take their own slot and none slip
 * past the wait; a success then resets the count. During a wait it throws 429 without counting.
 */
export async function reserveAttempt(key: string, code: ErrorCodeWithStatus<429>, options: AttemptOptions = {}): Promise<Attempt> {
  for (let round = 0; round < 50; round++) {
    const current = await row(key);
    const now = Date.now();
    const wait = secondsUntil(current.blockedUntil, now);
    if (wait > 0) throw tooManyRequests(code, wait);
    const forgotten = options.forgetAfterSeconds !== undefined && now - current.updatedAt.getTime() > options.forgetAfterSeconds * 1000;
    const failures = (forgotten ? 0 : current.failures) + 1;
    const blockSeconds = waitAfterFailures(failures);
    if (await swapCounter(key, current.failures, failures, blockSeconds ? new Date(now + blockSeconds * 1000) : null)) {
      return {
        key,
        failures,
        succeeded: async (...alongside) => {
          await writeTogether([resetCounter(key), ...alongside]);
        },
      };
    }
  }
  throw tooManyRequests(code, 1); // extreme contention: refuse rather than check unguarded
}

/** Seconds until the next guarded check may run (the wait-time queries). */
export async function secondsUntilNextAttempt(key: string): Promise<number> {
  const current = await readRow(key);
  return secondsUntil(current?.blockedUntil ?? null);
}

/**
 * Claims a "one per N seconds" slot (code mails, reset mails, transfers). Throws 429 with the
 * remaining wait when the slot is taken. Returns a release function for when the mail never left.
 */
export async function claimSlot(key: string, seconds: number, code: ErrorCodeWithStatus<429>): Promise<() => Promise<void>> {
  const current = await row(key);
  const now = Date.now();
  const wait = secondsUntil(current.blockedUntil, now);
  if (wait > 0) throw tooManyRequests(code, wait);
  const until = new Date(now + seconds * 1000);
  const { count } = await db.throttle.updateMany({
    where: { key, OR: [{ blockedUntil: null }, { blockedUntil: { lte: new Date(now) } }] },
    data: { blockedUntil: until },
  });
  if (count !== 1) throw tooManyRequests(code, seconds);
  return async () => {
    await db.throttle.updateMany({ where: { key, blockedUntil: until }, data: { blockedUntil: null } });
  };
}

/**
 * Stamps a counter as just used: where there is no account to record an event for, this stands in
 * for the event's insert, so both paths make the same writes (lib/auth/password-throttle.ts). A
 * direct write like the event's, and one that cannot fail (the prune may have taken the row).
 */
export const touchCounter = (key: string): Statement =>
  sql`UPDATE "Throttle" SET "updatedAt" = ${sqlDate(new Date())} WHERE "key" = ${key}`;
