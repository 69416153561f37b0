import { randomToken, sha256 } from "../crypto";
import { db, type Prisma } from "../db";
import { currentEmailCode, issueEmailCode, verifyEmailCode, withdrawEmailCode } from "../email-codes";
import { forbidden, unauthorized } from "../errors";
import { recordSecurityEvent, type RequestMeta } from "../events";
import { log } from "../log";
import { assertAllowedMailProvider, notifyAccountHolder, resolveMailConfiguration, sendMail, type MailOptions } from "../mail";
import { storeNewPassword } from "../password-change";
import { assertAcceptablePassword, assertNotCurrentPassword, hashSecret } from "../passwords";
import { claimSlot } from "../throttle";
import { findUserByEmail, normalizeEmail } from "../users";
import { assertLinkUsable, linkErrors, linkState, portalLink, type LinkState } from "./links";
import type { ResetWithLinkBody, ResetWithOtpBody } from "./schemas";

export * from "./schemas";
export { linkState, linkErrors, linkErrorList, assertLinkUsable, portalLink, type LinkState } from "./links";

// docs/api.md §4 #16–#18 and #22, §5 "Reset mails": one per 60 s per address, counted whether or not an
// account exists, so a repeated send answers the same for known and unknown addresses.
export const RESET_MAIL_INTERVAL_SECONDS = 60;
export const RESET_LINK_TTL_SECONDS = 60 * 60;

export const resetThrottleKeys = {
  /** #16, the code mail */
  codeMail: (address: string) => `password-reset-mail:${normalizeEmail(address)}`,
  /** #22, the link mail: its own slot, so asking for a code does not block asking for a link */
  linkMail: (address: string) => `password-reset-link-mail:${normalizeEmail(address)}`,
};

/**
 * Runs a mail delivery. The reset sends (#16, #22) must not tell a known address from an unknown
 * one, and a real transport (SMTP, an HTTP API) takes far longer than the database work, so the
 * route hands in `defer` (Next's `after`): the answer goes out first and the mail after it. A
 * failed deferred delivery is logged and undone (code withdrawn, slot released) instead of
 * answering 500 — which would also tell that the address has an account. Without `defer`
 * (scripts, unit use) the delivery runs inline and its error propagates.
 */
export type Defer = (task: () => Promise<void>) => void;

async function deliver(task: () => Promise<void>, defer: Defer | undefined, what: string) {
  if (!defer) return task();
  defer(async () => {
    try {
      await task();
    } catch (err) {
      log.error({ err, mail: what }, "deferred mail delivery failed");
    }
  });
}

const invalidCode = () => unauthorized("OTP_INVALID_EXPIRED");

/**
 * #16: mails a 6-digit reset code to the address when it belongs to an account; answers the same
 * (nothing) when it does not. Order: unknown brand (500) and forbidden provider (403) before the
 * slot is claimed, so neither uses it up. Before the answer, known and unknown addresses do the
 * very same database work (claim the slot, look the address up); storing the code and mailing it
 * belong to the delivery, which the route defers until after the answer.
 */
export async function sendPasswordResetCode(email: string, mail: MailOptions = {}, opts: { defer?: Defer } = {}): Promise<void> {
  resolveMailConfiguration(mail.origin);
  const address = normalizeEmail(email);
  assertAllowedMailProvider(address);
  const release = await claimSlot(resetThrottleKeys.codeMail(address), RESET_MAIL_INTERVAL_SECONDS, "TOO_MANY_RESET_MAIL_ATTEMPTS");
  const user = await findUserByEmail(address);
  if (!user) return;
  await deliver(
    async () => {
      const previous = await currentEmailCode(user.id, "password-reset");
      const code = await issueEmailCode(user.id, "password-reset", user.email);
      try {
        await sendMail({
          to: user.email,
          template: "password-reset-code",
          data: { code },
          origin: mail.origin,
          language: mail.language,
          userId: user.id,
        });
      } catch (error) {
        await withdrawEmailCode(user.id, "password-reset", previous);
        await release();
        throw error;
      }
    },
    opts.defer,
    "password-reset-code",
  );
}

/** The account a reset code belongs to; the code must have gone to its current address. */
async function resetCodeOwner(email: string) {
  const user = await findUserByEmail(email);
  if (!user) throw invalidCode();
  return user;
}

/** #17: checks a reset code without using it up (a wrong one still counts toward its 5 tries). */
export async function validatePasswordResetCode(email: string, otp: string): Promise<void> {
  const user = await resetCodeOwner(email);
  const { target } = await verifyEmailCode(user.id, "password-reset", otp, { consume: false });
  // a code mailed to an address the account has since left does not open it
  if (target !== user.email) throw invalidCode();
}

/**
 * What a proven code or link may still not do (docs/api.md §8): reset a locked account (403
 * ACCOUNT_LOCKED; told only to whoever proved the code or link, so nobody else learns of the lock),
 * or "change" the password to the current one (400 naming newPassword). Both before anything
 * changes: the code or link stays usable.
 */
async function assertResettable(user: { lockedAt: Date | null; passwordHash: string | null }, newPassword: string) {
  if (user.lockedAt) throw forbidden("ACCOUNT_LOCKED");
  await assertNotCurrentPassword(user.passwordHash, newPassword);
}

/**
 * Ends a reset: the new password, every session ended, outstanding reset codes and links dead.
 * One transaction; `claim` runs first inside it and throws (rolling back) when the credential
 * that authorised the reset was used up concurrently.
 */
