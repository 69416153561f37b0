import { config } from "../config";
import { isApiPath } from "./api-paths.mjs";

// Cross-origin access to the public API (not to the portal or the browser session).
//
// CORS_ORIGINS (comma list) names the web origins whose pages may call the API:
// - nothing configured (the default): no CORS header at all, browsers keep other origins out;
// - a listed origin (`https://app.example.com`): reflected, with `Vary: Origin`, and with
//   credentials, so such a page may also use the HttpOnly refresh cookie (`?cookie=true`);
// - `*`: any other origin may read answers, never with credentials (the bearer header still
//   works), and never posts a body that skipped the preflight (lib/http/csrf.ts).
//
// Preflight requests are answered in proxy.ts (before routing, so every API path and both path
// forms are covered); the headers on actual responses come from the endpoint wrapper, which
// leaves out internal (portal) endpoints.

export const CORS_ALLOW_METHODS = "GET, POST, PUT, DELETE";
export const CORS_ALLOW_HEADERS = "Authorization, Content-Type";
/** Response headers a cross-origin script may read besides the safelisted ones. */
export const CORS_EXPOSE_HEADERS = "Retry-After, X-Request-Id";
export const CORS_MAX_AGE_SECONDS = 600;

export interface CorsGrant {
  /** the Access-Control-Allow-Origin value: the request's origin, or `*` */
  allowOrigin: string;
  credentials: boolean;
}

const normalize = (origin: string) => origin.trim().toLowerCase().replace(/\/+$/, "");

/** What the configured origins grant to a request from `origin` (null: nothing). */
export function corsGrant(origin: string | null, allowed: readonly string[] = config().CORS_ORIGINS): CorsGrant | null {
  if (!origin || allowed.length === 0) return null;
  const wanted = normalize(origin);
  // "null" (sandboxed frames, file: pages) is never an explicitly trusted origin
  if (wanted !== "null" && wanted !== "*" && allowed.some((a) => a !== "*" && normalize(a) === wanted)) {
    return { allowOrigin: origin, credentials: true };
  }
  if (allowed.includes("*")) return { allowOrigin: "*", credentials: false };
  return null;
}

/**
 * An origin CORS_ORIGINS names itself, not one that `*` merely lets read answers: the only other
 * origins trusted with the refresh cookie and with bodies a browser sends without a preflight
 * (lib/http/csrf.ts).
 */
export const isListedOrigin = (origin: string, allowed: readonly string[] = config().CORS_ORIGINS) =>
  corsGrant(origin, allowed)?.credentials === true;

function appendVary(headers: Headers, value: string) {
  const current = headers.get("Vary");
  if (!current) headers.set("Vary", value);
  else if (!current.split(",").some((v) => v.trim().toLowerCase() === value.toLowerCase())) headers.set("Vary", `${current}, ${value}`);
}

function grantHeaders(headers: Headers, grant: CorsGrant) {
  headers.set("Access-Control-Allow-Origin", grant.allowOrigin);
  if (grant.credentials) headers.set("Access-Control-Allow-Credentials", "true");
  else headers.delete("Access-Control-Allow-Credentials");
}

/** Adds the CORS headers for an actual (non-preflight) API response. */
export function applyCorsHeaders(request: Request, headers: Headers, allowed: readonly string[] = config().CORS_ORIGINS): void {
  if (allowed.length === 0) return;
  // the answer depends on Origin as soon as any origin is configured: tell caches
  appendVary(headers, "Origin");
  const grant = corsGrant(request.headers.get("origin"), allowed);
  if (!grant) return;
  grantHeaders(headers, grant);
  headers.set("Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS);
}

export const isPreflight = (request: Request) =>
  request.method === "OPTIONS" && request.headers.has("origin") && request.headers.has("access-control-request-method");

/**
 * The answer to a CORS preflight from an allowed origin: 204 with the methods, headers and how
 * long the browser may cache it. Null when the origin is not allowed (no CORS header at all).
 */
export function preflightResponse(request: Request, allowed: readonly string[] = config().CORS_ORIGINS): Response | null {
  if (!isPreflight(request)) return null;
  const grant = corsGrant(request.headers.get("origin"), allowed);
  if (!grant) return null;
  const headers = new Headers({ "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  appendVary(headers, "Origin");
  grantHeaders(headers, grant);
  headers.set("Access-Control-Allow-Methods", CORS_ALLOW_METHODS);
  headers.set("Access-Control-Allow-Headers", CORS_ALLOW_HEADERS);
  headers.set("Access-Control-Max-Age", String(CORS_MAX_AGE_SECONDS));
  headers.set("Allow", `OPTIONS, ${CORS_ALLOW_METHODS}`);
  return new Response(null, { status: 204, headers });
}

/**
 * Paths whose preflights are answered: the API in both path forms (lib/http/api-paths.mjs),
 * except the portal's and the browser session's plumbing, which stay same-origin.
 */
export function isCorsPath(pathname: string): boolean {
  if (/^\/api\/(portal|session)(\/|$)/.test(pathname)) return false;
  return isApiPath(pathname);
}
