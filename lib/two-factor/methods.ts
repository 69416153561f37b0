import { db } from "../db";

export type TwoFactorMethod = "totp" | "emailOtp" | "recoveryCode";

/** Spec §7: `methods` lists totp and emailOtp when active, recoveryCode while unused codes exist. */
export async function activeMethods(userId: number): Promise<TwoFactorMethod[]> {
  const [totp, emailOtp, codes] = await Promise.all([
    db.totpFactor.findUnique({ where: { userId }, select: { activatedAt: true } }),
    db.emailOtpFactor.findUnique({ where: { userId }, select: { activatedAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  const methods: TwoFactorMethod[] = [];
  if (totp?.activatedAt) methods.push("totp");
  if (emailOtp?.activatedAt) methods.push("emailOtp");
  if (codes > 0 && methods.length > 0) methods.push("recoveryCode");
  return methods;
}

/** 2FA is "enabled" while TOTP or email OTP is active (spec §7). */
export async function hasActiveSecondFactor(userId: number): Promise<boolean> {
  const [totp, emailOtp] = await Promise.all([
    db.totpFactor.count({ where: { userId, activatedAt: { not: null } } }),
    db.emailOtpFactor.count({ where: { userId, activatedAt: { not: null } } }),
  ]);
  return totp + emailOtp > 0;
}
