import { isActiveAdmin } from "../admin/authorize";
import { forbidden, unauthorized } from "../errors";
import { findSessionByRefreshToken, findSessionSubject } from "../sessions";
import { selectOne } from "../db";
import { looksLikeJwt, verifySignedToken, type SignedTokenKind } from "./jwt";

export type TokenKind = "refresh" | SignedTokenKind;

/**
 * Which token an endpoint takes (docs/api.md §2 and §4). A sudo token serves wherever an access token
 * does; "sudo-or-access-without-2fa" is the contract's S/A¬2FA. "admin-access" and "admin-sudo" (ours)
 * take an access or a sudo token like "access" and "sudo", and then require the token's account
 * to be an administrator (403 ADMIN_REQUIRED).
 */
export type TokenRule = "refresh" | "access" | "access-or-partial" | "sudo" | "sudo-or-access-without-2fa" | "admin-access" | "admin-sudo";

export const acceptedKinds: Record<TokenRule, TokenKind[]> = {
  refresh: ["refresh"],
  access: ["access", "sudo"],
  "access-or-partial": ["access", "sudo", "partial"],
  sudo: ["sudo"],
  "sudo-or-access-without-2fa": ["sudo", "access"],
  "admin-access": ["access", "sudo"],
  "admin-sudo": ["sudo"],
};

/** The rules that also require the administrator role. */
export const adminRules: ReadonlySet<TokenRule> = new Set<TokenRule>(["admin-access", "admin-sudo"]);

export interface Principal {
  kind: TokenKind;
  userId: number;
  sessionId: string | null;
  /** partial tokens: the account's session epoch the token was issued under */
  sessionEpoch?: number;
  /** the bearer token itself (refresh-token endpoints rotate or revoke it) */
  token: string;
  /** for refresh tokens: when the session was last used */
  sessionLastUsedAt?: Date;
}

const invalid = () => unauthorized("INVALID_TOKEN");

export async function authorize(token: string | null, rule: TokenRule): Promise<Principal> {
  if (!token) throw unauthorized("NO_TOKEN_PROVIDED");
  const kinds = acceptedKinds[rule];

  if (!looksLikeJwt(token)) {
    if (!kinds.includes("refresh") || token.length > 100) throw invalid();
    const session = await findSessionByRefreshToken(token);
    if (!session) throw invalid();
    return { kind: "refresh", userId: session.userId, sessionId: session.id, token, sessionLastUsedAt: session.lastUsedAt };
  }

  const claims = await verifySignedToken(token);
  if (!claims || !kinds.includes(claims.kind)) throw invalid();
  if (claims.sessionId) {
    const subject = await findSessionSubject(claims.sessionId, claims.userId);
    if (!subject) throw invalid();
    if (rule === "sudo-or-access-without-2fa" && claims.kind === "access" && subject.hasSecondFactor) throw invalid();
    if (adminRules.has(rule) && !isActiveAdmin(subject)) throw forbidden("ADMIN_REQUIRED");
  } else {
    // partial tokens have no session yet (and no rule takes them with the admin role): the
    // account itself must still be usable, and nothing may have ended its sessions since the
    // password step (docs/api.md §8: the session epoch moved on)
    const live = await selectOne<{ id: number }>`
      SELECT "id" FROM "User" WHERE "id" = ${claims.userId} AND "lockedAt" IS NULL AND "sessionEpoch" = ${claims.sessionEpoch}`;
    if (!live) throw invalid();
    return { kind: claims.kind, userId: claims.userId, sessionId: null, sessionEpoch: claims.sessionEpoch!, token };
  }
  return { kind: claims.kind, userId: claims.userId, sessionId: claims.sessionId, token };
}
