"use client";

import { isErrorCode, type ErrorCode } from "@/lib/errors/catalogue";

/**
 * Failures the client itself reports, never the server: no answer at all, the person closed the
 * step-up dialog, an answer that is not the error envelope. BAD_REQUEST stands for a 400, whose
 * `message` is a sentence rather than a code.
 */
export type ClientErrorCode = "NETWORK_ERROR" | "STEP_UP_CANCELLED" | "UNKNOWN_ERROR" | "BAD_REQUEST";

// The portal drives the same public API that third parties use; this is its tiny client.
export interface ApiFailure {
  /** 0 when there was no answer */
  status: number;
  code: ErrorCode | ClientErrorCode;
  /** the envelope's `message`: the code, or for a 400 the sentence naming the field */
  message: string;
  /** 400 only: the input at fault, as the API names it ("newPassword", "body") */
  field?: string;
  retryAfter?: number;
  partialToken?: string;
  methods?: string[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** What a page says for each code it words itself; the codes it leaves out get describeFailure's text. */
export type FailureTexts = Partial<Record<ApiFailure["code"], string>>;

/** The failure a client-side code stands for (no server answer behind it). */
export const clientFailure = (code: ClientErrorCode, status = 0): ApiFailure => ({ status, code, message: code });

function failureOf(status: number, body: Record<string, unknown>): ApiFailure {
  const message = typeof body.message === "string" ? body.message : "UNKNOWN_ERROR";
  return {
    status,
    code: status === 400 ? "BAD_REQUEST" : isErrorCode(message) ? message : "UNKNOWN_ERROR",
    message,
    field: typeof body.field === "string" ? body.field : undefined,
    retryAfter: body.retryAfter as number | undefined,
    partialToken: body.partialToken as string | undefined,
    methods: body.methods as string[] | undefined,
  };
}

export async function callApi<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; text?: boolean } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, error: clientFailure("NETWORK_ERROR") };
  }
  if (response.ok) {
    if (response.status === 204) return { ok: true, data: null as T };
    const data = init.text ? await response.text() : await response.json();
    return { ok: true, data: data as T };
  }
  const body = await response.json().catch(() => ({}));
  return { ok: false, error: failureOf(response.status, body) };
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
