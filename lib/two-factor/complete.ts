import { db, type Prisma } from "../db";
import { noteSignInDevice } from "../devices";
import { unauthorized } from "../errors";
import { recordSecurityEvent } from "../events";
import { createSession } from "../sessions";
import { issueAccessToken, issueSudoToken } from "../tokens/jwt";
import type { Actor, FactorName, TwoFactorContext } from "./context";

export type SudoTokens = { sudoToken: string };
export type LoginTokens = { accessToken: string; refreshToken: string; sudoToken: string };
export type AuthenticateResult = SudoTokens | LoginTokens;

/**
 * What a successful second factor earns (docs/api.md §2.1, §4 #4/#10/#13):
 * - with a partial token: the login completes — a new session and `{ accessToken, refreshToken, sudoToken }`
 *   (and, from a device the account has not signed in from, a mail: lib/devices);
 * - with an access or sudo token: `{ sudoToken }` for the same session (proof of presence).
 */
export async function completeSecondFactor(actor: Actor, method: FactorName, ctx: TwoFactorContext): Promise<AuthenticateResult> {
  if (actor.kind === "partial") {
    const { session, refreshToken } = await db.$transaction(async (tx) => {
      await assertLoginStillOpen(tx, actor);
      const started = await createSession(actor.userId, ctx.meta, tx);
      await recordSecurityEvent(actor.userId, "login.success", ctx.meta, { detail: { method, sessionId: started.session.id } }, tx);
      return started;
    });
    const [accessToken, sudoToken] = await Promise.all([
      issueAccessToken(actor.userId, session.id),
      issueSudoToken(actor.userId, session.id),
    ]);
    await noteSignInDevice(actor.userId, ctx.meta, { defer: ctx.defer });
    return { accessToken, refreshToken, sudoToken };
  }
  if ((actor.kind === "access" || actor.kind === "sudo") && actor.sessionId) {
    return { sudoToken: await issueSudoToken(actor.userId, actor.sessionId) };
  }
  throw unauthorized("INVALID_TOKEN");
}

/**
 * The token check saw the partial token's session epoch still current, but a lock or a password
 * change may have ended the account's sessions since (docs/api.md §8). Rewriting the row to the epoch it
 * must still have makes the two serialise: a concurrent change that came first leaves nothing to
 * match (401 INVALID_TOKEN); one that comes after waits for this transaction and then ends the new
 * session with the others.
 */
async function assertLoginStillOpen(tx: Prisma.TransactionClient, actor: Actor) {
  if (actor.sessionEpoch === undefined) throw unauthorized("INVALID_TOKEN");
  const { count } = await tx.user.updateMany({
    where: { id: actor.userId, lockedAt: null, sessionEpoch: actor.sessionEpoch },
    data: { sessionEpoch: actor.sessionEpoch },
  });
  if (count !== 1) throw unauthorized("INVALID_TOKEN");
}
