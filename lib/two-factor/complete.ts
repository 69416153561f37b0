import { db } from "../db";
import { forbidden, unauthorized } from "../errors";
import { recordSecurityEvent } from "../events";
import { createSession } from "../sessions";
import { issueAccessToken, issueSudoToken } from "../tokens/jwt";
import type { Actor, FactorName, TwoFactorContext } from "./context";

export type SudoTokens = { sudoToken: string };
export type LoginTokens = { accessToken: string; refreshToken: string; sudoToken: string };
export type AuthenticateResult = SudoTokens | LoginTokens;

/**
 * What a successful second factor earns (spec §2.1, §4 #4/#10/#13):
 * - with a partial token: the login completes — a new session and `{ accessToken, refreshToken, sudoToken }`;
 * - with an access or sudo token: `{ sudoToken }` for the same session (proof of presence).
 */
export async function completeSecondFactor(actor: Actor, method: FactorName, ctx: TwoFactorContext): Promise<AuthenticateResult> {
  if (actor.kind === "partial") {
    const user = await db.user.findUnique({ where: { id: actor.userId }, select: { lockedAt: true } });
    if (!user) throw unauthorized("INVALID_TOKEN");
    if (user.lockedAt) throw forbidden("ACCOUNT_LOCKED");
    const { session, refreshToken } = await createSession(actor.userId, ctx.meta);
    const [accessToken, sudoToken] = await Promise.all([issueAccessToken(actor.userId, session.id), issueSudoToken(actor.userId, session.id)]);
    await recordSecurityEvent(actor.userId, "login.success", ctx.meta, { detail: { method, sessionId: session.id } });
    return { accessToken, refreshToken, sudoToken };
  }
  if ((actor.kind === "access" || actor.kind === "sudo") && actor.sessionId) {
    return { sudoToken: await issueSudoToken(actor.userId, actor.sessionId) };
  }
  throw unauthorized("INVALID_TOKEN");
}
