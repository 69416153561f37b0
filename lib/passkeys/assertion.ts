import { db } from "../db";
import { recordSecurityEvent, type RequestMeta } from "../events";
import type { RelyingParty } from "./relying-party";
import type { AuthenticationCredential } from "./schemas";
import type { PasskeyRow } from "./store";
import { checkAssertion } from "./verify";

// §9 "Assertions": the signature over the challenge, user presence (and for a sign-in user
// verification), and the sign counter: when the stored and the received counter are both
// non-zero, the received one must be greater. A signed answer whose counter did not grow comes
// from a copy of the key or a replay: refused, and recorded as a possible cloned passkey.

export type AssertionOutcome = "accepted" | "invalid";

async function possibleClone(passkey: PasskeyRow, received: number, meta: RequestMeta): Promise<AssertionOutcome> {
  await recordSecurityEvent(passkey.userId, "passkey.possible_clone", meta, {
    detail: { passkeyId: passkey.id, name: passkey.name, storedCounter: passkey.counter, receivedCounter: received },
  });
  return "invalid";
}

/**
 * Checks an assertion by `passkey` over `challenge` (already used up by the caller) and moves
 * the stored counter on. The counter moves by a conditional update, so of two answers with the
 * same counter (a clone used at the same moment as the original) only one is accepted.
 */
export async function acceptAssertion(
  passkey: PasskeyRow,
  credential: AuthenticationCredential,
  challenge: string,
  rp: RelyingParty,
  opts: { requireUserVerification: boolean; meta: RequestMeta },
): Promise<AssertionOutcome> {
  const checked = await checkAssertion(credential, challenge, rp, passkey, { requireUserVerification: opts.requireUserVerification });
  if (!checked) return "invalid";
  const stored = passkey.counter;
  const received = checked.counter;
  if (stored > 0 && received > 0 && received <= stored) return possibleClone(passkey, received, opts.meta);
  const now = new Date();
  if (received > stored) {
    const { count } = await db.passkey.updateMany({
      where: { id: passkey.id, counter: { lt: BigInt(received) } },
      data: { counter: BigInt(received), lastUsedAt: now },
    });
    if (count === 1) return "accepted";
    // removed meanwhile, or another answer took the counter to this value or past it
    return (await db.passkey.count({ where: { id: passkey.id } })) ? possibleClone(passkey, received, opts.meta) : "invalid";
  }
  // an authenticator that keeps no counter (0), or reports 0 against a stored one: nothing to compare
  const { count } = await db.passkey.updateMany({ where: { id: passkey.id }, data: { lastUsedAt: now } });
  return count === 1 ? "accepted" : "invalid";
}
