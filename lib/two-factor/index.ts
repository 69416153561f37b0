// The second factor (docs/api.md §4 #1–#15): domain services with no HTTP in them. The API routes
// (lib/api/two-factor.ts) and the portal call these, so every rule lives here once.
export type { TwoFactorMethod } from "./methods";
export type { Actor, FactorName, TwoFactorContext } from "./context";
export type { AuthenticateResult, LoginTokens, SudoTokens } from "./complete";
export { twoFactorStatus } from "./status";
export { setupTotp, hasPendingTotpSetup, enableTotp, authenticateWithTotp, totpWait, disableTotp } from "./totp";
export { setupEmailOtp, enableEmailOtp, challengeEmailOtp, authenticateWithEmailOtp, emailOtpWait, disableEmailOtp } from "./email-otp";
export { authenticateWithRecoveryCode, recoveryCodeWait, resetRecoveryCodes } from "./recovery-codes";
export * from "./schemas";
