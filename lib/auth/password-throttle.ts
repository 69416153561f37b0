import { hmac } from "../crypto";
import { writeTogether } from "../db/direct-writes";
import { unauthorized } from "../errors";
import { verifyAgainstDummy } from "../passwords";
import { atMostEvery, pruneCounters, reserveAttempt, throttleKeys, touchCounter } from "../throttle";
import { normalizeEmail } from "../users";

/**
 * Wrong passwords (docs/api.md §5) count per account, and (§8 "Unknown accounts") per normalised address
 * where there is no account, with the very same scheme: a guesser learns nothing from the throttle
 * about whether an address has an account.
 *
 * Counters of addresses without an account belong to no one, so anybody could add rows by trying
 * new addresses. They are bounded two ways, by a prune that runs in the background at most once a
 * minute per server (often enough that a flood adds at most a minute's logins above the cap):
 * - **idle for a day, forgotten.** A day is far past the longest wait (15 minutes), so no pending
 *   wait is cut short. So that this tells nothing, an account's counter is forgotten after the
 *   same day of silence (`forgetAfterSeconds`); it costs little, as a guesser who waits a day
 *   for 5 free tries gets far fewer than the ~96 a day the 15-minute waits let through anyway.
 * - **at most 100,000, least recently used go first.** A row is ~200 bytes with its index, so
 *   the cap is ~20 MB. Pushing one address's counter out (it would then differ from an
 *   account's) takes 100,000 logins at new addresses, each a full password hash (~6 ms): some
 *   10 CPU-minutes during which real logins queue, in plain sight of the operator. The other
 *   ways to cap are worse: refusing new counters brings back the 401-forever tell, and one
 *   shared overflow counter answers 429 to a first try; once the cap is full, either tells an
 *   address apart in one request.
 *
 * Keys hold a keyed hash of the address, not the address: people type passwords and others'
 * addresses into the username field, and the table should keep neither.
 */
export const passwordThrottle = {
  code: "TOO_MANY_FAILED_PASSWORD_CHECKS",
  forgetAfterSeconds: 24 * 60 * 60,
  unknownAddresses: { prefix: "password-unknown:", keep: 100_000, pruneEverySeconds: 60 },
} as const;

const { code, forgetAfterSeconds, unknownAddresses } = passwordThrottle;

export const unknownAddressKey = (address: string) => `${unknownAddresses.prefix}${hmac(normalizeEmail(address), "unknown-login-address")}`;

/** The password counter of an account (login and the old-password check). */
export const reservePasswordAttempt = (userId: number) => reserveAttempt(throttleKeys.password(userId), code, { forgetAfterSeconds });

/** Called on every login, known address or not, so the prune's timing does not follow either. */
export const pruneUnknownAddressCounters = atMostEvery(unknownAddresses.pruneEverySeconds, "pruning unknown-address login counters", () =>
  pruneCounters(unknownAddresses.prefix, { idleSeconds: forgetAfterSeconds, keep: unknownAddresses.keep }),
);

/**
 * A login at an address without an account: the work of a wrong password, in the same order
 * (the reservation, the hash, then the writes a known account's failure makes in one transaction:
 * from the 5th failure on its `throttle.triggered` event, and its `login.failure` event), and the
 * same answer.
 */
export async function refuseUnknownAddress(address: string, password: string): Promise<never> {
  const attempt = await reserveAttempt(unknownAddressKey(address), code, { forgetAfterSeconds });
  await verifyAgainstDummy(password);
  await writeTogether([...(attempt.failures >= 5 ? [touchCounter(attempt.key)] : []), touchCounter(attempt.key)]);
  throw unauthorized("PASSWORD_INCORRECT");
}
