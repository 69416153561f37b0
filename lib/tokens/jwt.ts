import { randomUUID } from "node:crypto";
import { SignJWT, decodeProtectedHeader, jwtVerify, type CryptoKey } from "jose";
import { config } from "../config";
import { keySet, SIGNING_ALG, verificationKey } from "./keys";
import { TOKEN_LIFETIME_SECONDS } from "./lifetimes";

export type SignedTokenKind = "access" | "sudo" | "partial";

export interface TokenClaims {
  kind: SignedTokenKind;
  userId: number;
  /** the session (refresh token) the token belongs to; partial tokens have none yet */
  sessionId: string | null;
  /** partial tokens only: the account's session epoch at issue (see lib/sessions endAccountSessions) */
  sessionEpoch: number | null;
  expiresAt: Date;
}

// The JWT header's `typ` names the kind too, so a verifier cannot take one kind for another.
const typ = (kind: SignedTokenKind) => `gatehouse-${kind}+jwt`;
export const AUDIENCE = "gatehouse";
const issuer = () => config().APP_URL;

async function sign(kind: SignedTokenKind, userId: number, bound: { sid: string } | { epoch: number }): Promise<string> {
  const { signing } = await keySet();
  const jwt = new SignJWT({ kind, ...bound })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: signing.kid, typ: typ(kind) })
    .setSubject(String(userId))
    .setIssuer(issuer())
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS[kind]}s`);
  return jwt.sign(signing.key);
}

export const issueAccessToken = (userId: number, sessionId: string) => sign("access", userId, { sid: sessionId });
export const issueSudoToken = (userId: number, sessionId: string) => sign("sudo", userId, { sid: sessionId });
/** A partial token has no session yet; it is bound to the account's session epoch instead. */
export const issuePartialToken = (userId: number, sessionEpoch: number) => sign("partial", userId, { epoch: sessionEpoch });

export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

// A client uses one access token for its whole five minutes, and checking the ES256 signature
// again on every request cost as much as the rest of the token check. A token that passed every
// check is remembered until it expires, for as long as the key that verified it is still the one
// published under its kid (a withdrawn key ends its tokens here too). Its session is still
// checked on every request (lib/tokens/authorize.ts).
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, { claims: TokenClaims; kid: string; key: CryptoKey }>();

function remember(token: string, claims: TokenClaims, kid: string, key: CryptoKey) {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!); // the oldest
  remembered.set(token, { claims, kid, key });
}

/** Verifies signature, issuer, audience, expiry and kind; returns null for anything else. */
export async function verifySignedToken(token: string): Promise<TokenClaims | null> {
  const known = remembered.get(token);
  if (known) {
    if (known.claims.expiresAt.getTime() > Date.now() && (await verificationKey(known.kid)) === known.key) return known.claims;
    remembered.delete(token);
  }
  const verified = await verifyFully(token);
  if (verified) remember(token, verified.claims, verified.kid, verified.key);
  return verified?.claims ?? null;
}

async function verifyFully(token: string): Promise<{ claims: TokenClaims; kid: string; key: CryptoKey } | null> {
  try {
    const { kid, alg } = decodeProtectedHeader(token);
    if (alg !== SIGNING_ALG || !kid) return null;
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
    const sessionEpoch = Number.isSafeInteger(payload.epoch) ? (payload.epoch as number) : null;
    // access and sudo tokens belong to a session, a partial token to the account's session epoch
    const bound = kind === "partial" ? { sessionId: null, sessionEpoch } : { sessionId, sessionEpoch: null };
    if (bound.sessionId === null && bound.sessionEpoch === null) return null;
    return { claims: { kind, userId, ...bound, expiresAt: new Date((payload.exp ?? 0) * 1000) }, kid, key };
  } catch {
    return null;
  }
}
