// Who may use the admin dashboard and the /admin API: accounts whose role is "admin" and that are
// not locked. The token rules "admin-access" (reads) and "admin-sudo" (every action: the
// administrator's own sudo token, i.e. a second factor moments ago) in lib/tokens/authorize.ts
// apply this to the account behind the token's session, after the token checks.

export const ADMIN_ROLE = "admin";
export type Role = "user" | "admin";

export const isActiveAdmin = (user: { role: string; lockedAt: Date | null }) => user.role === ADMIN_ROLE && !user.lockedAt;
