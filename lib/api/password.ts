import { after } from "next/server";
import { changePassword, changePasswordBody } from "../password-change";
import {
  forgotPasswordBody,
  linkErrorList,
  resetPasswordWithCode,
  resetPasswordWithLink,
  resetSendBody,
  resetValidateBody,
  resetWithLinkBody,
  resetWithOtpBody,
  sendPasswordResetCode,
  sendPasswordResetLink,
  validatePasswordResetCode,
} from "../password-reset";
import { defineEndpoint } from "../http/endpoint";
import { mailQuery, nullResponse } from "./common";

// docs/api.md §4 #16–#19 and #22, plus the reset page's submission (ours).

const noEnumeration =
  "Answers `null` for an address without an account too, in comparable time and with the same throttle (no account enumeration). " +
  "The mail itself is delivered after the answer (ours), so neither the transport's speed nor its failure tells the two apart.";

export const sendResetCode = defineEndpoint({
  method: "POST",
  path: "/user/password/reset/send",
  auth: "none",
  query: mailQuery,
  body: resetSendBody,
  summary: "Send a password reset OTP",
  description: `Mails a 6-digit code (valid 10 minutes) to the address. ${noEnumeration} One mail per 60 s per address, counted whether or not an account exists.`,
  tags: ["Password"],
  success: { schema: nullResponse, description: "The request was accepted." },
  errors: ["FORBIDDEN_MAIL_PROVIDER", "TOO_MANY_RESET_MAIL_ATTEMPTS", "UNABLE_TO_FIND_MAIL_TEMPLATE"],
  async handle({ body, query }) {
    await sendPasswordResetCode(body.email, query, { defer: after });
    return null;
  },
});

export const validateResetCode = defineEndpoint({
  method: "POST",
  path: "/user/password/reset/validate",
  auth: "none",
  body: resetValidateBody,
  summary: "Check a password reset OTP",
  description: "Answers `null` when the code is valid. Does not use the code up; a wrong code counts toward its 5 tries.",
  tags: ["Password"],
  success: { schema: nullResponse, description: "The code is valid." },
  errors: ["OTP_INVALID_EXPIRED"],
  async handle({ body }) {
    await validatePasswordResetCode(body.email, body.otp);
    return null;
  },
});

export const resetWithCode = defineEndpoint({
  method: "PUT",
  path: "/user/password/otp",
  auth: "none",
  query: mailQuery,
  body: resetWithOtpBody,
  summary: "Update password via OTP",
  description:
    "Sets a new password with the emailed reset code. The code is used up, every session of the user ends (and every login still owing its second factor), the change is recorded and the account holder is told. " +
    "Active second factors stay active. The new password must meet the policy (also: not a common password, not the account's email, not the current password) — 400 naming `newPassword` otherwise, without using the code up. " +
    "A locked account keeps its password: 403 `ACCOUNT_LOCKED` (only with a valid code), nothing changes and the code stays usable.",
  tags: ["Password"],
  success: { schema: nullResponse, description: "The password is changed." },
  errors: ["OTP_INVALID_EXPIRED", "ACCOUNT_LOCKED"],
  async handle({ body, query, meta }) {
    await resetPasswordWithCode(body, meta, query);
    return null;
  },
});

export const changeWithOldPassword = defineEndpoint({
  method: "PUT",
  path: "/user/password/old-password",
  auth: "sudo-or-access-without-2fa",
  query: mailQuery,
  body: changePasswordBody,
  summary: "Update password via sudo token",
  description:
    "Changes the password, given the current one (checked under the password throttle). A new password equal to the current one answers 400 naming `newPassword`, and nothing changes. " +
    "Every other session ends (and every login still owing its second factor); the caller's stays. " +
    "The change is recorded and the account holder is told. Takes a sudo token, or an access token while the user has no active 2FA method.",
  tags: ["Password"],
  success: { schema: nullResponse, description: "The password is changed." },
  errors: ["PASSWORD_INCORRECT", "TOO_MANY_FAILED_PASSWORD_CHECKS", "NO_PASSWORD_INFO"],
  async handle({ body, query, meta, principal }) {
    await changePassword(principal, body, meta, query);
    return null;
  },
});

export const forgotPassword = defineEndpoint({
  method: "POST",
  path: "/v1/auth/forgot-password",
  auth: "none",
  query: mailQuery,
  body: forgotPasswordBody,
  summary: "Send a password reset email",
  description:
    `Mails a single-use link (valid 1 hour) to the portal's reset page, \`/reset-password?token=…\`. ${noEnumeration} ` +
    "One mail per 60 s per address (a slot of its own, separate from the reset code's).",
  tags: ["Password"],
  success: { schema: nullResponse, description: "The request was accepted." },
  errors: ["FORBIDDEN_MAIL_PROVIDER", "TOO_MANY_RESET_MAIL_ATTEMPTS", "UNABLE_TO_FIND_MAIL_TEMPLATE"],
  async handle({ body, query }) {
    await sendPasswordResetLink(body.email, query, { defer: after });
    return null;
  },
});

export const resetWithLink = defineEndpoint({
  method: "POST",
  path: "/v1/auth/reset-password",
  auth: "none",
  query: mailQuery,
  body: resetWithLinkBody,
  summary: "Set a new password with a reset link (ours)",
  description:
    "What the reset page submits: the token from the link of `/v1/auth/forgot-password` and the new password, under the same policy as every other password. " +
    "The link is used up, every session of the user ends (and every login still owing its second factor), the change is recorded and the account holder is told. " +
    "An unknown link answers 404 `LINK_NOT_FOUND`; an expired one 401 `LINK_EXPIRED`; a used one 409 `LINK_ALREADY_USED`. " +
    "The current password as the new one answers 400 naming `newPassword`; a locked account 403 `ACCOUNT_LOCKED`; either way nothing changes and the link stays usable.",
  tags: ["Password"],
  success: { schema: nullResponse, description: "The password is changed." },
  errors: [...linkErrorList, "ACCOUNT_LOCKED"],
  async handle({ body, query, meta }) {
    await resetPasswordWithLink(body, meta, query);
    return null;
  },
});
