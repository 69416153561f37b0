import { recordSecurityEvent } from "../events";
import { notifyTwoFactorChange, type FactorName, type TwoFactorContext } from "./context";
import { hasActiveSecondFactor } from "./methods";
import { deleteRecoveryCodes } from "./recovery-codes";

/**
 * After a method was switched off: record it, tell the account holder, and when it was the last
 * active method, delete the recovery codes (they belong to an enabled 2FA). Checked after the
 * method's own delete, so of two concurrent deactivations at least one sees that none is left.
 */
export async function afterMethodRemoved(
  userId: number,
  method: Exclude<FactorName, "recoveryCode">,
  ctx: TwoFactorContext & { actorId?: number },
) {
  const last = !(await hasActiveSecondFactor(userId));
  if (last) await deleteRecoveryCodes(userId);
  await recordSecurityEvent(userId, method === "totp" ? "totp.disabled" : "email_otp.disabled", ctx.meta, {
    actorId: ctx.actorId,
    detail: { twoFactorEnabled: !last },
  });
  await notifyTwoFactorChange(userId, "2fa-method-removed", ctx, method);
}
