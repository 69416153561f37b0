import { randomUUID } from "node:crypto";
import { db, selectOne, toDate, type Prisma } from "../db";
import { sql, sqlDate, type Statement } from "../db/direct-writes";
import { randomToken, sha256 } from "../crypto";
import { TOKEN_LIFETIME_SECONDS } from "../tokens/lifetimes";
import type { RequestMeta } from "../events";

// A refresh token is a session: 256 random bits, only its hash stored, 14 days from issue.
const refreshExpiry = () => new Date(Date.now() + TOKEN_LIFETIME_SECONDS.refresh * 1000);

export async function createSession(userId: number, meta: RequestMeta, tx: Prisma.TransactionClient = db) {
  const refreshToken = randomToken(32);
  const session = await tx.session.create({
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

/**
 * A new session as one statement for lib/db/direct-writes (a login writes it in one transaction
 * with its event and its throttle reset), with the refresh token it answers.
 */
export function newSession(userId: number, meta: RequestMeta): { sessionId: string; refreshToken: string; insert: Statement } {
  const refreshToken = randomToken(32);
  const sessionId = randomUUID();
  const now = sqlDate(new Date());
  const insert = sql`
    INSERT INTO "Session" ("id", "userId", "refreshTokenHash", "createdAt", "lastUsedAt", "expiresAt", "ip", "userAgent")
    VALUES (${sessionId}, ${userId}, ${sha256(refreshToken)}, ${now}, ${now}, ${sqlDate(refreshExpiry())},
      ${meta.ip?.slice(0, 64) ?? null}, ${meta.userAgent?.slice(0, 512) ?? null})`;
  return { sessionId, refreshToken, insert };
}

const activeWhere = () => ({ revokedAt: null, expiresAt: { gt: new Date() } });

const isLive = (session: { revokedAt: unknown; expiresAt: unknown }) => !session.revokedAt && toDate(session.expiresAt)! > new Date();

// The two lookups below run on every token-checked request, so they are direct reads (lib/db/direct.ts).

/** The live session a refresh token belongs to, or null. */
export async function findSessionByRefreshToken(refreshToken: string): Promise<{ id: string; userId: number; lastUsedAt: Date } | null> {
  const session = await selectOne<{ id: string; userId: number; lastUsedAt: unknown; revokedAt: unknown; expiresAt: unknown }>`
    SELECT "id", "userId", "lastUsedAt", "revokedAt", "expiresAt" FROM "Session" WHERE "refreshTokenHash" = ${sha256(refreshToken)}`;
  return session && isLive(session) ? { id: session.id, userId: session.userId, lastUsedAt: toDate(session.lastUsedAt)! } : null;
}

/** What a token check needs to know about the account behind a live session. */
export interface SessionSubject {
  role: string;
  lockedAt: Date | null;
  /** TOTP, email OTP or a passkey is active */
  hasSecondFactor: boolean;
}

/**
 * The account behind the session of an access or sudo token, or null once the session has ended
 * (or belongs to someone else): ending a session ends its JWTs at once. One statement, because
 * every token-checked request runs it.
 */
export async function findSessionSubject(sessionId: string, userId: number): Promise<SessionSubject | null> {
  const row = await selectOne<{
    userId: number;
    revokedAt: unknown;
    expiresAt: unknown;
    role: string;
    lockedAt: unknown;
    hasSecondFactor: number;
  }>`
    SELECT s."userId", s."revokedAt", s."expiresAt", u."role", u."lockedAt",
      CASE WHEN EXISTS (SELECT 1 FROM "TotpFactor" t WHERE t."userId" = u."id" AND t."activatedAt" IS NOT NULL)
             OR EXISTS (SELECT 1 FROM "EmailOtpFactor" e WHERE e."userId" = u."id" AND e."activatedAt" IS NOT NULL)
             OR EXISTS (SELECT 1 FROM "Passkey" p WHERE p."userId" = u."id")
        THEN 1 ELSE 0 END AS "hasSecondFactor"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  if (!row || row.userId !== userId || !isLive(row)) return null;
  return { role: row.role, lockedAt: toDate(row.lockedAt), hasSecondFactor: Number(row.hasSecondFactor) === 1 };
}

/** Is the session behind an access or sudo token still live? */
export async function isSessionActive(sessionId: string, userId: number): Promise<boolean> {
  return (await findSessionSubject(sessionId, userId)) !== null;
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

/**
 * Ends every live session of the account except `keepSessionId`, and with them every partial
 * token of a login still in the making (docs/api.md §8): whatever ends an account's sessions ends its
 * logins too, so this is the one way to do it. Run it in the transaction of the change it belongs
 * to (a password change, a lock…), so neither can happen without the other. Returns how many
 * sessions ended.
 */
export async function endAccountSessions(
  tx: Prisma.TransactionClient,
  userId: number,
  opts: { keepSessionId?: string | null } = {},
): Promise<number> {
  await endPartialTokens(tx, userId);
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(opts.keepSessionId ? { id: { not: opts.keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

/**
 * Ends every partial token of the account, leaving its sessions alone (an administrator's 2FA
 * reset): a partial token carries the account's session epoch from its issue, and moving the
 * epoch on makes every one issued before refused (lib/tokens/authorize.ts).
 */
export async function endPartialTokens(tx: Prisma.TransactionClient, userId: number): Promise<void> {
  await tx.user.updateMany({ where: { id: userId }, data: { sessionEpoch: { increment: 1 } } });
}

/** The account's live sessions: the asking one first (the person's bearings), the others by last use. */
export async function listSessions(userId: number, currentSessionId: string | null) {
  const rows = await db.session.findMany({
    where: { userId, ...activeWhere() },
    orderBy: [{ lastUsedAt: "desc" }, { createdAt: "desc" }],
  });
  const current = rows.findIndex((s) => s.id === currentSessionId);
  if (current > 0) rows.unshift(...rows.splice(current, 1));
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastUsedAt: s.lastUsedAt,
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === currentSessionId,
  }));
}
