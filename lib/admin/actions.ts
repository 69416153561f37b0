import { randomToken, sha256 } from "../crypto";
import { db, type Prisma } from "../db";
import { conflict, notFound } from "../errors";
import { recordSecurityEvent, type EventKind, type RequestMeta } from "../events";
import { log } from "../log";
import { notifyAccountHolder, resolveMailConfiguration, sendMail, type MailOptions } from "../mail";
import { portalLink, RESET_LINK_TTL_SECONDS } from "../password-reset";
import { endAccountSessions, endPartialTokens } from "../sessions";
import { createUser } from "../users";
import { ADMIN_ROLE } from "./authorize";
import { toUserSummary } from "./users";
import type { CreateUserResult } from "./schemas";

// What an administrator can do to an account. Every action:
//  - is authorised by the caller's own sudo token (token rule "admin-sudo": a second factor moments ago),
//  - is recorded on the account it changed (the specific kind, actorId = the administrator) and on
//    the administrator's own account (`admin.action` with { action, targetUserId }),
//  - mails the account holder where they would want to know (locked, 2FA reset, reset link, setup link).
// Checks that guard the set of administrators (never remove or lock the last one) run inside a
// serializable transaction, so two administrators demoting each other at once cannot both win.

export type AdminActionName =
  "create-account" | "lock" | "unlock" | "revoke-sessions" | "reset-2fa" | "send-password-reset" | "grant-admin" | "revoke-admin";

export interface Actor {
  /** the administrator acting */
  userId: number;
  meta: RequestMeta;
}

/** A link to set the first password: longer-lived than a reset link, same single-use rules and page. */
export const ACCOUNT_SETUP_LINK_TTL_SECONDS = 24 * 60 * 60;

/** Both records of an action; pass the transaction of the change so neither can exist without the other. */
async function recordBoth(
  actor: Actor,
  targetUserId: number,
  action: AdminActionName,
  kind: EventKind,
  detail?: Record<string, unknown>,
  tx: Prisma.TransactionClient = db,
) {
  // an action without a kind of its own is recorded on the account as admin.action too
  const targetDetail = kind === "admin.action" ? { action, ...detail } : detail;
  await recordSecurityEvent(
    targetUserId,
    kind,
    actor.meta,
    { actorId: actor.userId, ...(targetDetail ? { detail: targetDetail } : {}) },
    tx,
  );
  await recordSecurityEvent(
    actor.userId,
    "admin.action",
    actor.meta,
    { actorId: actor.userId, detail: { action, targetUserId, ...detail } },
    tx,
  );
}

async function requireTarget(tx: Prisma.TransactionClient, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, lockedAt: true, email: true } });
  if (!user) throw notFound("USER_NOT_FOUND");
  return user;
}

// Prisma reports a serialization failure as P2034, or (through the pg driver adapter) as a
// DriverAdapterError whose cause is of kind "TransactionWriteConflict".
const isWriteConflict = (error: unknown) => {
  const e = error as { code?: string; message?: string; name?: string; cause?: { kind?: string } } | null;
  return (
    e?.code === "P2034" ||
    e?.cause?.kind === "TransactionWriteConflict" ||
    /TransactionWriteConflict|could not serialize|deadlock detected|SQLITE_BUSY|database is locked/i.test(
      `${e?.name ?? ""} ${e?.message ?? ""}`,
    )
  );
};

/**
 * Runs `work` in a serializable transaction, retried on a serialization conflict. PostgreSQL
 * aborts one of two transactions whose reads and writes cross (A demotes B while B demotes A);
 * the retry then sees the other's commit. SQLite runs write transactions one at a time.
 */
async function serializable<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { isolationLevel: "Serializable", maxWait: 10_000, timeout: 10_000 });
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}

/** 409 LAST_ADMIN unless another unlocked administrator than `userId` remains. */
async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, userId: number) {
  const others = await tx.user.count({ where: { role: ADMIN_ROLE, lockedAt: null, id: { not: userId } } });
  if (others === 0) throw conflict("LAST_ADMIN");
}

// --- create -------------------------------------------------------------------------------------

/**
 * Creates an account without a password and mails its holder a single-use link (24 hours) to the
 * portal's set-password page. A failed mail does not undo the account: the answer says so, and
 * "send password reset" sends a new link.
 */
