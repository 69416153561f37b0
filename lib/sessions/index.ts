import { randomUUID } from "node:crypto";
import { db } from "../db";
import { randomToken, sha256 } from "../crypto";
import { TOKEN_LIFETIME_SECONDS } from "../tokens/lifetimes";
import type { RequestMeta } from "../events";

// A refresh token is a session: 256 random bits, only its hash stored, 14 days from issue.
const refreshExpiry = () => new Date(Date.now() + TOKEN_LIFETIME_SECONDS.refresh * 1000);

export async function createSession(userId: number, meta: RequestMeta) {
  const refreshToken = randomToken(32);
  const session = await db.session.create({
    data: {
      id: randomUUID(),
      userId,
      refreshTokenHash: sha256(refreshToken),
      expiresAt: refreshExpiry(),
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { session, refreshToken };
}

const activeWhere = () => ({ revokedAt: null, expiresAt: { gt: new Date() } });

export async function findSessionByRefreshToken(refreshToken: string) {
  return db.session.findFirst({ where: { refreshTokenHash: sha256(refreshToken), ...activeWhere() } });
}

/** Is the session behind an access or sudo token still live? Ending a session ends its JWTs at once. */
export async function isSessionActive(sessionId: string, userId: number): Promise<boolean> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true, expiresAt: true } });
  return !!session && session.userId === userId && !session.revokedAt && session.expiresAt > new Date();
}

/** "Last used" is shown to a minute's precision, so a busy client does not write on every refresh. */
const TOUCH_INTERVAL_MS = 60_000;

export async function touchSession(sessionId: string, lastUsedAt?: Date) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db.session.update({ where: { id: sessionId }, data: { lastUsedAt: new Date() } });
}

/**
 * Replaces the session's refresh token. Compare-and-swap on the old hash: of two concurrent
 * rotations with the same token only one gets a new token.
 */
export async function rotateRefreshToken(sessionId: string, oldRefreshToken: string): Promise<string | null> {
  const refreshToken = randomToken(32);
  const { count } = await db.session.updateMany({
    where: { id: sessionId, refreshTokenHash: sha256(oldRefreshToken), ...activeWhere() },
    data: { refreshTokenHash: sha256(refreshToken), expiresAt: refreshExpiry(), lastUsedAt: new Date() },
  });
  return count === 1 ? refreshToken : null;
}

export async function revokeSession(sessionId: string, userId?: number): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, ...(userId ? { userId } : {}), revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** Ends every live session of the user except `keepSessionId`; returns how many ended. */
export async function revokeAllSessions(userId: number, keepSessionId?: string | null): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

export async function listSessions(userId: number, currentSessionId: string | null) {
  const rows = await db.session.findMany({
    where: { userId, ...activeWhere() },
    orderBy: { lastUsedAt: "desc" },
  });
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastUsedAt: s.lastUsedAt,
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === currentSessionId,
  }));
}
