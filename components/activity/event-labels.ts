import type { EventKind } from "@/lib/events";

// How each security event of lib/events (docs/api.md §6) reads: in the portal, to the account
// holder, and on the admin pages where the dashboard's own words differ (it says "two-factor"
// where the portal says "two-step", and it also shows the events an administrator's own actions
// left). Keyed by the event-kind union, so a new kind without a label fails the type check.
// Kinds a newer server writes and this table does not know fall back to the kind itself, so an
// event never disappears from a list.
const labels: Record<EventKind, { portal: string; admin?: string }> = {
  "login.success": { portal: "Signed in" },
  "login.failure": { portal: "Sign-in failed: wrong password" },
  "login.2fa_required": { portal: "Password accepted, second step asked", admin: "Password accepted, second factor asked" },
  "login.locked": { portal: "Sign-in refused: the account is locked" },
  "throttle.triggered": { portal: "Too many failed attempts: a waiting time started" },
  "totp.enabled": { portal: "Authenticator app turned on" },
  "totp.disabled": { portal: "Authenticator app turned off" },
  "email_otp.enabled": { portal: "Email codes turned on" },
  "email_otp.disabled": { portal: "Email codes turned off" },
  "passkey.added": { portal: "Passkey added" },
  "passkey.renamed": { portal: "Passkey renamed" },
  "passkey.removed": { portal: "Passkey removed" },
  // an assertion with a sign counter that did not grow: the key may have been copied
  "passkey.possible_clone": { portal: "Sign-in refused: the passkey may have been copied", admin: "Possible cloned passkey refused" },
  "recovery_code.used": { portal: "Recovery code used" },
  "recovery_codes.reset": { portal: "New recovery codes created" },
  "password.changed": { portal: "Password changed" },
  "password.reset": { portal: "Password reset" },
  "email.transfer_started": { portal: "Email address change started" },
  "email.transfer_address_taken": { portal: "Email address change refused: the address is already in use" },
  "email.transfer_completed": { portal: "Email address changed" },
  "email.transfer_undone": { portal: "Email address change undone" },
  "session.revoked": { portal: "Session ended" },
  // the holder ended all but the current one; an administrator ends them all
  "sessions.revoked": { portal: "All other sessions ended", admin: "Sessions ended" },
  "account.created": { portal: "Account created" },
  "account.locked": { portal: "Account locked" },
  "account.unlocked": { portal: "Account unlocked" },
  "admin.granted": { portal: "Administrator rights granted" },
  "admin.revoked": { portal: "Administrator rights removed" },
  "2fa.reset": { portal: "Two-step verification reset", admin: "Two-factor authentication reset" },
  // on the changed account (marked "by an administrator") and on the administrator's own
  "admin.action": { portal: "Administrator action" },
};

/** Events a person should look at twice. */
const notable: ReadonlySet<string> = new Set<EventKind>([
  "login.failure",
  "login.locked",
  "throttle.triggered",
  "totp.disabled",
  "email_otp.disabled",
  "passkey.removed",
  "passkey.possible_clone",
  "2fa.reset",
  "account.locked",
  "email.transfer_undone",
]);

const known = (kind: string): kind is EventKind => Object.hasOwn(labels, kind);

/** The label of an event kind for the portal (the default) or the admin pages. */
export function eventLabel(kind: string, audience: "portal" | "admin" = "portal"): string {
  if (!known(kind)) return kind;
  const label = labels[kind];
  return (audience === "admin" && label.admin) || label.portal;
}

export const isNotable = (kind: string) => notable.has(kind);
