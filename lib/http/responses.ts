import { ApiError, reasonPhrases } from "../errors";
import { API_CONTENT_SECURITY_POLICY } from "./security-headers";

// Every API response may carry a token or a code, so none is cached (docs/api.md §7: token responses).
export const baseHeaders = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
} as const;

export const REFRESH_COOKIE = "gatehouse_refresh";

/** A bare token as text/plain (docs/api.md §3), optionally also set as an HttpOnly cookie. */
export function tokenResponse(token: string, opts: { cookie?: boolean } = {}): Response {
  const headers = new Headers({ ...baseHeaders, "Content-Type": "text/plain; charset=utf-8" });
  if (opts.cookie) {
    headers.append("Set-Cookie", `${REFRESH_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${14 * 24 * 3600}`);
  }
  return new Response(token, { status: 200, headers });
}

export const noContent = () => new Response(null, { status: 204, headers: baseHeaders });

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body ?? null), { status, headers: { ...baseHeaders, "Content-Type": "application/json" } });

export function errorResponse(error: ApiError): Response {
  const body: Record<string, unknown> = {
    statusCode: error.status,
    error: reasonPhrases[error.status] ?? "Error",
    message: error.code,
    ...error.extras,
  };
  const response = json(body, error.status);
  if (error.extras.retryAfter) response.headers.set("Retry-After", String(error.extras.retryAfter));
  return response;
}
