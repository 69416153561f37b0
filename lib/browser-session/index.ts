import NextAuth from "next-auth";
import type { JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { headersMeta } from "../http/meta";
import { unknownApiPath } from "../http/unknown-path";
import { findSessionByRefreshToken, isSessionActive, rotateRefreshToken } from "../sessions";
import { signOutSession } from "../sessions/end";

// The portal's cookie session (next-auth, JWT strategy) only carries the Gatehouse session id:
// the API's sessions stay the one source of truth, so ending a session signs the browser out too.
declare module "next-auth" {
  interface User {
    sid?: string;
  }
  interface Session {
    sid?: string;
    uid?: string;
  }
}

const BASE_PATH = "/api/session";

/**
 * Ends the Gatehouse session a cookie carried: its refresh, access and sudo tokens stop working,
 * and the account's activity says "signed out" (once: a session already ended records nothing).
 */
async function endCarriedSession(token: JWT | null) {
  const userId = Number(token?.uid);
  if (typeof token?.sid === "string" && Number.isSafeInteger(userId))
    await signOutSession(userId, token.sid, headersMeta(await headers()), "portal");
}

const nextAuth = NextAuth({
  basePath: BASE_PATH,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 14 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { refreshToken: {} },
      // The browser got a refresh token from POST /auth/login (or a 2FA authenticate call). It is
      // rotated here and the new one discarded, so only the HttpOnly cookie can reach the session.
      async authorize(raw) {
        const token = typeof raw?.refreshToken === "string" ? raw.refreshToken : "";
        const session = token && token.length <= 100 ? await findSessionByRefreshToken(token) : null;
        if (!session || !(await rotateRefreshToken(session.id, token))) return null;
        return { id: String(session.userId), sid: session.id };
      },
    }),
  ],
  events: {
    // Every sign-out clears the cookie through here, next-auth's own route
    // (POST /api/session/signout) included: the session behind the cookie ends with it (docs/api.md §8).
    async signOut(message) {
      if ("token" in message) await endCarriedSession(message.token);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : undefined;
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
});

const { handlers, auth, signOut } = nextAuth;
/** The portal's sign-in (./actions.ts): the Credentials provider above, in-process. */
export const { signIn } = nextAuth;

export interface PortalSession {
  userId: number;
  sessionId: string;
}

/**
 * The signed-in person; "ended" when the browser's cookie carries a Gatehouse session that has
 * ended (signed out elsewhere, ended from another device, a password change): the sign-in page
 * then says so; null when there is no session cookie at all (no database query then). Asked once
 * per page render however many parts ask (the guards, the page's language): React's request
 * cache; outside a render (route handlers, actions) every call asks.
 */
export const portalSessionState = cache(async (): Promise<PortalSession | "ended" | null> => {
  const session = await auth();
  const userId = Number(session?.uid);
  if (!session?.sid || !Number.isSafeInteger(userId)) return null;
  return (await isSessionActive(session.sid, userId)) ? { userId, sessionId: session.sid } : "ended";
});

/** The signed-in person, or null when there is no cookie or its Gatehouse session has ended. */
export async function currentPortalSession(): Promise<PortalSession | null> {
  const state = await portalSessionState();
  return state === "ended" ? null : state;
}

/**
 * The portal's sign-out button: ends the Gatehouse session, then the cookie (whose sign-out event
 * would end the session too, but a failure there is only logged; here it reaches the person).
 */
export async function endPortalSession() {
  const current = await currentPortalSession();
  if (current) await signOutSession(current.userId, current.sessionId, headersMeta(await headers()), "portal");
  await signOut({ redirect: false });
}

// What /api/session serves over HTTP. The portal signs in and out with server actions, which call
// next-auth in-process; over HTTP only what a session client needs stays: the CSRF token, the
// session, and sign-out. next-auth's own pages (sign-in, sign-out, error, verify-request), its
// provider list and its sign-in and callback routes are not Gatehouse's: 404, as any unknown API path.
const servedActions: Record<"GET" | "POST", ReadonlySet<string>> = {
  GET: new Set(["csrf", "session"]),
  POST: new Set(["signout"]),
};

function isServed(method: "GET" | "POST", request: NextRequest): boolean {
  const path = new URL(request.url).pathname;
  return path.startsWith(`${BASE_PATH}/`) && servedActions[method].has(path.slice(BASE_PATH.length + 1));
}

/** The route handlers of app/api/session/[...nextauth]. */
export const sessionRoutes = {
  GET: (request: NextRequest) => (isServed("GET", request) ? handlers.GET(request) : unknownApiPath.GET()),
  POST: (request: NextRequest) => (isServed("POST", request) ? handlers.POST(request) : unknownApiPath.POST()),
};
