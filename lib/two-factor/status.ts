import { isSecondFactorEnabled, secondFactorState } from "./methods";
import type { TwoFactorStatus } from "./schemas";

/**
 * #1: the user's active 2FA methods. A key is present only while that method is active;
 * `recoveryCodes` while 2FA is enabled and unused codes remain (docs/api.md §7).
 */
export async function twoFactorStatus(userId: number): Promise<TwoFactorStatus> {
  const state = await secondFactorState(userId);
  const status: TwoFactorStatus = { enabled: isSecondFactorEnabled(state) };
  if (state.emailOtpActivatedAt && state.emailOtpAddress) {
    status.emailOtp = { email: state.emailOtpAddress, completedAt: state.emailOtpActivatedAt.toISOString() };
  }
  if (state.totpActivatedAt) status.totp = { completedAt: state.totpActivatedAt.toISOString() };
  if (state.passkeys > 0 && state.passkeysCreatedAt) {
    status.passkeys = { count: state.passkeys, completedAt: state.passkeysCreatedAt.toISOString() };
  }
  if (status.enabled && state.unusedRecoveryCodes > 0 && state.recoveryCodesCreatedAt) {
    status.recoveryCodes = { completedAt: state.recoveryCodesCreatedAt.toISOString(), remaining: state.unusedRecoveryCodes };
  }
  return status;
}
