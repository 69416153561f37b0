// Every error code the API answers, declared once: its HTTP status and what it means. lib/ throws
// by code (the status comes from here), each endpoint declaration lists codes (the OpenAPI
// document and docs/api.md read status and description from here), and the portal's pages
// compare against and word the same codes, so a code that is not here fails the type check
// wherever it is written. A 400 has no code: its `message` is a sentence and `field` names the
// input at fault (lib/errors badRequest).
//
// Pure data, no imports: the browser bundle and third-party clients import it too.

export const errorCatalogue = {
  // --- 401: not authenticated -------------------------------------------------------------------
  NO_TOKEN_PROVIDED: { status: 401, description: "no `Authorization: Bearer` header, or an empty token" },
  INVALID_TOKEN: {
    status: 401,
    description: "the token is malformed, expired, revoked, of the wrong kind or not allowed on this operation",
  },
  PASSWORD_INCORRECT: { status: 401, description: "the password is wrong, or no account has this address (the two answer alike)" },
  "2FA_REQUIRED": {
    status: 401,
    description:
      "the password is right and a second factor is owed: the body carries `partialToken` and `methods` (see `TwoFactorRequired`)",
  },
  TOTP_INCORRECT: {
    status: 401,
    description: "the TOTP code matches neither the current 30-second step nor one either side, or that step was used already",
  },
  OTP_INVALID_EXPIRED: { status: 401, description: "the emailed code is wrong, expired, used up, replaced by a newer one or out of tries" },
  RECOVERY_CODE_INCORRECT: { status: 401, description: "the recovery code is not one of the account's unused codes" },
  LINK_EXPIRED: { status: 401, description: "the link's token has expired: ask for a new link" },
  PASSKEY_INVALID: {
    status: 401,
    description:
      "the passkey's answer does not check out: an unknown credential, a wrong or used challenge, origin or RP id, a bad signature, no user presence (for a sign-in: no user verification), or a sign counter that did not grow",
  },

  // --- 403: refused ---------------------------------------------------------------------------
  ACCOUNT_LOCKED: { status: 403, description: "an administrator has locked the account" },
  ADMIN_REQUIRED: { status: 403, description: "the token is good but its account is not an administrator" },
  CROSS_SITE_REQUEST: {
    status: 403,
    description:
      "a page of another site sent the refresh cookie, or a body that is not JSON-typed (CSRF guard); send the token as a bearer token and the body as application/json",
  },
  FORBIDDEN_MAIL_PROVIDER: { status: 403, description: "the address is at a disposable mail provider" },

  // --- 404: not found -------------------------------------------------------------------------
  NOT_FOUND: { status: 404, description: "no operation has this path" },
  USER_NOT_FOUND: { status: 404, description: "no account has this id" },
  MAIL_NOT_FOUND: { status: 404, description: "no message in the mail log has this id" },
  SESSION_NOT_FOUND: { status: 404, description: "the caller has no live session with this id" },
  LINK_NOT_FOUND: { status: 404, description: "the link's token is unknown" },
  PASSKEY_NOT_FOUND: { status: 404, description: "the account has no passkey with this id" },

  // --- 405 ------------------------------------------------------------------------------------
  METHOD_NOT_ALLOWED: { status: 405, description: "the path exists, not with this method (the `Allow` header lists those it takes)" },

  // --- 409: the account is not in the state the call needs ------------------------------------
  TOTP_UNINITIALIZED: {
    status: 409,
    description:
      "TOTP is not in the state the call needs: enable needs a pending set-up, authenticate an active TOTP, the wait query either",
  },
  TOTP_ALREADY_INACTIVE: { status: 409, description: "TOTP is not active" },
  EMAIL_OTP_UNINITIALIZED: {
    status: 409,
    description:
      "email OTP is not in the state the call needs: enable needs a pending set-up, the challenge an active address, the wait query either",
  },
  EMAIL_OTP_INACTIVE: { status: 409, description: "email OTP is not active, so no challenge can be checked" },
  EMAIL_OTP_ALREADY_INACTIVE: { status: 409, description: "email OTP is not active" },
  RECOVERY_CODES_UNINITIALIZED: { status: 409, description: "the account has no unused recovery codes" },
  PASSKEY_CHALLENGE_EXPIRED: {
    status: 409,
    description: "the registration's challenge has expired (5 minutes) or was used already: ask for new options",
  },
  PASSKEY_ALREADY_REGISTERED: { status: 409, description: "this credential is registered already (to this account or another)" },
  PASSKEY_UNINITIALIZED: { status: 409, description: "the account has no passkey" },
  "2FA_IS_DISABLED": { status: 409, description: "no second factor is active, so there are no recovery codes to replace" },
  "2FA_NOT_SET_UP": { status: 409, description: "the account has no second factor, pending set-up or recovery code to reset" },
  EMAIL_ALREADY_IN_USE: { status: 409, description: "an account already has this address" },
  NEW_EMAIL_ALREADY_IN_USE: { status: 409, description: "an account (this one included) already has the new address" },
  OLD_EMAIL_ALREADY_IN_USE: { status: 409, description: "another account has the old address by now, so it cannot be restored" },
  LINK_ALREADY_USED: { status: 409, description: "the link was used already" },
  LAST_ADMIN: { status: 409, description: "the account is the last unlocked administrator" },
  CANNOT_LOCK_OWN_ACCOUNT: { status: 409, description: "an administrator cannot lock their own account" },
  ACCOUNT_ALREADY_LOCKED: { status: 409, description: "the account is locked already" },
  ACCOUNT_NOT_LOCKED: { status: 409, description: "the account is not locked" },
  ALREADY_ADMIN: { status: 409, description: "the account is an administrator already" },
  NOT_ADMIN: { status: 409, description: "the account is not an administrator" },

  // --- 413, 414, 431: the request is too large or too crowded to read -------------------------
  PAYLOAD_TOO_LARGE: { status: 413, description: "the body is too large" },
  TOO_MANY_QUERY_PARAMETERS: { status: 414, description: "the URL has more than 100 query parameters (refused before routing)" },
  TOO_MANY_COOKIES: { status: 431, description: "the request has more than 200 cookies (refused before routing)" },

  // --- 429: throttled, wait `retryAfter` seconds ----------------------------------------------
  TOO_MANY_FAILED_PASSWORD_CHECKS: { status: 429, description: "too many wrong passwords for this account (or address) in a row" },
  TOO_MANY_TOTP_CHECKS: { status: 429, description: "too many wrong TOTP codes in a row" },
  TOO_MANY_OTP_CHECKS: { status: 429, description: "too many wrong email codes in a row" },
  TOO_MANY_RECOVERY_CODE_CHECKS: { status: 429, description: "too many wrong recovery codes in a row" },
  TOO_MANY_PASSKEY_CHECKS: { status: 429, description: "too many failed passkey checks for this account in a row" },
  TOO_MANY_OTP_EMAILS: { status: 429, description: "a code mail went to this account less than 60 s ago" },
  TOO_MANY_RESET_MAIL_ATTEMPTS: { status: 429, description: "a reset mail went to this address less than 60 s ago" },
  TOO_MANY_TRANSFER_ATTEMPTS: {
    status: 429,
    description: "a transfer mail went out less than 60 s ago, or 3 addresses already in use were tried in the last 10 minutes",
  },

  // --- 500: the server could not complete the request -----------------------------------------
  INTERNAL_SERVER_ERROR: { status: 500, description: "an unexpected error; it is logged with the request id" },
  NO_PASSWORD_INFO: {
    status: 500,
    description: "the account has no password yet (created by an administrator, or its email change was undone): reset it",
  },
  TOTP_CORRUPT: { status: 500, description: "the stored TOTP secret cannot be decrypted (the encryption key changed): set TOTP up again" },
  UNABLE_TO_FIND_MAIL_TEMPLATE: { status: 500, description: "no mail configuration matches `origin`; nothing was sent" },
  MAIL_DELIVERY_FAILED: { status: 500, description: "the mail transport refused the message" },
} as const satisfies Record<string, { status: ErrorStatus; description: string }>;

/** The statuses an error code can have (400 has sentences, not codes). */
export type ErrorStatus = 401 | 403 | 404 | 405 | 409 | 413 | 414 | 429 | 431 | 500;

export type ErrorCode = keyof typeof errorCatalogue;

/** The codes answered with `status`: `ErrorCodeWithStatus<409>` is "TOTP_UNINITIALIZED" | …. */
export type ErrorCodeWithStatus<S extends ErrorStatus> = {
  [C in ErrorCode]: (typeof errorCatalogue)[C]["status"] extends S ? C : never;
}[ErrorCode];

export const statusOf = (code: ErrorCode): ErrorStatus => errorCatalogue[code].status;

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === "string" && Object.hasOwn(errorCatalogue, value);
