import { after } from "next/server";
import { defineEndpoint, type AnyEndpoint } from "../http/endpoint";
import {
  authenticateWithEmailOtp,
  authenticateWithRecoveryCode,
  authenticateWithTotp,
  challengeEmailOtp,
  disableEmailOtp,
  disableTotp,
  emailOtpWait,
  enableEmailOtp,
  enableTotp,
  recoveryCodeWait,
  resetRecoveryCodes,
  setupEmailOtp,
  setupTotp,
  totpWait,
  twoFactorStatus,
} from "../two-factor";
import {
  authenticateResponse,
  emailOtpSetupBody,
  emptyBody,
  otpBody,
  recoveryCodeBody,
  recoveryCodesResponse,
  totpBody,
  totpSetupResponse,
  twoFactorStatusResponse,
} from "../two-factor/schemas";
import { durationResponse, mailQuery, nullResponse } from "./common";

// docs/api.md §4 #1–#15. Each endpoint: its token rule, schemas, documentation and one call into lib/two-factor.

const tags = ["Two-factor authentication"];
const AUTH_WITH_PARTIAL =
  "With an access or sudo token the answer is `{ sudoToken }` for the same session. With the partial token from `POST /auth/login` (401 `2FA_REQUIRED`) the login completes: a new session and `{ accessToken, refreshToken, sudoToken }`.";
const THROTTLE =
  "Wrong guesses are throttled per account with this factor's own counter: the first 5 consecutive failures cost nothing, then each failure n waits 2^(n−5) s (capped at 15 minutes); a check during the wait answers 429 with `retryAfter` seconds.";
const S_A_NO_2FA = "Takes a sudo token, or an access token while the account has no active second factor.";
const NOTICE = "The account holder is told by mail (brand and language from the optional `origin`/`language` query).";

export const getTwoFactorStatus = defineEndpoint({
  method: "GET",
  path: "/user/2fa",
  auth: "access-or-partial",
  summary: "Get active 2FA methods",
  description:
    "`enabled` is true while TOTP, email OTP or a passkey is active. Each method key is present only while that method is active (`passkeys` while the account has one); `recoveryCodes` while unused codes remain.",
  tags,
  success: { schema: twoFactorStatusResponse, description: "The active methods." },
  async handle({ principal }) {
    return twoFactorStatus(principal.userId);
  },
});

// --- TOTP ---------------------------------------------------------------------------------------

export const totpSetup = defineEndpoint({
  method: "POST",
  path: "/user/2fa/totp/setup",
  auth: "sudo-or-access-without-2fa",
  query: mailQuery,
  body: emptyBody,
  emptyBodyIsObject: true,
  summary: "Set or reset TOTP",
  description: `${S_A_NO_2FA} Creates a new 160-bit secret that stays pending until \`POST /user/2fa/totp/enable\`; an active TOTP keeps working until then. The issuer is the display name of the brand named by \`origin\` (the default brand when absent or unknown).`,
  tags,
  success: { schema: totpSetupResponse, description: "The otpauth:// URL for the authenticator app (show it as a QR code)." },
  async handle({ principal, query }) {
    return setupTotp(principal.userId, { origin: query.origin });
  },
});

export const totpEnable = defineEndpoint({
  method: "POST",
  path: "/user/2fa/totp/enable",
  auth: "access",
  query: mailQuery,
  body: totpBody,
  summary: "Activate TOTP",
  description: `Checks a code from the pending secret and activates it (replacing an active one). Answers a fresh set of 10 recovery codes; an earlier set stops working. ${THROTTLE} ${NOTICE}`,
  tags,
  success: { schema: recoveryCodesResponse, description: "TOTP is active; the new recovery codes, shown once." },
  errors: ["TOTP_INCORRECT", "TOTP_UNINITIALIZED", "TOO_MANY_TOTP_CHECKS", "TOTP_CORRUPT"],
  async handle({ principal, body, query, meta }) {
    return enableTotp(principal.userId, body.totp, { meta, mail: query });
  },
});

export const totpAuthenticate = defineEndpoint({
  method: "POST",
  path: "/user/2fa/totp/authenticate",
  auth: "access-or-partial",
  body: totpBody,
  summary: "Verify TOTP code",
  description: `Accepts the code of the current 30 s step or one step either side; each step is accepted once only. ${THROTTLE} ${AUTH_WITH_PARTIAL}`,
  tags,
  success: { schema: authenticateResponse, description: "The code was right." },
  errors: ["TOTP_INCORRECT", "TOTP_UNINITIALIZED", "TOO_MANY_TOTP_CHECKS", "TOTP_CORRUPT"],
  async handle({ principal, body, meta }) {
    return authenticateWithTotp(principal, body.totp, { meta, defer: after });
  },
});

