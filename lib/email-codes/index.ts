import { randomUUID } from "node:crypto";
import { db, retryOnUniqueViolation } from "../db";
import { hmac, randomDigits, safeEqual } from "../crypto";
import { unauthorized } from "../errors";

// docs/api.md §5 "Email codes": 6 digits from a CSPRNG, valid 10 minutes, single use, stored hashed,
// a new code replaces the old one, 5 wrong tries end a code, and the wrong-try budget is per
// account and purpose and survives a resend (it renews 10 minutes after the first code).
export type CodePurpose = "2fa-setup" | "2fa-login" | "password-reset" | "email-transfer";
export const CODE_TTL_SECONDS = 10 * 60;
export const MAX_WRONG_TRIES = 5;

const invalid = () => unauthorized("OTP_INVALID_EXPIRED");
const hashCode = (code: string, purpose: CodePurpose, userId: number) => hmac(`${userId}:${code}`, `email-code:${purpose}`);

/** Creates the live code for (user, purpose), replacing any earlier one; returns the plain code to mail. */
export async function issueEmailCode(userId: number, purpose: CodePurpose, target: string): Promise<string> {
  const code = randomDigits(6);
  const now = new Date();
  const codeHash = hashCode(code, purpose, userId);
  const expiresAt = new Date(now.getTime() + CODE_TTL_SECONDS * 1000);
  const existing = await db.emailCode.findUnique({ where: { userId_purpose: { userId, purpose } } });
  const budgetLive = existing && now.getTime() - existing.createdAt.getTime() < CODE_TTL_SECONDS * 1000;
  await retryOnUniqueViolation(() =>
    db.emailCode.upsert({
      where: { userId_purpose: { userId, purpose } },
      create: { id: randomUUID(), userId, purpose, target, codeHash, expiresAt },
      update: budgetLive ? { target, codeHash, expiresAt } : { target, codeHash, expiresAt, attempts: 0, createdAt: now },
    }),
  );
  return code;
}

/** Restores the state before `issueEmailCode` when the mail never left (no unseen code counts). */
export async function withdrawEmailCode(
  userId: number,
  purpose: CodePurpose,
  previous: { codeHash: string; expiresAt: Date; target: string } | null,
) {
  if (previous) await db.emailCode.updateMany({ where: { userId, purpose }, data: previous });
  else await db.emailCode.deleteMany({ where: { userId, purpose } });
}

export async function currentEmailCode(userId: number, purpose: CodePurpose) {
  const row = await db.emailCode.findUnique({ where: { userId_purpose: { userId, purpose } } });
  return row ? { codeHash: row.codeHash, expiresAt: row.expiresAt, target: row.target } : null;
}

/**
 * Checks a code. A try is reserved before comparing (atomic increment guarded by the budget),
 * so concurrent wrong guesses cannot exceed it. With `consume`, the code is used up atomically:
 * of two concurrent correct submissions only one succeeds. Returns the address the code went to.
 */
export async function verifyEmailCode(
  userId: number,
  purpose: CodePurpose,
  code: string,
  opts: { consume: boolean },
): Promise<{ target: string }> {
  const row = await db.emailCode.findUnique({ where: { userId_purpose: { userId, purpose } } });
  if (!row) throw invalid();
  const reserved = await db.emailCode.updateMany({
    where: { id: row.id, codeHash: row.codeHash, attempts: { lt: MAX_WRONG_TRIES }, expiresAt: { gt: new Date() } },
    data: { attempts: { increment: 1 } },
  });
  if (reserved.count !== 1) throw invalid();
  if (!safeEqual(hashCode(code, purpose, userId), row.codeHash)) throw invalid();
  if (opts.consume) {
    const used = await db.emailCode.deleteMany({ where: { id: row.id, codeHash: row.codeHash } });
    if (used.count !== 1) throw invalid();
  } else {
    await db.emailCode.updateMany({ where: { id: row.id, codeHash: row.codeHash }, data: { attempts: { decrement: 1 } } });
  }
  return { target: row.target };
}
