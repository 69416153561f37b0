import { db } from "../db";
import type { TwoFactorStatus } from "./schemas";

/**
 * #1: the user's active 2FA methods. A key is present only while that method is active;
 * `recoveryCodes` while 2FA is enabled and unused codes remain (spec §7).
 */
export async function twoFactorStatus(userId: number): Promise<TwoFactorStatus> {
  const [totp, emailOtp, codes] = await Promise.all([
    db.totpFactor.findUnique({ where: { userId }, select: { activatedAt: true } }),
    db.emailOtpFactor.findUnique({ where: { userId }, select: { activatedAt: true, email: true } }),
    db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { createdAt: true } }),
  ]);
  const status: TwoFactorStatus = { enabled: false };
  if (emailOtp?.activatedAt && emailOtp.email) status.emailOtp = { email: emailOtp.email, completedAt: emailOtp.activatedAt.toISOString() };
  if (totp?.activatedAt) status.totp = { completedAt: totp.activatedAt.toISOString() };
  status.enabled = !!(status.emailOtp || status.totp);
  if (status.enabled && codes.length > 0) {
    const createdAt = new Date(Math.min(...codes.map((c) => c.createdAt.getTime())));
    status.recoveryCodes = { completedAt: createdAt.toISOString(), remaining: codes.length };
  }
  return status;
}
