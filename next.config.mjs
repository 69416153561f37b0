import createNextIntlPlugin from "next-intl/plugin";
import { NATIVE_SEGMENTS, WELL_KNOWN } from "./lib/http/api-paths.mjs";

// Every API endpoint answers at /<path> and at /api/<path> (docs/api.md §1), so existing Eniris
// clients can use this server's origin as their "auth URL" unchanged. Which first segments do is
// declared in lib/http/api-paths.mjs. Their paths are served natively by one route file per
// path (app/auth, app/user, app/v1), the public paths being what third-party clients call;
// /api/<path> reaches them through a rewrite.
//
// Why one route file per path, not one catch-all per prefix that looks the endpoint up in the
// registry (lib/api): measured with autocannon, GET /user/2fa with a bearer token, 50 connections,
// both builds alternated one server at a time on the shared 2-core machine, 35 pairs of 5-second
// runs: the catch-all served a median 0.85× the requests per second of the route file
// (949 → 830/s) and spent 1.16× the server CPU per request (0.98 → 1.10 ms). Through the /api
// prefix the catch-all (no rewrite) and the rewrite to the route file came out even (0.99×).
// tests/api/openapi-registry.test.ts keeps each route file's location and its declaration's path in step.

// Security headers on every response (lib/http/security-headers.ts explains each; a test checks
// that responses carry exactly these). The pages' CSP comes per request from proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next loads every route's and page's modules at boot unless told not to; a server that only
  // answers the API then holds the pages' React trees too. Each loads on its first request instead
  // (the benchmark's warm-up takes that first request).
  experimental: { preloadEntriesOnStart: false },
  // required from node_modules when first used (lib/mail/forbidden-providers.ts), not bundled
  serverExternalPackages: ["disposable-email-domains"],
  // Every page's <title> is in its <head> from the first byte: titles come from an async
  // generateMetadata (the brand of the host), which Next otherwise streams in after the body for
  // browsers, so a screen reader (and axe) could meet a page without a title.
  htmlLimitedBots: /.*/,
  // Tests and parallel work build into their own folder (NEXT_DIST_DIR) so builds never collide.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The build type-checks the app only; `npm test` type-checks everything (tests, scripts, e2e).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: `/${WELL_KNOWN}/:path*`, destination: "/api/well-known/:path*" },
        { source: `/api/${WELL_KNOWN}/:path*`, destination: "/api/well-known/:path*" },
      ],
      // after the static routes, before the dynamic ones (so before the /api/[...path] 404)
      afterFiles: NATIVE_SEGMENTS.map((prefix) => ({ source: `/api/${prefix}/:path*`, destination: `/${prefix}/:path*` })),
    };
  },
};

// next-intl (the pages' languages): its request configuration is i18n/request.ts, the default path.
const withNextIntl = createNextIntlPlugin();

export default withNextIntl(nextConfig);
