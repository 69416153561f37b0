import { ApiError, conflict, notFound, unauthorized, type ErrorCode } from "../errors";

// Single-use links (password reset, email-change undo) share one vocabulary (ours): the page and
// the API both tell an unknown link from one that has expired or was already used.
export type LinkState = "valid" | "expired" | "used" | "unknown";

export function linkState(row: { expiresAt: Date; usedAt: Date | null } | null, now = new Date()): LinkState {
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

export const linkErrors = {
  unknown: () => notFound("LINK_NOT_FOUND"),
  expired: () => unauthorized("LINK_EXPIRED"),
  used: () => conflict("LINK_ALREADY_USED"),
} satisfies Record<Exclude<LinkState, "valid">, () => ApiError>;

/** The documented errors of a link endpoint, for its OpenAPI entry. */
export const linkErrorList: ErrorCode[] = ["LINK_NOT_FOUND", "LINK_EXPIRED", "LINK_ALREADY_USED"];

/** Throws the link's error unless it is usable; narrows the row. */
export function assertLinkUsable<T extends { expiresAt: Date; usedAt: Date | null }>(row: T | null, now = new Date()): asserts row is T {
  const state = linkState(row, now);
  if (state !== "valid") throw linkErrors[state]();
}

/** The portal page a link opens, on the brand's portal. */
export const portalLink = (portalUrl: string, page: string, token: string) =>
  `${portalUrl.replace(/\/+$/, "")}/${page}?token=${encodeURIComponent(token)}`;
