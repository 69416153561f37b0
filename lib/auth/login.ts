import { selectOne, toDate } from "../db";
import { noteSignInDevice } from "../devices";
import { ApiError, apiError, forbidden, internal, unauthorized } from "../errors";
import { recordSecurityEvent, type RequestMeta } from "../events";
import type { Defer } from "../mail";
import { verifySecret } from "../passwords";
import { createSession } from "../sessions";
import { issuePartialToken } from "../tokens/jwt";
import { activeMethods } from "../two-factor/methods";
import { normalizeEmail } from "../users";
import { pruneUnknownAddressCounters, refuseUnknownAddress, reservePasswordAttempt } from "./password-throttle";
import type { LoginBody } from "./schemas";

export { loginBody } from "./schemas";

/**
 * Checks a password under the account's throttle. Wrong passwords count toward the wait
 * (docs/api.md §5); a right one resets it. Shared by login and the password change. An address without
 * an account goes through the same steps in ./password-throttle.ts: keep the two in step.
 */
export async function checkPassword(user: { id: number; passwordHash: string | null }, password: string, meta: RequestMeta) {
  if (!user.passwordHash) throw internal("NO_PASSWORD_INFO");
  const attempt = await reservePasswordAttempt(user.id);
  if (await verifySecret(user.passwordHash, password)) {
    await attempt.succeeded();
    return;
  }
  if (attempt.failures >= 5)
    await recordSecurityEvent(user.id, "throttle.triggered", meta, { detail: { factor: "password", failures: attempt.failures } });
  throw unauthorized("PASSWORD_INCORRECT");
}

// A direct read (lib/db/direct.ts): every login starts here.
async function findLoginAccount(username: string) {
  const row = await selectOne<{ id: number; passwordHash: string | null; lockedAt: unknown; sessionEpoch: number }>`
    SELECT "id", "passwordHash", "lockedAt", "sessionEpoch" FROM "User" WHERE "email" = ${normalizeEmail(username)}`;
  return row && { id: row.id, passwordHash: row.passwordHash, lockedAt: toDate(row.lockedAt), sessionEpoch: Number(row.sessionEpoch) };
}

/**
 * Password login. Without 2FA: a new session (its refresh token). With 2FA: 401 2FA_REQUIRED
 * carrying a partial token and the active methods (docs/api.md §2.1). A sign-in from a new device is
 * mailed (lib/devices) after the answer when the route hands in `defer`.
 */
export async function loginWithPassword(
  body: LoginBody,
  meta: RequestMeta,
  opts: { defer?: Defer } = {},
): Promise<{ refreshToken: string; sessionId: string; userId: number }> {
  pruneUnknownAddressCounters();
  const user = await findLoginAccount(body.username);
  if (!user) return refuseUnknownAddress(body.username, body.password);
  try {
    await checkPassword(user, body.password, meta);
  } catch (error) {
    if (error instanceof ApiError && error.code === "PASSWORD_INCORRECT") await recordSecurityEvent(user.id, "login.failure", meta);
    throw error;
  }
  if (user.lockedAt) {
    await recordSecurityEvent(user.id, "login.locked", meta);
    throw forbidden("ACCOUNT_LOCKED");
  }
  const methods = await activeMethods(user.id);
  if (methods.length > 0) {
    await recordSecurityEvent(user.id, "login.2fa_required", meta);
    throw apiError("2FA_REQUIRED", { partialToken: await issuePartialToken(user.id, user.sessionEpoch), methods });
  }
  const { session, refreshToken } = await createSession(user.id, meta);
  await recordSecurityEvent(user.id, "login.success", meta);
  await noteSignInDevice(user.id, meta, opts);
  return { refreshToken, sessionId: session.id, userId: user.id };
}
