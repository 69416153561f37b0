import {
  actionBody,
  addressAvailability,
  addressAvailabilityResponse,
  adminOverview,
  createAccount,
  createUserBody,
  createUserResponse,
  endAllSessions,
  grantAdmin,
  listMail,
  listUsers,
  lockAccount,
  mailIdParams,
  mailListQuery,
  mailListResponse,
  mailMessage,
  mailMessageResponse,
  overviewResponse,
  resetTwoFactor,
  resetTwoFactorResponse,
  revokeAdmin,
  revokeSessionsResponse,
  sendPasswordReset,
  unlockAccount,
  userDetail,
  userDetailResponse,
  userIdParams,
  userListQuery,
  userListResponse,
  type Actor,
} from "../admin";
import type { z } from "zod";
import type { ErrorCode } from "../errors";
import type { RequestMeta } from "../events";
import { defineEndpoint, type AnyEndpoint } from "../http/endpoint";
import type { Principal } from "../tokens/authorize";
import { mailQuery, nullResponse } from "./common";

// The admin API (ours): what the dashboard shows and does, for scripts too. Served under
// /api/admin/… only (the un-prefixed /admin/… is the dashboard's pages). Reads take an
// administrator's access token ("admin-access"); every action takes the administrator's OWN sudo
// token ("admin-sudo": a second factor moments ago, from one of the /user/2fa/…/authenticate
// calls), so an administrator needs an active second factor to act. An access token on an action
// answers 401 INVALID_TOKEN, like every sudo endpoint; a token of a non-administrator 403
// ADMIN_REQUIRED.

const tags = ["Administration"];
const SERVED = "Served at `/api/admin/…` only (not at the un-prefixed path).";
const READ = `Needs an administrator's access (or sudo) token. ${SERVED}`;
const ACTION = `Needs the administrator's own sudo token (step-up with a second factor); an access token answers 401 \`INVALID_TOKEN\`. Recorded as a security event on the account (with the administrator as actor) and as \`admin.action\` on the administrator's account. ${SERVED}`;
const MAIL = "The optional `origin`/`language` query picks the brand and language of the mail.";

const readErrors: ErrorCode[] = ["ADMIN_REQUIRED"];
const actionErrors = (...more: ErrorCode[]): ErrorCode[] => ["ADMIN_REQUIRED", "USER_NOT_FOUND", ...more];

const actor = (principal: Principal, meta: RequestMeta): Actor => ({ userId: principal.userId, meta });

// --- reads --------------------------------------------------------------------------------------

export const adminOverviewEndpoint = defineEndpoint({
  method: "GET",
  path: "/admin/overview",
  auth: "admin-access",
  summary: "Dashboard overview",
  description: `Accounts, administrators, locked accounts, 2FA adoption (any method and per method), and per UTC day over the last 30 days the sign-ins (\`login.success\`), failed sign-ins (\`login.failure\`) and throttles (\`throttle.triggered\`). ${READ}`,
  tags,
  success: { schema: overviewResponse, description: "The figures." },
  errors: readErrors,
  async handle() {
    return adminOverview();
  },
});

export const adminListUsers = defineEndpoint({
  method: "GET",
  path: "/admin/users",
  auth: "admin-access",
  query: userListQuery,
  summary: "Find accounts",
  description: `25 accounts a page. \`query\` matches the start of the email address by default (\`match=prefix\`, served from the email index, fast on any number of accounts); \`match=contains\` finds it anywhere but reads every account. Pages by keyset: pass \`nextCursor\`/\`prevCursor\` back as \`cursor\` with the same query, filter and sort; \`total\` counts every match. ${READ}`,
  tags,
  success: { schema: userListResponse, description: "One page of accounts." },
  errors: readErrors,
  async handle({ query }) {
    return listUsers(query);
  },
});

export const adminGetUser = defineEndpoint({
  method: "GET",
  path: "/admin/users/{id}",
  auth: "admin-access",
  params: userIdParams,
  summary: "An account in detail",
  description: `Its 2FA methods and when they were set up, recovery codes left, live sessions, throttle state (password, TOTP, email OTP, recovery code) and the latest 100 security events. ${READ}`,
  tags,
  success: { schema: userDetailResponse, description: "The account." },
  errors: [...readErrors, "USER_NOT_FOUND"],
  async handle({ params }) {
    return userDetail(params.id);
  },
});

export const adminListMail = defineEndpoint({
  method: "GET",
  path: "/admin/mail",
  auth: "admin-access",
  query: mailListQuery,
  summary: "Mail log",
  description: `Every message any transport (outbox, SMTP, Resend) handled, newest first, 25 a page by keyset, with its status (\`sent\`/\`failed\`), brand (origin), language and recipient. ${READ}`,
  tags,
  success: { schema: mailListResponse, description: "One page of messages." },
  errors: readErrors,
  async handle({ query }) {
    return listMail(query);
  },
});

export const adminGetMail = defineEndpoint({
  method: "GET",
  path: "/admin/mail/{id}",
  auth: "admin-access",
  params: mailIdParams,
  summary: "One mail",
  description: `The message with its HTML and text bodies. ${READ}`,
  tags,
  success: { schema: mailMessageResponse, description: "The message." },
  errors: [...readErrors, "MAIL_NOT_FOUND"],
  async handle({ params }) {
    return mailMessage(params.id);
  },
});