export const totpNextGuess = defineEndpoint({
  method: "GET",
  path: "/user/2fa/totp/next-guess",
  auth: "access-or-partial",
  summary: "Time until the next TOTP guess",
  description: "Seconds until the next TOTP check may run (0 = now). 409 when TOTP is neither active nor being set up.",
  tags,
  success: { schema: durationResponse, description: "The wait in seconds." },
  errors: ["TOTP_UNINITIALIZED"],
  async handle({ principal }) {
    return totpWait(principal.userId);
  },
});

export const totpDeactivate = defineEndpoint({
  method: "DELETE",
  path: "/user/2fa/totp",
  auth: "sudo",
  query: mailQuery,
  summary: "Deactivate TOTP",
  description: `Switches TOTP off. When it was the last active method, the recovery codes are deleted too. A sudo token stays valid until it expires. ${NOTICE}`,
  tags,
  success: { schema: nullResponse, description: "TOTP is off." },
  errors: ["TOTP_ALREADY_INACTIVE"],
  async handle({ principal, query, meta }) {
    await disableTotp(principal.userId, { meta, mail: query });
    return null;
  },
});

// --- Email OTP ----------------------------------------------------------------------------------

export const emailOtpSetup = defineEndpoint({
  method: "POST",
  path: "/user/2fa/email-otp/setup",
  auth: "sudo-or-access-without-2fa",
  query: mailQuery,
  body: emailOtpSetupBody,
  summary: "Set or reset email OTP",
  description: `${S_A_NO_2FA} Mails a 6-digit code (valid 10 minutes) to \`email\`, which stays pending until \`POST /user/2fa/email-otp/enable\`; an active address keeps working until then. One code mail per 60 s per account (shared with the challenge).`,
  tags,
  success: { schema: nullResponse, description: "The code is on its way." },
  errors: ["FORBIDDEN_MAIL_PROVIDER", "TOO_MANY_OTP_EMAILS", "UNABLE_TO_FIND_MAIL_TEMPLATE"],
  async handle({ principal, body, query, meta }) {
    await setupEmailOtp(principal.userId, body.email, { meta, mail: query });
    return null;
  },
});

export const emailOtpEnable = defineEndpoint({
  method: "POST",
  path: "/user/2fa/email-otp/enable",
  auth: "access",
  query: mailQuery,
  body: otpBody,
  summary: "Activate email OTP",
  description: `The code from the setup mail activates the pending address. Answers a fresh set of 10 recovery codes; an earlier set stops working. A code is single use and ends after 5 wrong tries. ${NOTICE}`,
  tags,
  success: { schema: recoveryCodesResponse, description: "Email OTP is active; the new recovery codes, shown once." },
  errors: ["OTP_INVALID_EXPIRED", "EMAIL_OTP_UNINITIALIZED"],
  async handle({ principal, body, query, meta }) {
    return enableEmailOtp(principal.userId, body.otp, { meta, mail: query });
  },
});

export const emailOtpChallenge = defineEndpoint({
  method: "POST",
  path: "/user/2fa/email-otp/challenge",
  auth: "access-or-partial",
  query: mailQuery,
  body: emptyBody,
  emptyBodyIsObject: true,
  summary: "Initiate email OTP challenge",
  description: "Mails a 6-digit code (valid 10 minutes) to the active address. One code mail per 60 s per account.",
  tags,
  success: { schema: nullResponse, description: "The code is on its way." },
  errors: ["EMAIL_OTP_UNINITIALIZED", "TOO_MANY_OTP_EMAILS", "UNABLE_TO_FIND_MAIL_TEMPLATE"],
  async handle({ principal, query, meta }) {
    await challengeEmailOtp(principal.userId, { meta, mail: query });
    return null;
  },
});

