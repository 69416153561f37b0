import { randomUUID } from "node:crypto";
import { SignJWT, decodeProtectedHeader, jwtVerify } from "jose";
import { config } from "../config";
import { keySet, SIGNING_ALG, verificationKey } from "./keys";
import { TOKEN_LIFETIME_SECONDS } from "./lifetimes";

export type SignedTokenKind = "access" | "sudo" | "partial";

export interface TokenClaims {
  kind: SignedTokenKind;
  userId: number;
  /** the session (refresh token) the token belongs to; partial tokens have none yet */
  sessionId: string | null;
  expiresAt: Date;
}

// The JWT header's `typ` names the kind too, so a verifier cannot take one kind for another.
const typ = (kind: SignedTokenKind) => `gatehouse-${kind}+jwt`;
export const AUDIENCE = "gatehouse";
const issuer = () => config().APP_URL;

async function sign(kind: SignedTokenKind, userId: number, sessionId: string | null): Promise<string> {
  const { signing } = await keySet();
  const jwt = new SignJWT({ kind, ...(sessionId ? { sid: sessionId } : {}) })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: signing.kid, typ: typ(kind) })
    .setSubject(String(userId))
    .setIssuer(issuer())
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS[kind]}s`);
  return jwt.sign(signing.key);
}

export const issueAccessToken = (userId: number, sessionId: string) => sign("access", userId, sessionId);
export const issueSudoToken = (userId: number, sessionId: string) => sign("sudo", userId, sessionId);
export const issuePartialToken = (userId: number) => sign("partial", userId, null);

export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/** Verifies signature, issuer, audience, expiry and kind; returns null for anything else. */
export async function verifySignedToken(token: string): Promise<TokenClaims | null> {
  try {
    const { kid, alg } = decodeProtectedHeader(token);
    if (alg !== SIGNING_ALG) return null;
    const key = await verificationKey(kid);
    if (!key) return null;
    const { payload, protectedHeader } = await jwtVerify(token, key, {
      issuer: issuer(),
      audience: AUDIENCE,
      algorithms: [SIGNING_ALG],
    });
    const kind = payload.kind;
    if (kind !== "access" && kind !== "sudo" && kind !== "partial") return null;
    if (protectedHeader.typ !== typ(kind)) return null;
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0) return null;
    const sessionId = typeof payload.sid === "string" ? payload.sid : null;
    if (kind !== "partial" && !sessionId) return null;
    return { kind, userId, sessionId, expiresAt: new Date((payload.exp ?? 0) * 1000) };
  } catch {
    return null;
  }
}