export async function createAccount(actor: Actor, email: string, mail: MailOptions = {}): Promise<CreateUserResult> {
  const brand = resolveMailConfiguration(mail.origin);
  const user = await createUser({ email, password: null }, actor.meta, actor.userId);
  await recordSecurityEvent(actor.userId, "admin.action", actor.meta, {
    actorId: actor.userId,
    detail: { action: "create-account", targetUserId: user.id },
  });
  const setupLinkSent = await mailLink(
    user.id,
    user.email,
    "account-setup-link",
    ACCOUNT_SETUP_LINK_TTL_SECONDS,
    brand.portalUrl,
    mail,
  ).then(
    () => true,
    (error) => {
      log.error({ userId: user.id, err: error instanceof Error ? error.message : String(error) }, "account setup mail not sent");
      return false;
    },
  );
  return { user: toUserSummary({ ...user, totp: null, emailOtp: null, _count: { passkeys: 0 } }), setupLinkSent };
}

/** Stores a single-use link (only its hash) and mails it; the link is withdrawn when the mail fails. */
async function mailLink(
  userId: number,
  to: string,
  template: "account-setup-link" | "password-reset-link",
  ttlSeconds: number,
  portalUrl: string,
  mail: MailOptions,
) {
  const token = randomToken(32);
  const tokenHash = sha256(token);
  await db.passwordResetLink.create({ data: { tokenHash, userId, expiresAt: new Date(Date.now() + ttlSeconds * 1000) } });
  try {
    await sendMail({
      to,
      template,
      data: { link: portalLink(portalUrl, "reset-password", token), minutes: Math.round(ttlSeconds / 60) },
      origin: mail.origin,
      language: mail.language,
      userId,
    });
  } catch (error) {
    await db.passwordResetLink.deleteMany({ where: { tokenHash } });
    throw error;
  }
}

// --- lock / unlock ------------------------------------------------------------------------------

/**
 * Locks an account: no sign-in (403 ACCOUNT_LOCKED) and every session ends at once. An
 * administrator cannot lock their own account, nor the last unlocked administrator.
 */
export async function lockAccount(actor: Actor, targetUserId: number, mail: MailOptions = {}): Promise<void> {
  resolveMailConfiguration(mail.origin);
  if (targetUserId === actor.userId) throw conflict("CANNOT_LOCK_OWN_ACCOUNT");
  await serializable(async (tx) => {
    const target = await requireTarget(tx, targetUserId);
    if (target.lockedAt) throw conflict("ACCOUNT_ALREADY_LOCKED");
    if (target.role === ADMIN_ROLE) await assertAnotherActiveAdmin(tx, targetUserId);
    await tx.user.update({ where: { id: targetUserId }, data: { lockedAt: new Date() } });
    // inside the lock: no session (nor login in the making) outlives it, even for a moment
    const sessionsEnded = await endAccountSessions(tx, targetUserId);
    await recordBoth(actor, targetUserId, "lock", "account.locked", { sessionsEnded }, tx);
  });
  await notifyAccountHolder(targetUserId, "account-locked", mail);
}

export async function unlockAccount(actor: Actor, targetUserId: number): Promise<void> {
  await serializable(async (tx) => {
    const target = await requireTarget(tx, targetUserId);
    if (!target.lockedAt) throw conflict("ACCOUNT_NOT_LOCKED");
    await tx.user.update({ where: { id: targetUserId }, data: { lockedAt: null } });
    await recordBoth(actor, targetUserId, "unlock", "account.unlocked", undefined, tx);
  });
}

// --- sessions -----------------------------------------------------------------------------------

/** Ends every session of the account (its refresh, access, sudo and partial tokens stop working). */
export async function endAllSessions(actor: Actor, targetUserId: number): Promise<{ sessionsEnded: number }> {
  return db.$transaction(async (tx) => {
    await requireTarget(tx, targetUserId);
    const sessionsEnded = await endAccountSessions(tx, targetUserId);
    await recordBoth(actor, targetUserId, "revoke-sessions", "sessions.revoked", { sessionsEnded }, tx);
    return { sessionsEnded };
  });
}

