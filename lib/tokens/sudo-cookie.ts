import { looksLikeJwt, verifySignedToken } from "./jwt";

// The portal's step-up lasts as long as its sudo token (5 minutes), so a reload or a typed URL
// must not forget it. The token is kept beside the session cookie, in an HttpOnly cookie only
// the portal's token route reads: page scripts hold it in memory, never in storage, and it is
// taken only while it is still this browser session's.

export const SUDO_COOKIE = "gatehouse_sudo";
const COOKIE_PATH = "/api/portal";
/** the longest a sudo token can be: the cookie never outlives the token it carries */
const MAX_TOKEN_LENGTH = 2048;

interface HeldBy {
  userId: number;
  sessionId: string;
}

/** When `token` expires, if it is a valid sudo token of this browser session; otherwise null. */
export async function sudoTokenExpiry(token: unknown, session: HeldBy): Promise<Date | null> {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH || !looksLikeJwt(token)) return null;
  const claims = await verifySignedToken(token);
  const mine = claims?.kind === "sudo" && claims.userId === session.userId && claims.sessionId === session.sessionId;
  return mine ? claims.expiresAt : null;
}

/** What to set for a held token: `name=value` and the attributes, as the cookie APIs take them. */
export function sudoCookie(token: string, expiresAt: Date) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return { name: SUDO_COOKIE, value: token, path: COOKIE_PATH, httpOnly: true, secure: true, sameSite: "strict" as const, maxAge };
}

/** The Set-Cookie header that stores `token`, or (none) forgets the held one. */
export function sudoCookieHeader(held: { token: string; expiresAt: Date } | null): string {
  const { name, value, path, maxAge } = held ? sudoCookie(held.token, held.expiresAt) : { ...sudoCookie("", new Date(0)), maxAge: 0 };
  return `${name}=${value}; Path=${path}; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAge}`;
}

/** The held token's raw value from a request's Cookie header. */
export function heldSudoToken(request: Request): string | undefined {
  const cookies = request.headers.get("cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SUDO_COOKIE) return value.join("=");
  }
  return undefined;
}
