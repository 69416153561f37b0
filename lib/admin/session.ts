import { currentPortalSession } from "../browser-session";
import { db } from "../db";
import { hasActiveSecondFactor } from "../two-factor/methods";
import { ADMIN_ROLE } from "./authorize";

export interface AdminSession {
  userId: number;
  sessionId: string;
  email: string;
}

/**
 * The dashboard's check, the same as the API's "admin-access" rule: a live Gatehouse session
 * (ending it signs the browser out) of an unlocked account with the administrator role.
 * `signedIn` tells a stranger (→ sign in) from a signed-in non-administrator (→ not found).
 */
export async function currentAdmin(): Promise<{ signedIn: false } | { signedIn: true; admin: AdminSession | null }> {
  const session = await currentPortalSession();
  if (!session) return { signedIn: false };
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true, role: true, lockedAt: true } });
  if (!user || user.lockedAt) return { signedIn: false };
  return { signedIn: true, admin: user.role === ADMIN_ROLE ? { ...session, email: user.email } : null };
}

/**
 * Every action takes the administrator's own sudo token ("admin-sudo"), which only a second
 * factor earns: without one the dashboard can be read, not acted on, and says so up front.
 */
export const canStepUp = (userId: number): Promise<boolean> => hasActiveSecondFactor(userId);
