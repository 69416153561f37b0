import { db } from "../db";
import { forbidden } from "../errors";

// Who may use the admin dashboard and the /admin API: accounts whose role is "admin". The token
// rules "admin-access" (reads) and "admin-sudo" (every action: the administrator's own sudo token,
// i.e. a second factor moments ago) in lib/tokens/authorize.ts call this after the token checks.

export const ADMIN_ROLE = "admin";
export type Role = "user" | "admin";

export async function isAdmin(userId: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, lockedAt: true } });
  return !!user && user.role === ADMIN_ROLE && !user.lockedAt;
}

/** 403 ADMIN_REQUIRED unless the account is an (unlocked) administrator. */
export async function assertAdmin(userId: number): Promise<void> {
  if (!(await isAdmin(userId))) throw forbidden("ADMIN_REQUIRED");
}
