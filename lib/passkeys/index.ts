// Passkeys (§9): WebAuthn credentials as a second factor beside TOTP and email codes, and as a
// sign-in without a password. Domain services with no HTTP in them; the API routes
// (lib/api/passkeys.ts) and the portal call these.
//
//   relying-party.ts   rp id, name and the accepted origins
//   challenges.ts      32 random bytes, 5 minutes, single use
//   verify.ts          the WebAuthn checks (@simplewebauthn/server)
//   assertion.ts       the sign-counter rule
//   register.ts, authenticate.ts, sign-in.ts, manage.ts   the endpoints' rules
export type { PasskeyContext } from "./context";
export { relyingParty, type RelyingParty } from "./relying-party";
export { registrationOptions, registerPasskey } from "./register";
export { authenticationOptions, authenticateWithPasskey, passkeyWait } from "./authenticate";
export { signInOptions, signInWithPasskey } from "./sign-in";
export { listPasskeys, renamePasskey, removePasskey } from "./manage";
export * from "./schemas";
