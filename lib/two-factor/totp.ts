import { generateSecret, verify } from "otplib";
import { db, retryOnUniqueViolation, selectOne } from "../db";
import { mustChangeOne, NothingChanged, sql } from "../db/direct-writes";
import { conflict, internal, notFound, unauthorized } from "../errors";
import { decrypt, DecryptionError, encrypt } from "../crypto";
import { recordSecurityEvent } from "../events";
import { resolveMailConfiguration } from "../mail";
import { reserveAttempt, secondsUntilNextAttempt, throttleKeys } from "../throttle";
import { completeSecondFactor, type AuthenticateResult } from "./complete";
import { checkedDuring, failedGuess, notifyTwoFactorChange, type Actor, type TwoFactorContext } from "./context";
import { afterMethodRemoved } from "./deactivate";
import { prepareRecoveryCodes, storeRecoveryCodes } from "./recovery-codes";

// docs/api.md §5 "TOTP": SHA-1, 6 digits, 30 s, ±1 step; a time step is accepted once only, even under
// concurrent requests (RFC 6238 §5.2); the 160-bit secret is stored encrypted (AES-256-GCM).

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
export const TOTP_SECRET_BYTES = 20; // 160 bits
export const DEFAULT_ISSUER = "Gatehouse";

const uninitialized = () => conflict("TOTP_UNINITIALIZED");
const incorrect = () => unauthorized("TOTP_INCORRECT");

function unseal(sealed: string): string {
  try {
    return decrypt(sealed);
  } catch (error) {
    if (error instanceof DecryptionError) throw internal("TOTP_CORRUPT");
    throw error;
  }
}

/** The issuer shown in the authenticator app: the brand's display name for `origin`, else the default brand. */
export function totpIssuer(origin?: string): string {
  for (const candidate of [origin, undefined]) {
    try {
      return resolveMailConfiguration(candidate).displayName || DEFAULT_ISSUER;
    } catch {
      // unknown origin: fall back to the default brand
    }
  }
  return DEFAULT_ISSUER;
}

/** The otpauth:// URL of docs/api.md §4 #2 (parameters in the documented order). */
export function totpUrl(issuer: string, account: string, secret: string): string {
  const i = encodeURIComponent(issuer);
  return `otpauth://totp/${i}:${encodeURIComponent(account)}?secret=${secret}&issuer=${i}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_PERIOD}`;
}

/**
 * Checks a code against a secret (±1 step). Returns the matched time step, or null. Steps at or
 * before `afterStep` never match (already used).
 */
export async function matchTotp(secret: string, code: string, afterStep?: number): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: TOTP_PERIOD,
      period: TOTP_PERIOD,
      digits: TOTP_DIGITS,
      algorithm: "sha1",
      ...(afterStep ? { afterTimeStep: afterStep } : {}),
    });
    if (!result.valid || !("timeStep" in result)) return null;
    return afterStep && result.timeStep <= afterStep ? null : result.timeStep;
  } catch {
    return null;
  }
}

/** #2: a new pending secret (the active one, if any, keeps working until this one is activated). */
export async function setupTotp(userId: number, opts: { origin?: string } = {}): Promise<{ url: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("USER_NOT_FOUND");
  const secret = generateSecret({ length: TOTP_SECRET_BYTES });
  const pendingSecretEnc = encrypt(secret);
  await retryOnUniqueViolation(() =>
    db.totpFactor.upsert({ where: { userId }, create: { userId, pendingSecretEnc }, update: { pendingSecretEnc } }),
  );
  return { url: totpUrl(totpIssuer(opts.origin), user.email, secret) };
}

/**
 * Whether a set-up is waiting for its first code. The portal's wizard asks after a reload: the
 * person may have scanned that QR code already, and the code from their app still completes it.
 */
export async function hasPendingTotpSetup(userId: number): Promise<boolean> {
  const factor = await db.totpFactor.findUnique({ where: { userId }, select: { pendingSecretEnc: true } });
  return !!factor?.pendingSecretEnc;
}

