"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { findSessionByRefreshToken } from "../sessions";
import { endPortalSession, signIn } from ".";
import { sudoCookie, sudoTokenExpiry } from "../tokens/sudo-cookie";

// The portal's server actions, beside the session they act on, so the sign-in form
// (components/auth) and the portal's and dashboard's layouts (app/) share one of each.

/**
 * Binds the browser to the session behind a refresh token the API just issued. A sign-in with a
 * second factor also earned a sudo token: it is the step-up, so the portal does not ask again
 * for its five minutes (lib/tokens/sudo-cookie.ts).
 */
export async function completeSignIn(refreshToken: unknown, sudoToken?: unknown): Promise<{ ok: boolean }> {
  // a server action is a public endpoint: its arguments are whatever a request sent
  if (typeof refreshToken !== "string" || refreshToken.length > 100) return { ok: false };
  const session = await findSessionByRefreshToken(refreshToken);
  if (!session) return { ok: false };
  try {
    await signIn("credentials", { refreshToken, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false };
    throw error;
  }
  const sudoExpiry = await sudoTokenExpiry(sudoToken, { userId: session.userId, sessionId: session.id });
  if (sudoExpiry) (await cookies()).set(sudoCookie(sudoToken as string, sudoExpiry));
  return { ok: true };
}

/** The sign-out button of the portal and of the dashboard. */
export async function signOutAction() {
  await endPortalSession();
  redirect("/login");
}