// --- 2FA ----------------------------------------------------------------------------------------

/**
 * Removes every second factor of the account: TOTP (active or pending), email OTP, passkeys, all recovery
 * codes, any outstanding 2FA email code and every partial token, in one transaction. The person
 * then signs in with their password alone and can set 2FA up again. 409 2FA_NOT_SET_UP when there
 * was nothing.
 */
export async function resetTwoFactor(
  actor: Actor,
  targetUserId: number,
  mail: MailOptions = {},
): Promise<{ removed: { totp: boolean; emailOtp: boolean; passkeys: number; recoveryCodes: number } }> {
  resolveMailConfiguration(mail.origin);
  const removed = await db.$transaction(async (tx) => {
    await requireTarget(tx, targetUserId);
    const totp = await tx.totpFactor.findUnique({ where: { userId: targetUserId }, select: { activatedAt: true } });
    const emailOtp = await tx.emailOtpFactor.findUnique({ where: { userId: targetUserId }, select: { activatedAt: true } });
    const t = await tx.totpFactor.deleteMany({ where: { userId: targetUserId } });
    const e = await tx.emailOtpFactor.deleteMany({ where: { userId: targetUserId } });
    const p = await tx.passkey.deleteMany({ where: { userId: targetUserId } });
    const r = await tx.recoveryCode.deleteMany({ where: { userId: targetUserId } });
    await tx.emailCode.deleteMany({ where: { userId: targetUserId, purpose: { in: ["2fa-setup", "2fa-login"] } } });
    await tx.passkeyChallenge.deleteMany({ where: { userId: targetUserId } });
    if (t.count + e.count + p.count + r.count === 0) throw conflict("2FA_NOT_SET_UP");
    // a login that got past the password before the reset must not finish with what comes after it
    await endPartialTokens(tx, targetUserId);
    const removed = { totp: !!totp?.activatedAt, emailOtp: !!emailOtp?.activatedAt, passkeys: p.count, recoveryCodes: r.count };
    await recordBoth(actor, targetUserId, "reset-2fa", "2fa.reset", { removed }, tx);
    return removed;
  });
  await notifyAccountHolder(targetUserId, "2fa-reset-by-admin", mail);
  return { removed };
}

// --- password -----------------------------------------------------------------------------------

/**
 * Mails the account holder a password reset link (1 hour, single use, the portal's reset page).
 * Unlike the public forgot-password call there is nothing to hide here: a failed delivery answers
 * 500 MAIL_DELIVERY_FAILED and the link is withdrawn.
 */
export async function sendPasswordReset(actor: Actor, targetUserId: number, mail: MailOptions = {}): Promise<void> {
  const brand = resolveMailConfiguration(mail.origin);
  const target = await requireTarget(db, targetUserId);
  await mailLink(target.id, target.email, "password-reset-link", RESET_LINK_TTL_SECONDS, brand.portalUrl, mail);
  await recordBoth(actor, targetUserId, "send-password-reset", "admin.action");
}

// --- role ---------------------------------------------------------------------------------------

export async function grantAdmin(actor: Actor, targetUserId: number): Promise<void> {
  await serializable(async (tx) => {
    const target = await requireTarget(tx, targetUserId);
    if (target.role === ADMIN_ROLE) throw conflict("ALREADY_ADMIN");
    await tx.user.update({ where: { id: targetUserId }, data: { role: ADMIN_ROLE } });
    await recordBoth(actor, targetUserId, "grant-admin", "admin.granted", undefined, tx);
  });
}

/**
 * Takes the administrator role away (also from oneself). 409 LAST_ADMIN when the account is the
 * last unlocked administrator: the count and the change share one serializable transaction.
 */
export async function revokeAdmin(actor: Actor, targetUserId: number): Promise<void> {
  await serializable(async (tx) => {
    const target = await requireTarget(tx, targetUserId);
    if (target.role !== ADMIN_ROLE) throw conflict("NOT_ADMIN");
    if (!target.lockedAt) await assertAnotherActiveAdmin(tx, targetUserId);
    await tx.user.update({ where: { id: targetUserId }, data: { role: "user" } });
    await recordBoth(actor, targetUserId, "revoke-admin", "admin.revoked", undefined, tx);
  });
}
