import { config } from "../config";
import { forbidden } from "../errors";
import { corsGrant } from "./cors";

/**
 * Cookie-authenticated API requests (the refresh cookie of `?cookie=true`) must come from this
 * origin or an origin trusted with credentials (CORS_ORIGINS). Bearer tokens need no such check:
 * a browser never adds them by itself. SameSite=Lax already keeps the cookie off cross-site POSTs;
 * this also covers the state-changing GET (rotation) and older browsers.
 */
export function assertSameSiteForCookie(request: Request): void {
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const own = new URL(config().APP_URL).origin;
  const requestOrigin = new URL(request.url).origin;
  const trusted = (o: string) => o === own || o === requestOrigin || corsGrant(o)?.credentials === true;
  if (origin && origin !== "null" && trusted(origin)) return;
  if (origin || fetchSite === "cross-site" || fetchSite === "same-site") throw forbidden("CROSS_SITE_REQUEST");
}
