import {
  completeEmailTransfer,
  completeTransferBody,
  initiateEmailTransfer,
  initiateTransferBody,
  undoEmailChange,
  undoEmailChangeBody,
} from "../email-transfer";
import { defineEndpoint } from "../http/endpoint";
import { linkErrorList } from "../password-reset";
import { mailQuery, nullResponse } from "./common";

// docs/api.md §4 #20–#21, plus the undo link (ours).

export const initiateTransfer = defineEndpoint({
  method: "POST",
  path: "/user/email/initiate",
  auth: "sudo-or-access-without-2fa",
  query: mailQuery,
  body: initiateTransferBody,
  summary: "Initiate an email address transfer",
  description:
    "Mails a 6-digit code (valid 10 minutes) to the new address; the account's address changes only when the code comes back (`PUT /user/email`). " +
    "One transfer mail per 60 s per account. An address already used by any account, this one included, answers 409. " +
    "At most 3 such 409s per account in any 10 minutes: past that, every initiate answers 429 `TOO_MANY_TRANSFER_ATTEMPTS`, whatever the address, " +
    "with `retryAfter` until the oldest of the three is 10 minutes old.",
  tags: ["Email"],
  success: { schema: nullResponse, description: "The code is on its way to the new address." },
  errors: ["FORBIDDEN_MAIL_PROVIDER", "NEW_EMAIL_ALREADY_IN_USE", "TOO_MANY_TRANSFER_ATTEMPTS", "UNABLE_TO_FIND_MAIL_TEMPLATE"],
  async handle({ body, query, meta, principal }) {
    await initiateEmailTransfer(principal.userId, body.email, meta, query);
    return null;
  },
});

export const completeTransfer = defineEndpoint({
  method: "PUT",
  path: "/user/email",
  auth: "access",
  query: mailQuery,
  body: completeTransferBody,
  summary: "Complete an email address transfer",
  description:
    "With the code mailed to the new address, the account's email becomes the new one (sign in with it from now on). " +
    "The old address is told, with a link (valid 7 days, single use) that undoes the change (ours). " +
    "The address that receives 2FA email codes is a separate setting and does not change.",
  tags: ["Email"],
  success: { schema: nullResponse, description: "The account's email is the new one." },
  errors: ["OTP_INVALID_EXPIRED", "NEW_EMAIL_ALREADY_IN_USE"],
  async handle({ body, query, meta, principal }) {
    await completeEmailTransfer(principal.userId, body.otp, meta, query);
    return null;
  },
});

export const undoTransfer = defineEndpoint({
  method: "POST",
  path: "/v1/auth/undo-email-change",
  auth: "none",
  query: mailQuery,
  body: undoEmailChangeBody,
  summary: "Undo an email address change (ours)",
  description:
    "What the undo page submits, with the token from the link mailed to the old address. The account's email goes back to the old address, " +
    "every session ends, and the password is cleared: a password-reset link goes to the restored address, and signing in answers `NO_PASSWORD_INFO` until it is used. " +
    "Undo links of later changes stop working. An unknown link answers 404 `LINK_NOT_FOUND`; an expired one 401 `LINK_EXPIRED`; a used one 409 `LINK_ALREADY_USED`; " +
    "when another account uses the old address by now, 409 `OLD_EMAIL_ALREADY_IN_USE`.",
  tags: ["Email"],
  success: { schema: nullResponse, description: "The old address is restored." },
  errors: [...linkErrorList, "OLD_EMAIL_ALREADY_IN_USE"],
  async handle({ body, query, meta }) {
    await undoEmailChange(body.token, meta, query);
    return null;
  },
});
