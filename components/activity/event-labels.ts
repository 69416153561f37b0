import { describeUserAgent } from "@/components/sessions/user-agent";
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
  "login.new_device": { portal: "Signed in from a new device" },
  logout: { portal: "Signed out" },
  "throttle.triggered": { portal: "Too many failed attempts: a waiting time started" },
  "totp.failure": { portal: "Wrong authenticator code" },
  "email_otp.failure": { portal: "Wrong email code" },
  "recovery_code.failure": { portal: "Wrong recovery code" },
  "passkey.failure": { portal: "Passkey refused" },
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
  "login.new_device",
  "totp.failure",
  "email_otp.failure",
  "recovery_code.failure",
  "passkey.failure",
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

// The line under an event's label: what its detail says, in words. Kinds without a line here
// (or older events whose detail lacks the fields) show none.
type Detail = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const during: Record<string, string> = {
  "sign-in": "While signing in",
  "step-up": "While confirming an action",
  setup: "While setting it up",
};
const emailChange = {
  to: (to: string) => `To ${to}`,
  fromTo: (from: string, to: string) => `From ${from} to ${to}`,
  undone: (from: string, back: string) => `Back from ${from} to ${back}`,
};
const codesLeft = (n: number) => `${n} recovery ${n === 1 ? "code" : "codes"} left`;
const endedSession = (device: string, current: boolean) => `The session of ${device}${current ? " (the one in use)" : ""}`;

/** `words` of the detail's fields when every one is a non-empty string. */
const ofTexts =
  (fields: string[], words: (...values: string[]) => string) =>
  (d: Detail): string | null => {
    const values = fields.map((field) => text(d[field]));
    return values.every((v) => v !== null) ? words(...(values as string[])) : null;
  };
const wrongCode = (d: Detail) => text(during[String(d.during)]);
const details: Partial<Record<EventKind, (detail: Detail) => string | null>> = {
  "totp.failure": wrongCode,
  "email_otp.failure": wrongCode,
  "recovery_code.failure": wrongCode,
  "passkey.failure": wrongCode,
  "recovery_code.used": (d) => (typeof d.remaining === "number" ? codesLeft(d.remaining) : null),
  "session.revoked": (d) =>
    d.sessionUserAgent === undefined ? null : endedSession(describeUserAgent(text(d.sessionUserAgent)), d.current === true),
  "email.transfer_started": ofTexts(["newEmail"], emailChange.to),
  "email.transfer_address_taken": ofTexts(["newEmail"], emailChange.to),
  "email.transfer_completed": ofTexts(["oldEmail", "newEmail"], emailChange.fromTo),
  "email.transfer_undone": ofTexts(["fromEmail", "restoredEmail"], emailChange.undone),
};

/** What an event's detail adds to its label, as a sentence; null when it adds nothing. */
export function eventDetail(kind: string, detail: Detail | null | undefined): string | null {
  if (!detail || !known(kind)) return null;
  return details[kind]?.(detail) ?? null;
}
