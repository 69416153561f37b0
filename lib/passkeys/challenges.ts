import { randomBytes } from "node:crypto";
import { sha256 } from "../crypto";
import { db } from "../db";
import { atMostEvery } from "../throttle";

// §9 "Challenges": 32 random bytes, stored server-side (as a hash), valid 5 minutes, used once
// also under concurrency, and bound to the account (registration, 2FA) or to nothing
// (passwordless sign-in). Using one is a single conditional update: of concurrent requests with
// the same challenge exactly one sees its count of 1.

export const CHALLENGE_BYTES = 32;
export const CHALLENGE_SECONDS = 5 * 60;

export type ChallengePurpose = "register" | "2fa" | "login";

/**
 * Used and expired rows stay an hour, so a late registration can be told "expired" (409) rather
 * than "invalid"; then the prune takes them. Challenges for passwordless sign-in belong to no one
 * (anybody may ask for one), so at most this many of them are kept, the newest.
 */
const KEEP_AFTER_EXPIRY_SECONDS = 60 * 60;
const MAX_UNBOUND = 100_000;

const prune = atMostEvery(60, "pruning passkey challenges", async () => {
  const now = Date.now();
  await db.passkeyChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now - KEEP_AFTER_EXPIRY_SECONDS * 1000) } } });
  const edge = await db.passkeyChallenge.findFirst({
    where: { userId: null },
    orderBy: { createdAt: "desc" },
    skip: MAX_UNBOUND,
    select: { createdAt: true },
  });
  if (edge) await db.passkeyChallenge.deleteMany({ where: { userId: null, createdAt: { lte: edge.createdAt } } });
});

const keyOf = (challenge: string) => sha256(`passkey-challenge:${challenge}`);

/** A fresh challenge (base64url) for `purpose`, bound to `userId` (null: to nobody). */
export async function issueChallenge(purpose: ChallengePurpose, userId: number | null): Promise<string> {
  prune();
  const challenge = randomBytes(CHALLENGE_BYTES).toString("base64url");
  await db.passkeyChallenge.create({
    data: { id: keyOf(challenge), purpose, userId, expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000) },
  });
  return challenge;
}

/**
 * Uses the challenge up. "used": this request has it. "expired": it was issued for this purpose
 * and account, but has expired or was used already. "unknown": never issued for these.
 */
export async function takeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  userId: number | null,
): Promise<"used" | "expired" | "unknown"> {
  const id = keyOf(challenge);
  const now = new Date();
  const { count } = await db.passkeyChallenge.updateMany({
    where: { id, purpose, userId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 1) return "used";
  const row = await db.passkeyChallenge.findUnique({ where: { id }, select: { purpose: true, userId: true } });
  return row && row.purpose === purpose && row.userId === userId ? "expired" : "unknown";
}
