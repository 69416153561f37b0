// Type-level test: `npx tsc --noEmit -p .` checks this file and never runs it. Each line under a
// `@ts-expect-error` must NOT compile; if one ever does (a code the catalogue lacks is accepted,
// a code is thrown with another status than its own), the directive itself fails the check.
import type { ApiFailure, FailureTexts } from "@/components/api-client";
import { apiError, conflict, tooManyRequests, unauthorized, type ErrorCode } from "@/lib/errors";
import type { Endpoint } from "@/lib/http/endpoint";

export function throwing() {
  apiError("TOTP_UNINITIALIZED");
  conflict("TOTP_UNINITIALIZED");
  // @ts-expect-error a code the catalogue lacks
  apiError("TOTP_UNINITIALISED");
  // @ts-expect-error a code the catalogue lacks, with a plausible status
  conflict("TOTP_NOT_READY");
  // @ts-expect-error a real code with another status than its own (TOTP_UNINITIALIZED is a 409)
  unauthorized("TOTP_UNINITIALIZED");
  // @ts-expect-error the throttle's code must be a 429's
  tooManyRequests("TOTP_INCORRECT", 5);
}

export const declared: Endpoint["errors"] = [
  "TOTP_UNINITIALIZED",
  // @ts-expect-error a declaration listing a code the catalogue lacks
  "TOTP_NOT_READY",
];

export function comparing(failure: ApiFailure) {
  if (failure.code === "INVALID_TOKEN" || failure.code === "STEP_UP_CANCELLED") return 1;
  // @ts-expect-error a page comparing against a code the catalogue lacks
  if (failure.code === "INVALID_TOKENS") return 2;
  // @ts-expect-error …also with !==
  if (failure.code !== "TYPO") return 3;
  return 0;
}

export const texts: FailureTexts = {
  OTP_INVALID_EXPIRED: "That code is wrong or has expired.",
  // @ts-expect-error a message table wording a code the catalogue lacks
  OTP_WRONG: "That code is wrong.",
};

export const codes: ErrorCode[] = [
  "2FA_REQUIRED",
  // @ts-expect-error client-side codes are not server codes
  "NETWORK_ERROR",
];
