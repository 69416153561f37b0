import { after } from "next/server";
import { defineEndpoint } from "../http/endpoint";
import { tokenResponse } from "../http/responses";
import {
  authenticateBody,
  authenticateWithPasskey,
  authenticationOptions,
  creationOptionsResponse,
  listPasskeys,
  passkeyListResponse,
  passkeyParams,
  passkeyWait,
  registerBody,
  registerPasskey,
  registerResponse,
  registrationOptions,
  relatedOriginsResponse,
  relyingParty,
  removePasskey,
  renameBody,
  renamePasskey,
  requestOptionsResponse,
  signInOptions,
  signInWithPasskey,
} from "../passkeys";
import { authenticateResponse, emptyBody } from "../two-factor/schemas";
import { cookieQuery, durationResponse, mailQuery, nullResponse } from "./common";

// docs/api.md §9: passkeys, as a second factor and as a sign-in without a password. Each endpoint:
// its token rule, schemas, documentation and one call into lib/passkeys.

const tags = ["Passkeys"];
const JSON_FORMS =
  "Options and credentials use the WebAuthn JSON forms (base64url without padding for every binary field): pass the options to `PublicKeyCredential.parseCreationOptionsFromJSON()` / `parseRequestOptionsFromJSON()` (or @simplewebauthn/browser) and send `credential.toJSON()` back.";
const CHALLENGE = "The challenge is 32 random bytes, valid 5 minutes and good for one answer.";
const THROTTLE =
  "Failed checks are throttled per account with the passkey's own counter: the first 5 consecutive failures cost nothing, then each failure n waits 2^(n−5) s (capped at 15 minutes); a check during the wait answers 429 with `retryAfter` seconds.";
const NOTICE = "The account holder is told by mail (brand and language from the optional `origin`/`language` query).";
const hostOf = (request: Request) => request.headers.get("host");

export const passkeyRegistrationOptions = defineEndpoint({
  method: "POST",
  path: "/user/2fa/passkey/register/options",
  auth: "sudo-or-access-without-2fa",
  body: emptyBody,
  emptyBodyIsObject: true,
  summary: "Start registering a passkey",
  description: `Takes a sudo token, or an access token while the account has no active second factor. Answers creation options for \`navigator.credentials.create()\`: attestation \`none\`; ES256, EdDSA and RS256; \`residentKey\` and \`userVerification\` "preferred"; \`excludeCredentials\` lists the account's passkeys. ${CHALLENGE} ${JSON_FORMS}`,
  tags,
  success: { schema: creationOptionsResponse, description: "The creation options (JSON)." },
  async handle({ principal, request, meta }) {
    return registrationOptions(principal.userId, { meta, host: hostOf(request) });
  },
});

export const passkeyRegister = defineEndpoint({
  method: "POST",
  path: "/user/2fa/passkey/register",
  auth: "access",
  query: mailQuery,
  body: registerBody,
  summary: "Register a passkey",
  description: `Checks the authenticator's answer to the registration options and adds the passkey. \`recoveryCodes\` are answered only when the account had no unused recovery codes (its first second factor); existing codes are kept. A credential can belong to one account only. ${NOTICE}`,
  tags,
  success: { schema: registerResponse, description: "The passkey was added." },
  errors: ["PASSKEY_INVALID", "PASSKEY_CHALLENGE_EXPIRED", "PASSKEY_ALREADY_REGISTERED"],
  async handle({ principal, body, query, request, meta }) {
    return registerPasskey(principal.userId, body, { meta, mail: query, host: hostOf(request) });
  },
});

export const passkeyList = defineEndpoint({
  method: "GET",
  path: "/user/2fa/passkeys",
  auth: "access-or-partial",
  summary: "List my passkeys",
  description: "The account's passkeys, oldest first.",
  tags,
  success: { schema: passkeyListResponse, description: "The passkeys." },
  async handle({ principal }) {
    return listPasskeys(principal.userId);
  },
});

export const passkeyRename = defineEndpoint({
  method: "PUT",
  path: "/user/2fa/passkeys/{id}",
  auth: "access",
  params: passkeyParams,
  query: mailQuery,
  body: renameBody,
  summary: "Rename a passkey",
  description: `Gives the passkey a new name (1–64 characters). ${NOTICE}`,
  tags,
  success: { schema: nullResponse, description: "The passkey has its new name." },
  errors: ["PASSKEY_NOT_FOUND"],
  async handle({ principal, params, body, query, meta }) {
    await renamePasskey(principal.userId, params.id, body.name, { meta, mail: query });
    return null;
  },
});

