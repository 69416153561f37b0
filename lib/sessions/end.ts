import { db } from "../db";
import { notFound } from "../errors";
import { recordSecurityEvent, type RequestMeta } from "../events";
import { endAccountSessions } from "./index";

// Ending sessions at the person's own request, each with its event in the same transaction.

/** Ends one of the user's sessions (the caller's own too); 404 for an unknown or foreign id. */
export async function endSession(userId: number, sessionId: string, currentSessionId: string | null, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) throw notFound("SESSION_NOT_FOUND");
    await recordSecurityEvent(
      userId,
      "session.revoked",
      meta,
      { detail: { sessionId, reason: "user", current: sessionId === currentSessionId } },
      tx,
    );
  });
}

/** Ends every session of the user but the caller's, and any login still owing its second factor. */
export async function endOtherSessions(userId: number, currentSessionId: string | null, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const count = await endAccountSessions(tx, userId, { keepSessionId: currentSessionId });
    await recordSecurityEvent(userId, "sessions.revoked", meta, { detail: { ended: count, kept: currentSessionId, reason: "user" } }, tx);
  });
}