async function completeReset(
  userId: number,
  newPassword: string,
  claim: (tx: Prisma.TransactionClient) => Promise<void>,
  how: "code" | "link",
  meta: RequestMeta,
  mail: MailOptions,
) {
  const passwordHash = await hashSecret(newPassword);
  await db.$transaction(async (tx) => {
    await claim(tx);
    const { sessionsEnded } = await storeNewPassword(tx, userId, passwordHash, { keepSessionId: null });
    await tx.emailCode.deleteMany({ where: { userId, purpose: "password-reset" } });
    await tx.passwordResetLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await recordSecurityEvent(userId, "password.reset", meta, { detail: { via: how, sessionsEnded } }, tx);
  });
  // Never touches 2FA: a reset proves the mailbox, not the second factor.
  await notifyAccountHolder(userId, "password-reset", mail);
}

/**
 * #18: sets a new password with the emailed code. The policy is checked before the code, so a
 * rejected password does not use the code up. The code is checked (counting a wrong try), then
 * the lock and the current password (§8), then hashed work, then the code is used up atomically
 * with the password change: of two concurrent submissions only one wins, and nothing is
 * half-written.
 */
export async function resetPasswordWithCode(body: ResetWithOtpBody, meta: RequestMeta, mail: MailOptions = {}): Promise<void> {
  const address = normalizeEmail(body.userEmail);
  assertAcceptablePassword(body.newPassword, address, "newPassword");
  const user = await resetCodeOwner(address);
  const before = await currentEmailCode(user.id, "password-reset");
  if (!before) throw invalidCode();
  const { target } = await verifyEmailCode(user.id, "password-reset", body.otp, { consume: false });
  if (target !== user.email) throw invalidCode();
  await assertResettable(user, body.newPassword);
  await completeReset(
    user.id,
    body.newPassword,
    async (tx) => {
      const used = await tx.emailCode.deleteMany({ where: { userId: user.id, purpose: "password-reset", codeHash: before.codeHash } });
      if (used.count !== 1) throw invalidCode(); // used up or replaced meanwhile
    },
    "code",
    meta,
    mail,
  );
}

/**
 * #22: mails a single-use link (1 hour) to the brand's reset page when the address belongs to an
 * account; the same answer otherwise. Only the token's hash is stored. As for #16, the answer
 * waits for the same work either way; the link is stored and mailed in the (deferred) delivery.
 */
export async function sendPasswordResetLink(email: string, mail: MailOptions = {}, opts: { defer?: Defer } = {}): Promise<void> {
  const brand = resolveMailConfiguration(mail.origin);
  const address = normalizeEmail(email);
  assertAllowedMailProvider(address);
  const release = await claimSlot(resetThrottleKeys.linkMail(address), RESET_MAIL_INTERVAL_SECONDS, "TOO_MANY_RESET_MAIL_ATTEMPTS");
  const user = await findUserByEmail(address);
  if (!user) return;
  await deliver(
    async () => {
      const { token, tokenHash, expiresAt } = newPasswordResetLinkToken();
      await db.passwordResetLink.create({ data: { tokenHash, userId: user.id, expiresAt } });
      try {
        const link = portalLink(brand.portalUrl, "reset-password", token);
        await sendMail({
          to: user.email,
          template: "password-reset-link",
          data: { link, minutes: RESET_LINK_TTL_SECONDS / 60 },
          origin: mail.origin,
          language: mail.language,
          userId: user.id,
        });
      } catch (error) {
        await db.passwordResetLink.deleteMany({ where: { tokenHash } });
        await release();
        throw error;
      }
    },
    opts.defer,
    "password-reset-link",
  );
}

/** A fresh reset-link token (the email-change undo stores and mails one itself, inside its transaction). */
export function newPasswordResetLinkToken(): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomToken(32);
  return { token, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_LINK_TTL_SECONDS * 1000) };
}

/** What the reset page shows before the form: a usable link, an expired or used one, or none. */
export async function inspectPasswordResetLink(token: string): Promise<{ state: LinkState; firstPassword: boolean }> {
  if (!token || token.length > 128) return { state: "unknown", firstPassword: false };
  const row = await db.passwordResetLink.findUnique({
    where: { tokenHash: sha256(token) },
    select: { expiresAt: true, usedAt: true, user: { select: { passwordHash: true } } },
  });
  // an account created without a password (the welcome mail's link) is choosing its first one
  return { state: linkState(row), firstPassword: !!row && row.user.passwordHash === null };
}

/**
 * The reset page's submission (`POST /v1/auth/reset-password`, ours): the link must be usable
 * (404 LINK_NOT_FOUND, 401 LINK_EXPIRED, 409 LINK_ALREADY_USED), the password must meet the same
 * policy as everywhere else, the account must not be locked and the password must not be the
 * current one (§8). The link is used up together with the password change.
 */
export async function resetPasswordWithLink(body: ResetWithLinkBody, meta: RequestMeta, mail: MailOptions = {}): Promise<void> {
  const tokenHash = sha256(body.token);
  const row = await db.passwordResetLink.findUnique({
    where: { tokenHash },
    include: { user: { select: { email: true, lockedAt: true, passwordHash: true } } },
  });
  assertLinkUsable(row);
  assertAcceptablePassword(body.newPassword, row.user.email, "newPassword");
  await assertResettable(row.user, body.newPassword);
  await completeReset(
    row.userId,
    body.newPassword,
    async (tx) => {
      const now = new Date();
      const claimed = await tx.passwordResetLink.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) {
        const state = linkState(await tx.passwordResetLink.findUnique({ where: { tokenHash } }), now);
        throw linkErrors[state === "valid" ? "used" : state]();
      }
    },
    "link",
    meta,
    mail,
  );
}
