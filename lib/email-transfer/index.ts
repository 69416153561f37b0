import { randomToken, sha256 } from "../crypto";
import { db, isUniqueViolation } from "../db";
import { currentEmailCode, issueEmailCode, verifyEmailCode, withdrawEmailCode } from "../email-codes";
import { conflict, unauthorized } from "../errors";
import { recordSecurityEvent, type RequestMeta } from "../events";
import { log } from "../log";
import { assertAllowedMailProvider, resolveMailConfiguration, sendMail, type MailOptions } from "../mail";
import {
  assertLinkUsable,
  linkErrors,
  linkState,
  newPasswordResetLinkToken,
  portalLink,
  RESET_LINK_TTL_SECONDS,
  type LinkState,
} from "../password-reset";
import { endAccountSessions } from "../sessions";
import { assertBudgetLeft, claimSlot, slidingBudget, spendBudget } from "../throttle";
import { findUserByEmail, normalizeEmail, requireUser } from "../users";

export * from "./schemas";

// docs/api.md §4 #20–#21, §5 "transfer mails: one per 60 s per account", and the undo link (ours).
export const TRANSFER_MAIL_INTERVAL_SECONDS = 60;
export const UNDO_LINK_TTL_SECONDS = 7 * 24 * 60 * 60;
export const transferThrottleKey = (userId: number) => `email-transfer-mail:${userId}`;

// §8 "Address checks": a 409 tells that an address has an account, so an account gets at most 3
// of them in any 10 minutes; past that every initiate answers 429, taken address or free, until
// the oldest of the three leaves the window. A 409 does not touch the mail slot.
export const addressCheckBudget = (userId: number) =>
  slidingBudget({ name: "email-in-use", owner: userId, uses: 3, windowSeconds: 10 * 60, code: "TOO_MANY_TRANSFER_ATTEMPTS" });

const inUse = () => conflict("NEW_EMAIL_ALREADY_IN_USE");
const invalidCode = () => unauthorized("OTP_INVALID_EXPIRED");

/**
 * #20: mails a code to the new address. Refused before the mail slot is used: an unknown brand
 * (500), a spent address-check budget (429), a disposable provider (403), an address already in
 * use — by another account or this one (409, which spends the budget and is a security event).
 * The address is remembered with the code; the account's address changes only on completion.
 */
export async function initiateEmailTransfer(userId: number, newEmail: string, meta: RequestMeta, mail: MailOptions = {}): Promise<void> {
  resolveMailConfiguration(mail.origin);
  const budget = addressCheckBudget(userId);
  await assertBudgetLeft(budget);
  const target = normalizeEmail(newEmail);
  assertAllowedMailProvider(target);
  const user = await requireUser(userId);
  if (target === user.email || (await findUserByEmail(target))) {
    await spendBudget(budget, (tx) =>
      recordSecurityEvent(userId, "email.transfer_address_taken", meta, { detail: { newEmail: target } }, tx),
    );
    throw inUse();
  }
  const release = await claimSlot(transferThrottleKey(userId), TRANSFER_MAIL_INTERVAL_SECONDS, "TOO_MANY_TRANSFER_ATTEMPTS");
  const previous = await currentEmailCode(userId, "email-transfer");
  const code = await issueEmailCode(userId, "email-transfer", target);
  try {
    await sendMail({
      to: target,
      template: "email-transfer-code",
      data: { code, newEmail: target },
      origin: mail.origin,
      language: mail.language,
      userId,
    });
  } catch (error) {
    await withdrawEmailCode(userId, "email-transfer", previous);
    await release();
    throw error;
  }
  await recordSecurityEvent(userId, "email.transfer_started", meta, { detail: { newEmail: target } });
}

/**
 * #21: with the code mailed to the new address, the account moves to it. In one transaction: the
 * code is used up, the address is re-checked (409; the unique index settles a race), the email is
 * set, outstanding password-reset links die (they went to the old address), and an undo link is
 * stored (hashed, 7 days). The old address is then told, with that link. The address that receives
 * 2FA email codes (EmailOtpFactor.email) is a separate setting and does not change.
 */
