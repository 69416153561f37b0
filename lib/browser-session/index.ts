import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { findSessionByRefreshToken, isSessionActive, revokeSession, rotateRefreshToken } from "../sessions";

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

export const { handlers, auth, signIn, signOut } = NextAuth({
  basePath: "/api/session",
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

export interface PortalSession {
  userId: number;
  sessionId: string;
}

/** The signed-in person, or null when there is no cookie or its Gatehouse session has ended. */
export async function currentPortalSession(): Promise<PortalSession | null> {
  const session = await auth();
  const userId = Number(session?.uid);
  if (!session?.sid || !Number.isSafeInteger(userId)) return null;
  return (await isSessionActive(session.sid, userId)) ? { userId, sessionId: session.sid } : null;
}

/** Signs the browser out and ends its Gatehouse session. */
export async function endPortalSession() {
  const current = await currentPortalSession();
  if (current) await revokeSession(current.sessionId, current.userId);
  await signOut({ redirect: false });
}
