import { mustChangeOne, NothingChanged, sql, writeTogether, type Statement } from "../db/direct-writes";
import { noteSignInDevice } from "../devices";
import { unauthorized } from "../errors";
import { securityEventInsert } from "../events";
import { newSession } from "../sessions";
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
    const session = newSession(actor.userId, ctx.meta);
    try {
      await writeTogether([
        loginStillOpen(actor),
        session.insert,
        securityEventInsert(actor.userId, "login.success", ctx.meta, { detail: { method, sessionId: session.sessionId } }),
      ]);
    } catch (error) {
      if (error instanceof NothingChanged) throw unauthorized("INVALID_TOKEN");
      throw error;
    }
    const [accessToken, sudoToken] = await Promise.all([
      issueAccessToken(actor.userId, session.sessionId),
      issueSudoToken(actor.userId, session.sessionId),
    ]);
    await noteSignInDevice(actor.userId, ctx.meta, { defer: ctx.defer });
    return { accessToken, refreshToken: session.refreshToken, sudoToken };
  }
  if ((actor.kind === "access" || actor.kind === "sudo") && actor.sessionId) {
    return { sudoToken: await issueSudoToken(actor.userId, actor.sessionId) };
  }
  throw unauthorized("INVALID_TOKEN");
}

/**
 * The token check saw the partial token's session epoch still current, but a lock or a password
 * change may have ended the account's sessions since (docs/api.md §8). Rewriting the row to the
 * epoch it must still have, first in the login's transaction, makes the two serialise: a
 * concurrent change that came first leaves nothing to match (401 INVALID_TOKEN, nothing written);
 * one that comes after waits for this transaction and then ends the new session with the others.
 * (It leaves `updatedAt` alone: nothing about the account changed.)
 */
function loginStillOpen(actor: Actor): Statement {
  if (actor.sessionEpoch === undefined) throw unauthorized("INVALID_TOKEN");
  return mustChangeOne(sql`
    UPDATE "User" SET "sessionEpoch" = ${actor.sessionEpoch}
    WHERE "id" = ${actor.userId} AND "lockedAt" IS NULL AND "sessionEpoch" = ${actor.sessionEpoch}`);
}
