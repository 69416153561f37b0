import { NextResponse } from "next/server";
import { isCorsPath, preflightResponse } from "./lib/http/cors";

// CORS preflights for the API (lib/http/cors.ts). Proxy runs before next.config's rewrites, so one
// place answers `OPTIONS` for both path forms (/api/auth/login and /auth/login) and for every
// route file, present or future. Only preflights reach it (the `has` condition below); the
// headers on actual responses are added by the endpoint wrapper.
export function proxy(request: Request) {
  const pathname = new URL(request.url).pathname;
  if (request.method === "OPTIONS" && isCorsPath(pathname)) {
    const answer = preflightResponse(request);
    if (answer) return answer;
  }
  return NextResponse.next();
}

// (literal values: Next reads this config statically)
export const config = {
  matcher: [
    { source: "/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/auth/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/user/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/.well-known/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
  ],
};
