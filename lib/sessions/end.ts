import { db } from "../db";
import { notFound } from "../errors";
import { recordSecurityEvent, type RequestMeta } from "../events";
import { endAccountSessions } from "./index";

// Ending sessions at the person's own request (signing out included), each with its event in the
// same transaction.

/**
 * Ends one of the user's sessions (the caller's own too); 404 for an unknown or foreign id. The
 * event names the device of the session that ended: its own user agent is the one that ended it.
 */
export async function endSession(userId: number, sessionId: string, currentSessionId: string | null, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) throw notFound("SESSION_NOT_FOUND");
    const ended = await tx.session.findUnique({ where: { id: sessionId }, select: { userAgent: true } });
    const detail = { sessionId, reason: "user", current: sessionId === currentSessionId, sessionUserAgent: ended?.userAgent ?? null };
    await recordSecurityEvent(userId, "session.revoked", meta, { detail }, tx);
  });
}

/**
 * Signing out: ends the session the person is signed in with and records `logout`, in one
 * transaction. `via` says which way (the API's POST /auth/logout, or the portal's sign-out).
 * False when the session had ended already (nothing is recorded then).
 */
export async function signOutSession(userId: number, sessionId: string, meta: RequestMeta, via: "api" | "portal"): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) return false;
    await recordSecurityEvent(userId, "logout", meta, { detail: { sessionId, via } }, tx);
    return true;
  });
}

/** Ends every session of the user but the caller's, and any login still owing its second factor. */
export async function endOtherSessions(userId: number, currentSessionId: string | null, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const count = await endAccountSessions(tx, userId, { keepSessionId: currentSessionId });
    await recordSecurityEvent(userId, "sessions.revoked", meta, { detail: { ended: count, kept: currentSessionId, reason: "user" } }, tx);
  });
}
