import { notFound, redirect } from "next/navigation";
import { currentAdmin, type AdminSession } from "@/lib/admin/session";

/**
 * Every admin page calls this (not only the layout, which Next does not re-run on every
 * navigation): not signed in → /login; signed in but not an administrator → 404, so the dashboard
 * does not reveal itself.
 */
export async function requireAdminPage(): Promise<AdminSession> {
  const state = await currentAdmin();
  if (!state.signedIn) redirect("/login");
  if (!state.admin) notFound();
  return state.admin;
}
