"use client";

/** A sudo token and when it stops working (ms since epoch). */
export interface Sudo {
  token: string;
  expiresAt: number;
}

// The step-up outlives a reload: the browser session holds the sudo token in an HttpOnly cookie
// (lib/tokens/sudo-cookie.ts), and the page learns it back from /api/portal/token.

/** The step-up this browser session holds, or null. */
export async function loadHeldSudo(): Promise<Sudo | null> {
  const response = await fetch("/api/portal/token", { cache: "no-store" }).catch(() => null);
  if (!response?.ok) return null;
  const { sudo } = (await response.json()) as { sudo?: { token: string; expiresIn: number } };
  return sudo ? { token: sudo.token, expiresAt: Date.now() + sudo.expiresIn * 1000 } : null;
}

/** Keeps a new sudo token for this browser session (until it expires or is forgotten). */
export async function holdSudo(token: string): Promise<void> {
  await fetch("/api/portal/sudo", {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sudoToken: token }),
  }).catch(() => null); // not kept: the next reload asks again, nothing worse
}

/** Ends the held step-up in this browser session. */
export async function forgetHeldSudo(): Promise<void> {
  await fetch("/api/portal/sudo", { method: "DELETE" }).catch(() => null);
}
