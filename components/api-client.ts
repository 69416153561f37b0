"use client";

// The portal drives the same public API that third parties use; this is its tiny client.
export interface ApiFailure {
  status: number;
  code: string;
  retryAfter?: number;
  partialToken?: string;
  methods?: string[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

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
    return { ok: false, error: { status: 0, code: "NETWORK_ERROR" } };
  }
  if (response.ok) {
    if (response.status === 204) return { ok: true, data: null as T };
    const data = init.text ? await response.text() : await response.json();
    return { ok: true, data: data as T };
  }
  const body = await response.json().catch(() => ({}));
  return {
    ok: false,
    error: {
      status: response.status,
      code: typeof body.message === "string" ? body.message : "UNKNOWN_ERROR",
      retryAfter: body.retryAfter,
      partialToken: body.partialToken,
      methods: body.methods,
    },
  };
}

const messages: Record<string, string> = {
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
  if (error.status === 400) return error.code;
  return messages[error.code] ?? "Something went wrong. Please try again.";
}
