import { db } from "../db";
import { notFound } from "../errors";
import { recordSecurityEvent } from "../events";
import { notifyAccountHolder } from "../mail";
import { noticeOrigin } from "../two-factor/context";
import type { PasskeyContext } from "./context";
import type { PasskeySummary } from "./schemas";
import { activeFactorCount, lockAccount, passkeysOf, summaryOf } from "./store";

// Listing, renaming and removing the account's passkeys (§9). Renaming and removing are 2FA
// changes (§5, §6): an event in the same transaction, and a notice by mail.

const missing = () => notFound("PASSKEY_NOT_FOUND");

const notice = (userId: number, template: "passkey-renamed" | "passkey-removed", ctx: PasskeyContext, data: Record<string, string>) =>
  notifyAccountHolder(userId, template, { origin: noticeOrigin(ctx.mail?.origin), language: ctx.mail?.language, data });

/** GET /user/2fa/passkeys: oldest first. */
export async function listPasskeys(userId: number): Promise<PasskeySummary[]> {
  return (await passkeysOf(userId)).map(summaryOf);
}

/** PUT /user/2fa/passkeys/{id} */
export async function renamePasskey(userId: number, id: string, name: string, ctx: PasskeyContext): Promise<void> {
  const newName = name.trim();
  const oldName = await db.$transaction(async (tx) => {
    const found = await tx.passkey.findFirst({ where: { id, userId }, select: { name: true } });
    if (!found) throw missing();
    if (found.name === newName) return null;
    const { count } = await tx.passkey.updateMany({ where: { id, userId }, data: { name: newName } });
    if (count !== 1) throw missing();
    await recordSecurityEvent(userId, "passkey.renamed", ctx.meta, { detail: { passkeyId: id, from: found.name, to: newName } }, tx);
    return found.name;
  });
  if (oldName !== null) await notice(userId, "passkey-renamed", ctx, { passkeyName: newName, oldPasskeyName: oldName });
}

/**
 * DELETE /user/2fa/passkeys/{id}. When it was the account's last second factor, 2FA is off and
 * the recovery codes go with it (as when TOTP or email OTP is switched off). The account's row
 * lock makes two concurrent removals of its last two passkeys see each other's delete.
 */
export async function removePasskey(userId: number, id: string, ctx: PasskeyContext): Promise<void> {
  const removed = await db.$transaction(async (tx) => {
    await lockAccount(tx, userId);
    const found = await tx.passkey.findFirst({ where: { id, userId }, select: { name: true } });
    if (!found) throw missing();
    const { count } = await tx.passkey.deleteMany({ where: { id, userId } });
    if (count !== 1) throw missing();
    const last = (await activeFactorCount(tx, userId)) === 0;
    if (last) await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordSecurityEvent(
      userId,
      "passkey.removed",
      ctx.meta,
      { actorId: ctx.actorId, detail: { passkeyId: id, name: found.name, twoFactorEnabled: !last } },
      tx,
    );
    return found.name;
  });
  await notice(userId, "passkey-removed", ctx, { passkeyName: removed });
}
