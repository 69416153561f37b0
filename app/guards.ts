import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentAdmin, type AdminSession } from "@/lib/admin/session";
import { portalSessionState, type PortalSession } from "@/lib/browser-session";
import { PAGE_PATH_HEADER, signInPath, type SignInReason } from "@/lib/browser-session/return-path";

// Who may see a page. Every page calls its guard itself, not only its layout: Next does not run
// the layout again on every navigation.

/** To /login, which returns here after the sign-in. */
async function toSignIn(reason?: SignInReason): Promise<never> {
  redirect(signInPath((await headers()).get(PAGE_PATH_HEADER), reason));
}

/** The portal's pages: not signed in (or the session has ended) → /login, and back after it. */
export async function requirePortalSession(): Promise<PortalSession> {
  const session = await portalSessionState();
  if (session === "ended") return toSignIn("ended");
  if (!session) return toSignIn();
  return session;
}

/**
 * The dashboard's pages: not signed in → /login; signed in but not an administrator → 404, so
 * the dashboard does not reveal itself.
 */
export async function requireAdminPage(): Promise<AdminSession> {
  const state = await currentAdmin();
  if (!state.signedIn) return toSignIn();
  if (!state.admin) notFound();
  return state.admin;
}