export const passkeyRemove = defineEndpoint({
  method: "DELETE",
  path: "/user/2fa/passkeys/{id}",
  auth: "sudo",
  params: passkeyParams,
  query: mailQuery,
  summary: "Remove a passkey",
  description: `Removes the passkey. When it was the account's last second factor, 2FA is off and the recovery codes are deleted too. A sudo token stays valid until it expires. ${NOTICE}`,
  tags,
  success: { schema: nullResponse, description: "The passkey is gone." },
  errors: ["PASSKEY_NOT_FOUND"],
  async handle({ principal, params, query, meta }) {
    await removePasskey(principal.userId, params.id, { meta, mail: query });
    return null;
  },
});

export const passkeyAuthenticationOptions = defineEndpoint({
  method: "POST",
  path: "/user/2fa/passkey/authenticate/options",
  auth: "access-or-partial",
  body: emptyBody,
  emptyBodyIsObject: true,
  summary: "Start a passkey check",
  description: `Answers request options for \`navigator.credentials.get()\` with \`allowCredentials\` = the account's passkeys. ${CHALLENGE} ${JSON_FORMS}`,
  tags,
  success: { schema: requestOptionsResponse, description: "The request options (JSON)." },
  errors: ["PASSKEY_UNINITIALIZED"],
  async handle({ principal, request, meta }) {
    return authenticationOptions(principal.userId, { meta, host: hostOf(request) });
  },
});

export const passkeyAuthenticate = defineEndpoint({
  method: "POST",
  path: "/user/2fa/passkey/authenticate",
  auth: "access-or-partial",
  body: authenticateBody,
  summary: "Verify a passkey",
  description: `Checks the authenticator's answer to the request options: challenge, origin, RP id, signature, user presence, and a sign counter that grows. With an access or sudo token the answer is \`{ sudoToken }\` for the same session; with the partial token from \`POST /auth/login\` the login completes: a new session and \`{ accessToken, refreshToken, sudoToken }\`. ${THROTTLE}`,
  tags,
  success: { schema: authenticateResponse, description: "The passkey checked out." },
  errors: ["PASSKEY_INVALID", "PASSKEY_UNINITIALIZED", "TOO_MANY_PASSKEY_CHECKS"],
  async handle({ principal, body, request, meta }) {
    return authenticateWithPasskey(principal, body.credential, { meta, host: hostOf(request), defer: after });
  },
});

export const passkeyNextGuess = defineEndpoint({
  method: "GET",
  path: "/user/2fa/passkey/next-guess",
  auth: "access-or-partial",
  summary: "Time until the next passkey check",
  description:
    "Seconds until the next passkey check of the account may run (0 = now), for the 2FA step and the passwordless sign-in alike. 409 when the account has no passkey.",
  tags,
  success: { schema: durationResponse, description: "The wait in seconds." },
  errors: ["PASSKEY_UNINITIALIZED"],
  async handle({ principal }) {
    return passkeyWait(principal.userId);
  },
});

export const passkeySignInOptions = defineEndpoint({
  method: "POST",
  path: "/auth/passkey/options",
  auth: "none",
  body: emptyBody,
  emptyBodyIsObject: true,
  summary: "Start a passwordless sign-in",
  description: `Answers request options without \`allowCredentials\` (the authenticator offers its discoverable credentials) and with \`userVerification: "required"\`. ${CHALLENGE} ${JSON_FORMS}`,
  tags,
  success: { schema: requestOptionsResponse, description: "The request options (JSON)." },
  async handle({ request }) {
    return signInOptions({ host: hostOf(request) });
  },
});

export const passkeySignIn = defineEndpoint({
  method: "POST",
  path: "/auth/passkey/login",
  auth: "none",
  query: cookieQuery,
  body: authenticateBody,
  summary: "Sign in with a passkey",
  description: `Checks a discoverable credential's answer to \`POST /auth/passkey/options\`; user verification is required. Answers the refresh token as bare text/plain, as \`POST /auth/login\` does (also \`?cookie=true\`). There is no \`2FA_REQUIRED\` step: a user-verified passkey is two factors by itself. ${THROTTLE}`,
  tags,
  success: { type: "text", description: "The refresh token, bare (no quotes)." },
  errors: ["PASSKEY_INVALID", "ACCOUNT_LOCKED", "TOO_MANY_PASSKEY_CHECKS"],
  async handle({ body, query, request, meta }) {
    const { refreshToken } = await signInWithPasskey(body.credential, { meta, host: hostOf(request), defer: after });
    return tokenResponse(refreshToken, { cookie: query.cookie });
  },
});

export const webauthnRelatedOrigins = defineEndpoint({
  method: "GET",
  path: "/.well-known/webauthn",
  auth: "none",
  summary: "Origins of the relying party",
  description:
    "Every origin whose pages may use this server's relying party id (WebAuthn Related Origin Requests): APP_URL's and every brand portal's.",
  tags: ["Discovery"],
  success: { schema: relatedOriginsResponse, description: "The accepted origins." },
  async handle() {
    return { origins: relyingParty().origins };
  },
});
