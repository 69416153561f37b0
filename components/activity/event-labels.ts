// Readable labels for the security events of lib/events (spec §6). Unknown kinds fall back to
// the kind itself, so a new event never disappears from the list.
const labels: Record<string, string> = {
  "login.success": "Signed in",
  "login.failure": "Sign-in failed: wrong password",
  "login.2fa_required": "Password accepted, second step asked",
  "login.locked": "Sign-in refused: the account is locked",
  "throttle.triggered": "Too many failed attempts: a waiting time started",
  "totp.enabled": "Authenticator app turned on",
  "totp.disabled": "Authenticator app turned off",
  "email_otp.enabled": "Email codes turned on",
  "email_otp.disabled": "Email codes turned off",
  "recovery_code.used": "Recovery code used",
  "recovery_codes.reset": "New recovery codes created",
  "password.changed": "Password changed",
  "password.reset": "Password reset",
  "email.transfer_started": "Email address change started",
  "email.transfer_address_taken": "Email address change refused: the address is already in use",
  "email.transfer_completed": "Email address changed",
  "email.transfer_undone": "Email address change undone",
  "session.revoked": "Session ended",
  "sessions.revoked": "All other sessions ended",
  "account.created": "Account created",
  "account.locked": "Account locked",
  "account.unlocked": "Account unlocked",
  "admin.granted": "Administrator rights granted",
  "admin.revoked": "Administrator rights removed",
  "2fa.reset": "Two-step verification reset",
  "admin.action": "Changed by an administrator",
};

/** Events a person should look at twice. */
const notable = new Set(["login.failure", "login.locked", "throttle.triggered", "totp.disabled", "email_otp.disabled", "2fa.reset", "account.locked", "email.transfer_undone"]);

export const eventLabel = (kind: string) => labels[kind] ?? kind;
export const isNotable = (kind: string) => notable.has(kind);
