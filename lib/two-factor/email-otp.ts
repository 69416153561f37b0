import { db, retryOnUniqueViolation } from "../db";
import { ApiError, conflict, notFound, unauthorized } from "../errors";
import { currentEmailCode, issueEmailCode, verifyEmailCode, withdrawEmailCode, type CodePurpose } from "../email-codes";
import { recordSecurityEvent } from "../events";
import { assertAllowedMailProvider, resolveMailConfiguration, sendMail, type MailOptions } from "../mail";
import { claimSlot, reserveAttempt, secondsUntilNextAttempt, throttleKeys } from "../throttle";
import { normalizeEmail } from "../users/schemas";
import { completeSecondFactor, type AuthenticateResult } from "./complete";
import { checkedDuring, failedGuess, notifyTwoFactorChange, type Actor, type TwoFactorContext } from "./context";
import { afterMethodRemoved } from "./deactivate";
import { prepareRecoveryCodes, storeRecoveryCodes } from "./recovery-codes";

// Email OTP as a second factor (docs/api.md §4 #7–#12, §5): one code mail per 60 s per account (setup
// and challenge share the slot), codes from lib/email-codes (10 min, single use, 5 wrong tries),
// and wrong codes at login count toward the factor's own §5 throttle.

export const CODE_MAIL_INTERVAL_SECONDS = 60;
/** The "one code mail per 60 s per account" slot shared by setup and challenge. */
export const codeMailKey = (userId: number) => `email-otp-mail:${userId}`;

const SETUP: CodePurpose = "2fa-setup";
const LOGIN: CodePurpose = "2fa-login";

/**
 * Mails a fresh code for `purpose` to `to`. Order matters (docs/api.md §1): the brand is resolved before
 * the slot is claimed (unknown origin: 500, nothing sent, no slot used); when the transport fails
 * the slot is released and the earlier code restored, so no unseen code counts.
 */
async function mailCode(userId: number, purpose: CodePurpose, to: string, mail: MailOptions = {}) {
  resolveMailConfiguration(mail.origin);
  const release = await claimSlot(codeMailKey(userId), CODE_MAIL_INTERVAL_SECONDS, "TOO_MANY_OTP_EMAILS");
  const previous = await currentEmailCode(userId, purpose).catch(() => null);
  let code: string;
  try {
    code = await issueEmailCode(userId, purpose, to);
  } catch (error) {
    await release();
    throw error;
  }
  try {
    await sendMail({ to, template: "2fa-email-code", data: { code }, origin: mail.origin, language: mail.language, userId });
  } catch (error) {
    await withdrawEmailCode(userId, purpose, previous).catch(() => undefined);
    await release();
    throw error;
  }
}

/** #7: mails a code to `email`; the address is pending until #8 (an active address keeps working). */
export async function setupEmailOtp(userId: number, email: string, ctx: TwoFactorContext): Promise<void> {
  const address = normalizeEmail(email);
  resolveMailConfiguration(ctx.mail?.origin);
  assertAllowedMailProvider(address);
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound("USER_NOT_FOUND");
  await mailCode(userId, SETUP, address, ctx.mail);
  await retryOnUniqueViolation(() =>
    db.emailOtpFactor.upsert({ where: { userId }, create: { userId, pendingEmail: address }, update: { pendingEmail: address } }),
  );
}

/** #8: the code from the setup mail activates the pending address and answers a fresh set of recovery codes. */
export async function enableEmailOtp(userId: number, otp: string, ctx: TwoFactorContext): Promise<{ recoveryCodes: string[] }> {
  const factor = await db.emailOtpFactor.findUnique({ where: { userId } });
  if (!factor?.pendingEmail) throw conflict("EMAIL_OTP_UNINITIALIZED");
  const pending = factor.pendingEmail;
  const { target } = await verifyEmailCode(userId, SETUP, otp, { consume: true });
  if (normalizeEmail(target) !== pending) throw unauthorized("OTP_INVALID_EXPIRED");

  const { codes, rows } = await prepareRecoveryCodes(userId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.emailOtpFactor.updateMany({
      where: { userId, pendingEmail: pending },
      data: { email: pending, pendingEmail: null, activatedAt: new Date() },
    });
    if (count !== 1) throw unauthorized("OTP_INVALID_EXPIRED"); // a newer setup replaced the address
    await storeRecoveryCodes(tx, userId, rows);
  });
  await recordSecurityEvent(userId, "email_otp.enabled", ctx.meta, { detail: { email: pending, replacedAddress: factor.email ?? null } });
  await notifyTwoFactorChange(userId, "2fa-method-added", ctx, "emailOtp");
  return { recoveryCodes: codes };
}

async function activeAddress(userId: number): Promise<string | null> {
  const factor = await db.emailOtpFactor.findUnique({ where: { userId }, select: { email: true, activatedAt: true } });
  return factor?.activatedAt && factor.email ? factor.email : null;
}

/** #9: mails a login code to the active address. */
export async function challengeEmailOtp(userId: number, ctx: TwoFactorContext): Promise<void> {
  const address = await activeAddress(userId);
  if (!address) throw conflict("EMAIL_OTP_UNINITIALIZED");
  await mailCode(userId, LOGIN, address, ctx.mail);
}

/** #10: checks the login code under the factor's throttle (and the code's own 5-try budget). */
export async function authenticateWithEmailOtp(actor: Actor, otp: string, ctx: TwoFactorContext): Promise<AuthenticateResult> {
  const userId = actor.userId;
  const address = await activeAddress(userId);
  if (!address) throw conflict("EMAIL_OTP_INACTIVE");
  const attempt = await reserveAttempt(throttleKeys.emailOtp(userId), "TOO_MANY_OTP_CHECKS");
  const guess = { userId, factor: "emailOtp", during: checkedDuring(actor) } as const;
  let target: string;
  try {
    ({ target } = await verifyEmailCode(userId, LOGIN, otp, { consume: true }));
  } catch (error) {
    if (error instanceof ApiError && error.code === "OTP_INVALID_EXPIRED") return failedGuess(guess, attempt, ctx, error);
    throw error;
  }
  // a code mailed to an address that is no longer the active one proves nothing
  if (normalizeEmail(target) !== address) return failedGuess(guess, attempt, ctx, unauthorized("OTP_INVALID_EXPIRED"));
  await attempt.succeeded();
  return completeSecondFactor(actor, "emailOtp", ctx);
}

/** #11: seconds until the next code mail may go (setup or challenge); 409 when neither active nor being set up. */
export async function emailOtpWait(userId: number): Promise<{ duration: number }> {
  const factor = await db.emailOtpFactor.findUnique({ where: { userId }, select: { activatedAt: true, pendingEmail: true } });
  if (!factor || (!factor.activatedAt && !factor.pendingEmail)) throw conflict("EMAIL_OTP_UNINITIALIZED");
  return { duration: await secondsUntilNextAttempt(codeMailKey(userId)) };
}

/** #12: switches email OTP off (a pending address goes too); the last method takes the recovery codes with it. */
export async function disableEmailOtp(userId: number, ctx: TwoFactorContext & { actorId?: number }): Promise<void> {
  const { count } = await db.emailOtpFactor.deleteMany({ where: { userId, activatedAt: { not: null } } });
  if (count !== 1) throw conflict("EMAIL_OTP_ALREADY_INACTIVE");
  await db.emailCode.deleteMany({ where: { userId, purpose: { in: [SETUP, LOGIN] } } });
  await afterMethodRemoved(userId, "emailOtp", ctx);
}
