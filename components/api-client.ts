"use client";

import {
  createGatehouseClient,
  settle,
  type Answer,
  type ApiFailure as GatehouseFailure,
  type ClientErrorCode as GatehouseClientErrorCode,
  type DataOf,
  type GatehouseClient,
} from "@/lib/api-client";

// The portal drives the same public API that third parties use, through the same typed client
// (lib/api-client): a page says which operation it calls, and the answer's type follows from it.

/** Failures of the client itself (lib/api-client's), and the person closing the step-up dialog. */
export type ClientErrorCode = GatehouseClientErrorCode | "STEP_UP_CANCELLED";

export type ApiFailure = Omit<GatehouseFailure, "code"> & { code: GatehouseFailure["code"] | ClientErrorCode };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** One call of the typed client: `(api) => api.GET("/user/2fa")`. */
export type ApiCall<A extends Answer> = (api: GatehouseClient) => Promise<A>;

/** What a page says for each code it words itself; the codes it leaves out get describeFailure's text. */
export type FailureTexts = Partial<Record<ApiFailure["code"], string>>;

/** The failure a client-side code stands for (no server answer behind it). */
export const clientFailure = (code: ClientErrorCode, status = 0): ApiFailure => ({ status, code, message: code });

/** The portal's client: the API under this origin's /api, with `token` as the bearer token. */
const portalClient = (token?: string | null) => createGatehouseClient({ baseUrl: "/api", token, cache: "no-store" });

/** Runs one call with `token` (none: a public operation) and answers its result, never a throw. */
export function callApi<A extends Answer>(call: ApiCall<A>, token?: string | null): Promise<ApiResult<DataOf<A>>> {
  return settle(call(portalClient(token)));
}

/** Texts for a person, by code; what is not here gets the general sentence. */
const messages: FailureTexts = {
  PASSWORD_INCORRECT: "The email address or password is incorrect.",
  ACCOUNT_LOCKED: "This account is locked. Contact your administrator.",
  NO_PASSWORD_INFO: "This account has no password yet. Use “Forgot password” to set one.",
  TOTP_INCORRECT: "That code is not right. Check your authenticator app and try again.",
  OTP_INVALID_EXPIRED: "That code is wrong or has expired.",
  RECOVERY_CODE_INCORRECT: "That recovery code is not right or has been used.",
  INVALID_TOKEN: "Your confirmation has expired. Please confirm it's you again.",
  NETWORK_ERROR: "Gatehouse could not be reached. Check your connection and try again.",
  FORBIDDEN_MAIL_PROVIDER: "Addresses at disposable mail providers cannot be used.",
  NEW_EMAIL_ALREADY_IN_USE: "Another account already uses that address.",
};

/** A sentence for a person; throttles name the wait. */
export function describeFailure(error: ApiFailure): string {
  if (error.status === 429) return `Too many attempts. Try again in ${error.retryAfter ?? 1} s.`;
  if (error.status === 400) return error.message;
  return messages[error.code] ?? "Something went wrong. Please try again.";
}
