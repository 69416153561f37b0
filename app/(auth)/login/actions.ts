"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/browser-session";

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
