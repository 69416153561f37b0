import { selectOne, toDate } from "../db";

export type TwoFactorMethod = "totp" | "emailOtp" | "passkey" | "recoveryCode";

/** Everything the status, the login's `methods` and the 2FA checks need, in one statement. */
export interface SecondFactorState {
  totpActivatedAt: Date | null;
  emailOtpActivatedAt: Date | null;
  /** the active email-OTP address */
  emailOtpAddress: string | null;
  unusedRecoveryCodes: number;
  /** when the oldest unused recovery code was made */
  recoveryCodesCreatedAt: Date | null;
  passkeys: number;
  /** when the oldest passkey was registered */
  passkeysCreatedAt: Date | null;
}

// A direct read (lib/db/direct.ts): GET /user/2fa and every login ask this, so it is one
// statement instead of three Prisma calls. Outside transactions only; callers run it after their
// own writes have committed.
export async function secondFactorState(userId: number): Promise<SecondFactorState> {
  const row = await selectOne<Record<keyof SecondFactorState, unknown>>`
    SELECT t."activatedAt" AS "totpActivatedAt", e."activatedAt" AS "emailOtpActivatedAt", e."email" AS "emailOtpAddress",
      (SELECT CAST(COUNT(*) AS INTEGER) FROM "RecoveryCode" r WHERE r."userId" = u."id" AND r."usedAt" IS NULL) AS "unusedRecoveryCodes",
      (SELECT MIN(r."createdAt") FROM "RecoveryCode" r WHERE r."userId" = u."id" AND r."usedAt" IS NULL) AS "recoveryCodesCreatedAt",
      (SELECT CAST(COUNT(*) AS INTEGER) FROM "Passkey" p WHERE p."userId" = u."id") AS "passkeys",
      (SELECT MIN(p."createdAt") FROM "Passkey" p WHERE p."userId" = u."id") AS "passkeysCreatedAt"
    FROM "User" u
    LEFT JOIN "TotpFactor" t ON t."userId" = u."id"
    LEFT JOIN "EmailOtpFactor" e ON e."userId" = u."id"
    WHERE u."id" = ${userId}`;
  return {
    totpActivatedAt: toDate(row?.totpActivatedAt),
    emailOtpActivatedAt: toDate(row?.emailOtpActivatedAt),
    emailOtpAddress: (row?.emailOtpAddress as string | null) ?? null,
    unusedRecoveryCodes: Number(row?.unusedRecoveryCodes ?? 0),
    recoveryCodesCreatedAt: toDate(row?.recoveryCodesCreatedAt),
    passkeys: Number(row?.passkeys ?? 0),
    passkeysCreatedAt: toDate(row?.passkeysCreatedAt),
  };
}

/** 2FA is "enabled" while TOTP, email OTP or a passkey is active (docs/api.md §7, §9). */
export const isSecondFactorEnabled = (state: SecondFactorState) =>
  !!(state.totpActivatedAt || state.emailOtpActivatedAt || state.passkeys > 0);

/** docs/api.md §7, §9: `methods` lists totp, emailOtp and passkey when active, recoveryCode while unused codes exist. */
export async function activeMethods(userId: number): Promise<TwoFactorMethod[]> {
  const state = await secondFactorState(userId);
  const methods: TwoFactorMethod[] = [];
  if (state.totpActivatedAt) methods.push("totp");
  if (state.emailOtpActivatedAt) methods.push("emailOtp");
  if (state.passkeys > 0) methods.push("passkey");
  if (state.unusedRecoveryCodes > 0 && methods.length > 0) methods.push("recoveryCode");
  return methods;
}

export async function hasActiveSecondFactor(userId: number): Promise<boolean> {
  return isSecondFactorEnabled(await secondFactorState(userId));
}