export const adminAddressAvailability = defineEndpoint({
  method: "POST",
  path: "/admin/users/availability",
  auth: "admin-access",
  body: createUserBody,
  summary: "Is an address free for a new account?",
  description: `What \`POST /admin/users\` would answer about the address, before asking for a step-up: \`available\` is false when an account already has it (409 \`EMAIL_ALREADY_IN_USE\` there). The address travels in the body, so it stays out of request logs. It tells an administrator no more than the account search does. ${READ}`,
  tags,
  success: { schema: addressAvailabilityResponse, description: "Whether the address is free." },
  errors: readErrors,
  async handle({ body }) {
    return addressAvailability(body.email);
  },
});

// --- actions ------------------------------------------------------------------------------------

export const adminCreateUser = defineEndpoint({
  method: "POST",
  path: "/admin/users",
  auth: "admin-sudo",
  query: mailQuery,
  body: createUserBody,
  summary: "Create an account",
  description: `Creates an account without a password and mails its holder a single-use link (24 hours) to the set-password page. If that mail cannot be sent the account still exists and \`setupLinkSent\` is false: send a password reset to retry. ${MAIL} ${ACTION}`,
  tags,
  success: { schema: createUserResponse, description: "The new account." },
  errors: ["ADMIN_REQUIRED", "EMAIL_ALREADY_IN_USE", "UNABLE_TO_FIND_MAIL_TEMPLATE"],
  async handle({ principal, meta, body, query }) {
    return createAccount(actor(principal, meta), body.email, query);
  },
});

const userAction = <R>(options: {
  path: string;
  summary: string;
  description: string;
  errors?: ErrorCode[];
  mail?: boolean;
  success?: { schema: z.ZodType; description: string };
  run: (actor: Actor, userId: number, mail: { origin?: string; language?: string }) => Promise<R>;
}) =>
  defineEndpoint({
    method: "POST",
    path: `/admin/users/{id}/${options.path}`,
    auth: "admin-sudo",
    params: userIdParams,
    query: mailQuery,
    body: actionBody,
    emptyBodyIsObject: true,
    summary: options.summary,
    description: `${options.description}${options.mail ? ` ${MAIL}` : ""} ${ACTION}`,
    tags,
    success: options.success ?? { schema: nullResponse, description: "Done." },
    errors: actionErrors(...(options.errors ?? []), ...(options.mail ? (["UNABLE_TO_FIND_MAIL_TEMPLATE"] as const) : [])),
    async handle({ principal, meta, params, query }) {
      return (await options.run(actor(principal, meta), params.id, query)) ?? null;
    },
  });

export const adminLockUser = userAction({
  path: "lock",
  summary: "Lock an account",
  description:
    "The account can no longer sign in (`POST /auth/login` answers 403 `ACCOUNT_LOCKED`) and every session ends at once. The holder is told by mail. An administrator cannot lock their own account, nor the last unlocked administrator.",
  errors: ["ACCOUNT_ALREADY_LOCKED", "CANNOT_LOCK_OWN_ACCOUNT", "LAST_ADMIN"],
  mail: true,
  run: (a, id, mail) => lockAccount(a, id, mail),
});

export const adminUnlockUser = userAction({
  path: "unlock",
  summary: "Unlock an account",
  description: "The account can sign in again.",
  errors: ["ACCOUNT_NOT_LOCKED"],
  run: (a, id) => unlockAccount(a, id),
});

export const adminRevokeSessions = userAction({
  path: "revoke-sessions",
  summary: "End all sessions of an account",
  description: "Every refresh token of the account stops working, and with it every access and sudo token issued from it.",
  success: { schema: revokeSessionsResponse, description: "How many live sessions ended." },
  run: (a, id) => endAllSessions(a, id),
});

export const adminResetTwoFactor = userAction({
  path: "reset-2fa",
  summary: "Reset 2FA of an account",
  description:
    "Removes TOTP (active or pending), email OTP and every recovery code in one transaction; the person then signs in with the password alone and can set 2FA up again. The holder is told by mail.",
  errors: ["2FA_NOT_SET_UP"],
  mail: true,
  success: { schema: resetTwoFactorResponse, description: "What was removed (`totp`/`emailOtp`: an active method was removed)." },
  run: (a, id, mail) => resetTwoFactor(a, id, mail),
});

export const adminSendPasswordReset = userAction({
  path: "send-password-reset",
  summary: "Send a password reset link",
  description:
    "Mails the holder a single-use link (1 hour) to the portal's reset page. A failed delivery answers 500 `MAIL_DELIVERY_FAILED` and the link is withdrawn.",
  errors: ["MAIL_DELIVERY_FAILED"],
  mail: true,
  run: (a, id, mail) => sendPasswordReset(a, id, mail),
});

export const adminGrantAdmin = userAction({
  path: "grant-admin",
  summary: "Make an account an administrator",
  description: "The account gets the administrator role (it needs an active second factor of its own to act).",
  errors: ["ALREADY_ADMIN"],
  run: (a, id) => grantAdmin(a, id),
});

export const adminRevokeAdmin = userAction({
  path: "revoke-admin",
  summary: "Take the administrator role away",
  description:
    "Also from oneself. 409 `LAST_ADMIN` when the account is the last unlocked administrator; the check and the change are one serializable transaction, so two administrators demoting each other at once leave one administrator.",
  errors: ["NOT_ADMIN", "LAST_ADMIN"],
  run: (a, id) => revokeAdmin(a, id),
});

/** Every admin endpoint, for the OpenAPI document. */
export const adminEndpoints: AnyEndpoint[] = [
  adminOverviewEndpoint,
  adminListUsers,
  adminAddressAvailability,
  adminCreateUser,
  adminGetUser,
  adminLockUser,
  adminUnlockUser,
  adminRevokeSessions,
  adminResetTwoFactor,
  adminSendPasswordReset,
  adminGrantAdmin,
  adminRevokeAdmin,
  adminListMail,
  adminGetMail,
];
