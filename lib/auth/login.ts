import { selectOne, toDate } from "../db";
import { writeTogether } from "../db/direct-writes";
import { noteSignInDevice } from "../devices";
import { apiError, forbidden, internal, unauthorized } from "../errors";
import { securityEventInsert, type EventKind, type RequestMeta } from "../events";
import type { Defer } from "../mail";
import { verifySecret } from "../passwords";
import { newSession } from "../sessions";
import type { Attempt } from "../throttle";
import { issuePartialToken } from "../tokens/jwt";
import { activeMethods } from "../two-factor/methods";
import { normalizeEmail } from "../users";
import { pruneUnknownAddressCounters, refuseUnknownAddress, reservePasswordAttempt } from "./password-throttle";
import type { LoginBody } from "./schemas";

export { loginBody } from "./schemas";

/**
 * Checks a password under the account's throttle. Wrong passwords count toward the wait
 * (docs/api.md §5) and are recorded, `failureEvents` and from the 5th failure on
 * `throttle.triggered`, in one transaction. A right one answers the attempt: the caller resets it
 * (`succeeded`) in one transaction with what the success writes. An address without an account
 * goes through the same steps in ./password-throttle.ts: keep the two in step.
 */
async function passwordAttempt(
  user: { id: number; passwordHash: string | null },
  password: string,
  meta: RequestMeta,
  failureEvents: EventKind[],
): Promise<Attempt> {
  if (!user.passwordHash) throw internal("NO_PASSWORD_INFO");
  const attempt = await reservePasswordAttempt(user.id);
  if (await verifySecret(user.passwordHash, password)) return attempt;
  const triggered =
    attempt.failures >= 5 ? [{ kind: "throttle.triggered" as const, detail: { factor: "password", failures: attempt.failures } }] : [];
  await writeTogether(
    [...triggered, ...failureEvents.map((kind) => ({ kind, detail: undefined }))].map(({ kind, detail }) =>
      securityEventInsert(user.id, kind, meta, { detail }),
    ),
  );
  throw unauthorized("PASSWORD_INCORRECT");
}

/** The old-password check of a password change: the login's throttle, and a right password resets it. */
export async function checkPassword(user: { id: number; passwordHash: string | null }, password: string, meta: RequestMeta) {
  const attempt = await passwordAttempt(user, password, meta, []);
  await attempt.succeeded();
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
  // every outcome past the password is written with the throttle's reset, in one transaction
  const attempt = await passwordAttempt(user, body.password, meta, ["login.failure"]);
  if (user.lockedAt) {
    await attempt.succeeded(securityEventInsert(user.id, "login.locked", meta));
    throw forbidden("ACCOUNT_LOCKED");
  }
  const methods = await activeMethods(user.id);
  if (methods.length > 0) {
    await attempt.succeeded(securityEventInsert(user.id, "login.2fa_required", meta));
    throw apiError("2FA_REQUIRED", { partialToken: await issuePartialToken(user.id, user.sessionEpoch), methods });
  }
  const session = newSession(user.id, meta);
  await attempt.succeeded(session.insert, securityEventInsert(user.id, "login.success", meta));
  await noteSignInDevice(user.id, meta, opts);
  return { refreshToken: session.refreshToken, sessionId: session.sessionId, userId: user.id };
}