export async function completeEmailTransfer(userId: number, otp: string, meta: RequestMeta, mail: MailOptions = {}): Promise<void> {
  const brand = resolveMailConfiguration(mail.origin);
  const before = await currentEmailCode(userId, "email-transfer");
  if (!before) throw invalidCode();
  const { target } = await verifyEmailCode(userId, "email-transfer", otp, { consume: false });
  const holder = await findUserByEmail(target);
  // the account itself holding the address means a concurrent request completed this transfer
  if (holder) throw holder.id === userId ? invalidCode() : inUse();
  const undoToken = randomToken(32);
  let oldEmail: string;
  try {
    oldEmail = await db.$transaction(async (tx) => {
      const used = await tx.emailCode.deleteMany({ where: { userId, purpose: "email-transfer", codeHash: before.codeHash } });
      if (used.count !== 1) throw invalidCode(); // used up or replaced meanwhile
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      if (await tx.user.findUnique({ where: { email: target }, select: { id: true } })) throw inUse();
      await tx.user.update({ where: { id: userId }, data: { email: target } });
      await tx.passwordResetLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
      await tx.emailCode.deleteMany({ where: { userId, purpose: "password-reset" } });
      await tx.emailChangeUndo.create({
        data: {
          tokenHash: sha256(undoToken),
          userId,
          oldEmail: user.email,
          newEmail: target,
          expiresAt: new Date(Date.now() + UNDO_LINK_TTL_SECONDS * 1000),
        },
      });
      await recordSecurityEvent(userId, "email.transfer_completed", meta, { detail: { oldEmail: user.email, newEmail: target } }, tx);
      return user.email;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw inUse(); // another account took the address in between
    throw error;
  }
  try {
    await sendMail({
      to: oldEmail,
      template: "email-change-undo",
      data: { link: portalLink(brand.portalUrl, "undo-email-change", undoToken), oldEmail, newEmail: target },
      origin: mail.origin,
      language: mail.language,
      userId,
    });
  } catch (err) {
    // the change is committed; the notice is best effort (the transport records the failure)
    log.error({ err, userId }, "email-change undo notice failed");
  }
}

/** What the undo page shows before asking for confirmation. */
export async function inspectEmailChangeUndo(token: string): Promise<{ state: LinkState; oldEmail?: string; newEmail?: string }> {
  if (!token || token.length > 128) return { state: "unknown" };
  const row = await db.emailChangeUndo.findUnique({ where: { tokenHash: sha256(token) } });
  const state = linkState(row);
  return state === "valid" && row ? { state, oldEmail: row.oldEmail, newEmail: row.newEmail } : { state };
}

/**
 * The undo link (ours, `POST /v1/auth/undo-email-change`): the account goes back to the old
 * address, if no other account has taken it meanwhile (409 OLD_EMAIL_ALREADY_IN_USE).
 *
 * Whoever moved the account away had a live session and may have changed the password too, so
 * restoring the address alone would leave them in. The undo therefore also ends every session and
 * clears the password (login then answers NO_PASSWORD_INFO), and mails a fresh password-reset link
 * to the restored address: the only way back in is through the mailbox that just proved itself by
 * opening this link. Outstanding reset codes and links (sent to the other address) die, and so do
 * undo links of later moves, so a chain of moves cannot be replayed forwards; links of earlier
 * moves stay usable so the first owner can still walk it back.
 */
export async function undoEmailChange(token: string, meta: RequestMeta, mail: MailOptions = {}): Promise<void> {
  const brand = resolveMailConfiguration(mail.origin);
  const tokenHash = sha256(token);
  const row = await db.emailChangeUndo.findUnique({ where: { tokenHash } });
  assertLinkUsable(row);
  const reset = newPasswordResetLinkToken();
  try {
    await db.$transaction(async (tx) => {
      const now = new Date();
      const claimed = await tx.emailChangeUndo.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) {
        const state = linkState(await tx.emailChangeUndo.findUnique({ where: { tokenHash } }), now);
        throw linkErrors[state === "valid" ? "used" : state]();
      }
      await tx.emailChangeUndo.updateMany({
        where: { userId: row.userId, usedAt: null, createdAt: { gte: row.createdAt } },
        data: { usedAt: now },
      });
      const holder = await tx.user.findUnique({ where: { email: row.oldEmail }, select: { id: true } });
      if (holder && holder.id !== row.userId) throw conflict("OLD_EMAIL_ALREADY_IN_USE");
      await tx.user.update({ where: { id: row.userId }, data: { email: row.oldEmail, passwordHash: null } });
      await endAccountSessions(tx, row.userId);
      await tx.emailCode.deleteMany({ where: { userId: row.userId, purpose: { in: ["password-reset", "email-transfer"] } } });
      await tx.passwordResetLink.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
      await tx.passwordResetLink.create({ data: { tokenHash: reset.tokenHash, userId: row.userId, expiresAt: reset.expiresAt } });
      await recordSecurityEvent(
        row.userId,
        "email.transfer_undone",
        meta,
        { detail: { restoredEmail: row.oldEmail, fromEmail: row.newEmail } },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("OLD_EMAIL_ALREADY_IN_USE");
    throw error;
  }
  try {
    await sendMail({
      to: row.oldEmail,
      template: "email-change-undone-reset",
      data: { link: portalLink(brand.portalUrl, "reset-password", reset.token), minutes: RESET_LINK_TTL_SECONDS / 60 },
      origin: mail.origin,
      language: mail.language,
      userId: row.userId,
    });
  } catch (err) {
    // the restore stands; "forgot password" sends another link to the restored address
    log.error({ err, userId: row.userId }, "reset link after undo failed");
  }
}
