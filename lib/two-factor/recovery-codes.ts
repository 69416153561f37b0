import { randomBytes, randomUUID } from "node:crypto";
import { db } from "../db";
import { conflict, unauthorized } from "../errors";
import { recordSecurityEvent } from "../events";
import { hashSecret, verifySecret } from "../passwords";
import { reserveAttempt, secondsUntilNextAttempt, throttleKeys } from "../throttle";
import { completeSecondFactor, type AuthenticateResult } from "./complete";
import { noticeWork, notifyAccountHolder } from "../mail";
import { checkedDuring, failedGuess, noticeOrigin, notifyTwoFactorChange, type Actor, type TwoFactorContext } from "./context";
import { hasActiveSecondFactor } from "./methods";
import { RECOVERY_CODE_LENGTH, RECOVERY_CODES_PER_SET } from "./schemas";

// docs/api.md §5: 10 codes per set, 16 characters of Crockford base32 (80 bits from the CSPRNG), shown
// once, stored as argon2id hashes; any order; each works once, also under concurrent requests.

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** One code: 10 random bytes = 80 bits = 16 × 5-bit Crockford symbols. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = RECOVERY_CODE_LENGTH - 1; i >= 0; i--) code += CROCKFORD_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

export const generateRecoveryCodes = (count = RECOVERY_CODES_PER_SET) => Array.from({ length: count }, generateRecoveryCode);

/** Case-insensitive, and Crockford's look-alikes (I, L → 1; O → 0) read as the digits they resemble. */
export const normalizeRecoveryCode = (input: string) => input.trim().toUpperCase().replace(/[IL]/g, "1").replace(/O/g, "0");

const uninitialized = () => conflict("RECOVERY_CODES_UNINITIALIZED");

/** Creates a fresh set of hashes (slow: argon2id) — call before opening a transaction. */
export async function prepareRecoveryCodes(userId: number) {
  const codes = generateRecoveryCodes();
  const createdAt = new Date();
  const rows = await Promise.all(codes.map(async (code) => ({ id: randomUUID(), userId, codeHash: await hashSecret(code), createdAt })));
  return { codes, rows };
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Inside a transaction: the old set stops working, the new one takes its place. */
export async function storeRecoveryCodes(tx: Tx, userId: number, rows: Awaited<ReturnType<typeof prepareRecoveryCodes>>["rows"]) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: rows });
}

export async function deleteRecoveryCodes(userId: number) {
  await db.recoveryCode.deleteMany({ where: { userId } });
}

/** Unused codes count only while a second factor is active (docs/api.md §7). */
async function usableCodes(userId: number) {
  if (!(await hasActiveSecondFactor(userId))) return [];
  return db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true }, orderBy: { id: "asc" } });
}

/**
 * #13: checks one recovery code under its own throttle (429 TOO_MANY_RECOVERY_CODE_CHECKS); the
 * code is used up by a conditional update, so of concurrent requests with one code only one wins.
 */
export async function authenticateWithRecoveryCode(actor: Actor, input: string, ctx: TwoFactorContext): Promise<AuthenticateResult> {
  const userId = actor.userId;
  if ((await usableCodes(userId)).length === 0) throw uninitialized();
  const attempt = await reserveAttempt(throttleKeys.recoveryCode(userId), "TOO_MANY_RECOVERY_CODE_CHECKS");
  const guess = { userId, factor: "recoveryCode", during: checkedDuring(actor) } as const;
  const incorrect = () => failedGuess(guess, attempt, ctx, unauthorized("RECOVERY_CODE_INCORRECT"));

  const code = normalizeRecoveryCode(input);
  if (code.length !== RECOVERY_CODE_LENGTH || [...code].some((c) => !CROCKFORD_ALPHABET.includes(c))) return incorrect();
  let matched: string | null = null;
  for (const row of await usableCodes(userId)) {
    if (await verifySecret(row.codeHash, code)) {
      matched = row.id;
      break;
    }
  }
  if (!matched) return incorrect();
  const used = await db.recoveryCode.updateMany({ where: { id: matched, userId, usedAt: null }, data: { usedAt: new Date() } });
  if (used.count !== 1) return incorrect(); // a concurrent request used it first
  await attempt.succeeded();
  const remaining = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  await recordSecurityEvent(userId, "recovery_code.used", ctx.meta, { detail: { remaining } });
  // a used code is a code someone held: the holder hears of each one, at a step-up too
  await noticeWork(ctx.defer, "recovery-code-used", async () => {
    await notifyAccountHolder(userId, "recovery-code-used", {
      origin: noticeOrigin(ctx.mail?.origin),
      language: ctx.mail?.language,
      data: { remaining },
    });
  });
  return completeSecondFactor(actor, "recoveryCode", ctx);
}

/** #14: seconds until the next recovery-code check may run. */
export async function recoveryCodeWait(userId: number): Promise<{ duration: number }> {
  if ((await usableCodes(userId)).length === 0) throw uninitialized();
  return { duration: await secondsUntilNextAttempt(throttleKeys.recoveryCode(userId)) };
}

/** #15: replaces the set atomically; 409 2FA_IS_DISABLED without an active method. */
export async function resetRecoveryCodes(userId: number, ctx: TwoFactorContext): Promise<{ recoveryCodes: string[] }> {
  if (!(await hasActiveSecondFactor(userId))) throw conflict("2FA_IS_DISABLED");
  const { codes, rows } = await prepareRecoveryCodes(userId);
  await db.$transaction(async (tx) => {
    const active =
      (await tx.totpFactor.count({ where: { userId, activatedAt: { not: null } } })) +
      (await tx.emailOtpFactor.count({ where: { userId, activatedAt: { not: null } } })) +
      (await tx.passkey.count({ where: { userId } }));
    if (active === 0) throw conflict("2FA_IS_DISABLED");
    await storeRecoveryCodes(tx, userId, rows);
  });
  await recordSecurityEvent(userId, "recovery_codes.reset", ctx.meta);
  await notifyTwoFactorChange(userId, "recovery-codes-reset", ctx);
  return { recoveryCodes: codes };
}