export const emailOtpAuthenticate = defineEndpoint({
  method: "POST",
  path: "/user/2fa/email-otp/authenticate",
  auth: "access-or-partial",
  body: otpBody,
  summary: "Complete email OTP challenge",
  description: `Checks the code from the challenge mail; it is used up. A code also ends after 5 wrong tries. ${THROTTLE} ${AUTH_WITH_PARTIAL}`,
  tags,
  success: { schema: authenticateResponse, description: "The code was right." },
  errors: ["OTP_INVALID_EXPIRED", "EMAIL_OTP_INACTIVE", "TOO_MANY_OTP_CHECKS"],
  async handle({ principal, body, meta }) {
    return authenticateWithEmailOtp(principal, body.otp, { meta, defer: after });
  },
});

export const emailOtpNextEmail = defineEndpoint({
  method: "GET",
  path: "/user/2fa/email-otp/next-email",
  auth: "access-or-partial",
  summary: "Time until the next email OTP may be generated",
  description:
    "Seconds until the next code mail (setup or challenge) may go (0 = now). 409 when email OTP is neither active nor being set up.",
  tags,
  success: { schema: durationResponse, description: "The wait in seconds." },
  errors: ["EMAIL_OTP_UNINITIALIZED"],
  async handle({ principal }) {
    return emailOtpWait(principal.userId);
  },
});

export const emailOtpDeactivate = defineEndpoint({
  method: "DELETE",
  path: "/user/2fa/email-otp",
  auth: "sudo",
  query: mailQuery,
  summary: "Deactivate email OTP",
  description: `Switches email OTP off. When it was the last active method, the recovery codes are deleted too. A sudo token stays valid until it expires. ${NOTICE}`,
  tags,
  success: { schema: nullResponse, description: "Email OTP is off." },
  errors: ["EMAIL_OTP_ALREADY_INACTIVE"],
  async handle({ principal, query, meta }) {
    await disableEmailOtp(principal.userId, { meta, mail: query });
    return null;
  },
});

// --- Recovery codes -----------------------------------------------------------------------------

export const recoveryCodeAuthenticate = defineEndpoint({
  method: "POST",
  path: "/user/2fa/recovery-code/authenticate",
  auth: "access-or-partial",
  body: recoveryCodeBody,
  summary: "Verify a recovery code",
  description: `Checks one recovery code (16 characters, case-insensitive, without separators); it is used up. ${THROTTLE} ${AUTH_WITH_PARTIAL}`,
  tags,
  success: { schema: authenticateResponse, description: "The code was right." },
  errors: ["RECOVERY_CODE_INCORRECT", "RECOVERY_CODES_UNINITIALIZED", "TOO_MANY_RECOVERY_CODE_CHECKS"],
  async handle({ principal, body, meta }) {
    return authenticateWithRecoveryCode(principal, body.recoveryCode, { meta, defer: after });
  },
});

export const recoveryCodeNextGuess = defineEndpoint({
  method: "GET",
  path: "/user/2fa/recovery-code/next-guess",
  auth: "access-or-partial",
  summary: "Time until the next recovery code guess",
  description: "Seconds until the next recovery-code check may run (0 = now). 409 when no unused recovery codes exist.",
  tags,
  success: { schema: durationResponse, description: "The wait in seconds." },
  errors: ["RECOVERY_CODES_UNINITIALIZED"],
  async handle({ principal }) {
    return recoveryCodeWait(principal.userId);
  },
});

export const recoveryCodeReset = defineEndpoint({
  method: "POST",
  path: "/user/2fa/recovery-code/reset",
  auth: "sudo",
  query: mailQuery,
  body: emptyBody,
  emptyBodyIsObject: true,
  summary: "Reset the recovery codes of a user",
  description: `Replaces the recovery codes with a new set of 10 at once; the old set stops working. ${NOTICE}`,
  tags,
  success: { schema: recoveryCodesResponse, description: "The new recovery codes, shown once." },
  errors: ["2FA_IS_DISABLED"],
  async handle({ principal, query, meta }) {
    return resetRecoveryCodes(principal.userId, { meta, mail: query });
  },
});

/** Every 2FA endpoint, in the contract's order (for the OpenAPI document). */
export const twoFactorEndpoints: AnyEndpoint[] = [
  getTwoFactorStatus,
  totpSetup,
  totpEnable,
  totpAuthenticate,
  totpNextGuess,
  totpDeactivate,
  emailOtpSetup,
  emailOtpEnable,
  emailOtpChallenge,
  emailOtpAuthenticate,
  emailOtpNextEmail,
  emailOtpDeactivate,
  recoveryCodeAuthenticate,
  recoveryCodeNextGuess,
  recoveryCodeReset,
];
