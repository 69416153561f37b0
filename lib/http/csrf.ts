import { config } from "../config";
import { forbidden } from "../errors";
import { isListedOrigin } from "./cors";

// A browser sends some cross-site requests without asking first: a form post, or a fetch whose
// body is text/plain. Gatehouse reads every body as JSON whatever its Content-Type (a client that
// leaves the header out, or a fetch with a string body, sends text/plain), so such a request from
// another site must be refused before it is read, or a page elsewhere could sign a visitor in
// (`?cookie=true`) or send mails.
// Non-browser clients send neither Origin nor Sec-Fetch-Site and are never affected.

const ownOrigins = (request: Request) => [new URL(config().APP_URL).origin, new URL(request.url).origin];

// Only this origin and the ones CORS_ORIGINS lists by name are trusted. `*` lets any origin read
// answers; counting it here would let any page sign a visitor in (docs/api.md §8 "Cross-site bodies").
function fromAnotherSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && (ownOrigins(request).includes(origin) || isListedOrigin(origin))) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  return !!origin || fetchSite === "cross-site" || fetchSite === "same-site";
}

/**
 * Cookie-authenticated API requests (the refresh cookie of `?cookie=true`) must come from this
 * origin or one CORS_ORIGINS lists (trusted with credentials). Bearer tokens need no such check:
 * a browser never adds them by itself. SameSite=Lax already keeps the cookie off cross-site POSTs;
 * this also covers the state-changing GET (rotation) and older browsers.
 */
export function assertSameSiteForCookie(request: Request): void {
  if (fromAnotherSite(request)) throw forbidden("CROSS_SITE_REQUEST");
}

const PREFLIGHTED = /^application\/(.+\+)?json$/;

/**
 * A body that reached us without a CORS preflight (any Content-Type but JSON) from a page of
 * another site that CORS_ORIGINS does not name (`*` names none): 403 CROSS_SITE_REQUEST.
 */
export function assertNoCrossSiteForm(request: Request): void {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (PREFLIGHTED.test(type)) return; // the browser asked first, and CORS answered
  if (fromAnotherSite(request)) throw forbidden("CROSS_SITE_REQUEST");
}
