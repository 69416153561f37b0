import { notFound, redirect } from "next/navigation";
import { currentAdmin, type AdminSession } from "@/lib/admin/session";
import { currentPortalSession, type PortalSession } from "@/lib/browser-session";

// Who may see a page. Every page calls its guard itself, not only its layout: Next does not run
// the layout again on every navigation.

/** The portal's pages: not signed in (or the session has ended) → /login. */
export async function requirePortalSession(): Promise<PortalSession> {
  const session = await currentPortalSession();
  if (!session) redirect("/login");
  return session;
}

/**
 * The dashboard's pages: not signed in → /login; signed in but not an administrator → 404, so
 * the dashboard does not reveal itself.
 */
export async function requireAdminPage(): Promise<AdminSession> {
  const state = await currentAdmin();
  if (!state.signedIn) redirect("/login");
  if (!state.admin) notFound();
  return state.admin;
}
