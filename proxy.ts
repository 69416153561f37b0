import { NextResponse } from "next/server";
import { isCorsPath, preflightResponse } from "./lib/http/cors";
import { PAGE_PATH_HEADER } from "./lib/browser-session/return-path";
import { pageContentSecurityPolicy } from "./lib/http/security-headers";

// Two jobs, each limited by the matcher below so the API's hot path never runs through here:
// 1. CORS preflights for the API (lib/http/cors.ts), for both path forms and every route;
// 2. a fresh CSP nonce for every page render: Next reads the policy from the request headers
//    and puts the nonce on its own scripts; the browser gets the same policy on the response.
//    The page's own path goes along too (set here, so a client cannot forge it), for the guards
//    that send a signed-out person to /login and back (app/guards.ts).
export function proxy(request: Request) {
  const pathname = new URL(request.url).pathname;
  if (request.method === "OPTIONS" && isCorsPath(pathname)) {
    const answer = preflightResponse(request);
    if (answer) return answer;
    return NextResponse.next();
  }
  if (isCorsPath(pathname)) return undecodable(pathname) ?? NextResponse.next();

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const url = new URL(request.url);
  requestHeaders.set(PAGE_PATH_HEADER, `${url.pathname}${url.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * Next's router answers a path that does not percent-decode (`/api/admin/users/%FF`) with a bare
 * plain-text 500 before any route runs; the API answers 400 in its envelope instead.
 */
function undecodable(pathname: string): Response | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return Response.json(
      { statusCode: 400, error: "Bad Request", message: "path is not valid percent-encoded UTF-8", field: "path" },
      {
        status: 400,
        headers: {
          "Cache-Control": "no-store",
          "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
          "X-Request-Id": crypto.randomUUID(),
        },
      },
    );
  }
}

// Literal values: Next reads this config statically. The API's prefixes are those of
// lib/http/api-paths.mjs; lib/http/api-paths.test.ts fails when the two disagree.
export const config = {
  matcher: [
    { source: "/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/auth/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/user/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/.well-known/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    // API paths with a percent sign: checked for a malformed encoding (the rest skip the proxy)
    { source: "/:path((?:api|auth|user|v1|\\.well-known)/.*%.*)" },
    // pages: everything that is not the API, a static asset or a prefetch
    {
      source: "/((?!api/|auth/|user/|v1/|\\.well-known/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