/** #3: checks a code against the pending secret, activates it, and answers a fresh set of recovery codes. */
export async function enableTotp(userId: number, code: string, ctx: TwoFactorContext): Promise<{ recoveryCodes: string[] }> {
  const factor = await db.totpFactor.findUnique({ where: { userId } });
  if (!factor?.pendingSecretEnc) throw uninitialized();
  const pending = factor.pendingSecretEnc;
  const secret = unseal(pending);
  const attempt = await reserveAttempt(throttleKeys.totp(userId), "TOO_MANY_TOTP_CHECKS");
  const step = await matchTotp(secret, code);
  if (step === null) return failedGuess({ userId, factor: "totp", during: "setup" }, attempt, ctx, incorrect());
  await attempt.succeeded();

  const { codes, rows } = await prepareRecoveryCodes(userId);
  const replaced = !!factor.activatedAt;
  await db.$transaction(async (tx) => {
    // conditional on the pending secret we checked: a concurrent enable or a new setup wins instead
    const { count } = await tx.totpFactor.updateMany({
      where: { userId, pendingSecretEnc: pending },
      data: { secretEnc: pending, pendingSecretEnc: null, activatedAt: new Date(), lastUsedStep: step },
    });
    if (count !== 1) throw uninitialized();
    await storeRecoveryCodes(tx, userId, rows);
  });
  await recordSecurityEvent(userId, "totp.enabled", ctx.meta, { detail: { replacedSecret: replaced } });
  await notifyTwoFactorChange(userId, "2fa-method-added", ctx, "totp");
  return { recoveryCodes: codes };
}

/**
 * #4: checks a code against the active secret under the TOTP throttle. Each time step is taken
 * once, by a conditional update on `lastUsedStep`: of concurrent requests with one code, one wins.
 */
export async function authenticateWithTotp(actor: Actor, code: string, ctx: TwoFactorContext): Promise<AuthenticateResult> {
  const userId = actor.userId;
  // a direct read (lib/db/direct.ts): the second step of every TOTP login, and the path of guessing
  const factor = await selectOne<{ activatedAt: unknown; secretEnc: string | null; lastUsedStep: number }>`
    SELECT "activatedAt", "secretEnc", "lastUsedStep" FROM "TotpFactor" WHERE "userId" = ${userId}`;
  if (!factor?.activatedAt || !factor.secretEnc) throw uninitialized();
  const sealed = factor.secretEnc;
  const secret = unseal(sealed);
  const attempt = await reserveAttempt(throttleKeys.totp(userId), "TOO_MANY_TOTP_CHECKS");
  const step = await matchTotp(secret, code, factor.lastUsedStep);
  const guess = { userId, factor: "totp", during: checkedDuring(actor) } as const;
  if (step === null) return failedGuess(guess, attempt, ctx, incorrect());
  // the step is taken with the throttle's reset, in one transaction (direct writes: every TOTP login)
  try {
    await attempt.succeeded(
      mustChangeOne(sql`
        UPDATE "TotpFactor" SET "lastUsedStep" = ${step}
        WHERE "userId" = ${userId} AND "secretEnc" = ${sealed} AND "activatedAt" IS NOT NULL AND "lastUsedStep" < ${step}`),
    );
  } catch (error) {
    if (error instanceof NothingChanged) return failedGuess(guess, attempt, ctx, incorrect()); // replayed, or lost the race
    throw error;
  }
  return completeSecondFactor(actor, "totp", ctx);
}

/** #5: seconds until the next TOTP check may run; 409 when TOTP is neither active nor being set up. */
export async function totpWait(userId: number): Promise<{ duration: number }> {
  const factor = await db.totpFactor.findUnique({ where: { userId }, select: { activatedAt: true, pendingSecretEnc: true } });
  if (!factor || (!factor.activatedAt && !factor.pendingSecretEnc)) throw uninitialized();
  return { duration: await secondsUntilNextAttempt(throttleKeys.totp(userId)) };
}

/** #6: switches TOTP off (a pending secret goes too); the last method takes the recovery codes with it. */
export async function disableTotp(userId: number, ctx: TwoFactorContext & { actorId?: number }): Promise<void> {
  const { count } = await db.totpFactor.deleteMany({ where: { userId, activatedAt: { not: null } } });
  if (count !== 1) throw conflict("TOTP_ALREADY_INACTIVE");
  await afterMethodRemoved(userId, "totp", ctx);
}
