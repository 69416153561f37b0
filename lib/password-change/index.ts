import { checkPassword } from "../auth/login";
import { db, type Prisma } from "../db";
import { forbidden, internal, unauthorized } from "../errors";
import { recordSecurityEvent, type RequestMeta } from "../events";
import { notifyAccountHolder, type MailOptions } from "../mail";
import { assertAcceptablePassword, currentPasswordRefused, hashSecret } from "../passwords";
import { endAccountSessions } from "../sessions";
import { throttleKeys } from "../throttle";
import { requireUser } from "../users";
import type { ChangePasswordBody } from "./schemas";

export { changePasswordBody, type ChangePasswordBody } from "./schemas";

/**
 * Writes a new password hash and ends sessions (and partial tokens), inside the caller's
 * transaction so the two happen together or not at all. `keepSessionId` survives (a change keeps
 * the caller signed in; a reset keeps nobody). The password throttle starts afresh: the old count
 * was about another password.
 * Only `tx` may be used in here: with SQLite the transaction holds the one connection.
 */
export async function storeNewPassword(
  tx: Prisma.TransactionClient,
  userId: number,
  passwordHash: string,
  opts: { keepSessionId: string | null; expectedHash?: string | null },
): Promise<{ sessionsEnded: number }> {
  const where = { id: userId, lockedAt: null, ...(opts.expectedHash === undefined ? {} : { passwordHash: opts.expectedHash }) };
  const updated = await tx.user.updateMany({ where, data: { passwordHash } });
  if (updated.count !== 1) {
    // locked meanwhile (docs/api.md §8: a locked account keeps its password), or the password changed
    // under us (a concurrent change or reset): the checked one is no longer current
    const user = await tx.user.findUnique({ where: { id: userId }, select: { lockedAt: true } });
    throw user?.lockedAt ? forbidden("ACCOUNT_LOCKED") : unauthorized("PASSWORD_INCORRECT");
  }
  const sessionsEnded = await endAccountSessions(tx, userId, { keepSessionId: opts.keepSessionId });
  await tx.throttle.updateMany({ where: { key: throttleKeys.password(userId) }, data: { failures: 0, blockedUntil: null } });
  return { sessionsEnded };
}

/**
 * docs/api.md §4 #19: change the password knowing the old one. The new one must meet the policy (checked
 * first, so a rejected choice does not spend a password check); the old one is checked under the
 * password throttle of §5 (401 PASSWORD_INCORRECT, 429, 500 NO_PASSWORD_INFO); then the new one
 * must differ from it (§8, 400), before anything changes. Every other session ends; the caller's
 * stays. Recorded and announced to the account holder.
 */
export async function changePassword(
  principal: { userId: number; sessionId: string | null },
  body: ChangePasswordBody,
  meta: RequestMeta,
  mail: MailOptions = {},
): Promise<void> {
  const user = await requireUser(principal.userId);
  if (!user.passwordHash) throw internal("NO_PASSWORD_INFO");
  assertAcceptablePassword(body.newPassword, user.email, "newPassword");
  await checkPassword(user, body.oldPassword, meta);
  // the old password just proved to be the current one, so comparing the two tells it exactly
  if (body.newPassword === body.oldPassword) throw currentPasswordRefused("newPassword");
  const passwordHash = await hashSecret(body.newPassword);
  await db.$transaction(async (tx) => {
    const { sessionsEnded } = await storeNewPassword(tx, user.id, passwordHash, {
      keepSessionId: principal.sessionId,
      expectedHash: user.passwordHash,
    });
    await recordSecurityEvent(user.id, "password.changed", meta, { detail: { otherSessionsEnded: sessionsEnded } }, tx);
  });
  await notifyAccountHolder(user.id, "password-changed", mail);
}
