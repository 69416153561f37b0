"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { endPortalSession, signIn } from ".";

// The portal's server actions, beside the session they act on, so the sign-in form
// (components/auth) and the portal's and dashboard's layouts (app/) share one of each.

/** Binds the browser to the session behind a refresh token the API just issued. */
export async function completeSignIn(refreshToken: string): Promise<{ ok: boolean }> {
  try {
    await signIn("credentials", { refreshToken, redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false };
    throw error;
  }
}

/** The sign-out button of the portal and of the dashboard. */
export async function signOutAction() {
  await endPortalSession();
  redirect("/login");
}
