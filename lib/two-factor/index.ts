// The second factor (docs/api.md §4 #1–#15): domain services with no HTTP in them. The API routes
// (lib/api/two-factor.ts) and the portal call these, so every rule lives here once.
export { activeMethods, hasActiveSecondFactor, type TwoFactorMethod } from "./methods";
export type { Actor, FactorName, TwoFactorContext } from "./context";
export { completeSecondFactor, type AuthenticateResult, type LoginTokens, type SudoTokens } from "./complete";
export { twoFactorStatus } from "./status";
export { setupTotp, enableTotp, authenticateWithTotp, totpWait, disableTotp, totpUrl, totpIssuer, matchTotp, TOTP_PERIOD } from "./totp";
export {
  setupEmailOtp,
  enableEmailOtp,
  challengeEmailOtp,
  authenticateWithEmailOtp,
  emailOtpWait,
  disableEmailOtp,
  codeMailKey,
  CODE_MAIL_INTERVAL_SECONDS,
} from "./email-otp";
export {
  authenticateWithRecoveryCode,
  recoveryCodeWait,
  resetRecoveryCodes,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  deleteRecoveryCodes,
} from "./recovery-codes";
export * from "./schemas";
