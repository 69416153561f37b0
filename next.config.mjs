// Every API endpoint answers at /<path> and at /api/<path> (spec §1), so existing Eniris clients
// can use this server's origin as their "auth URL" unchanged. The spec's own paths are served
// natively (app/auth, app/user, app/v1): a rewrite costs a tenth of a fast request, and the
// public paths are what third-party clients call. /api/<path> reaches them through a rewrite.
const apiPrefixes = ["auth", "user", "v1"];

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
        { source: "/.well-known/:path*", destination: "/api/well-known/:path*" },
        { source: "/api/.well-known/:path*", destination: "/api/well-known/:path*" },
      ],
      // after the static routes, before the dynamic ones (so before the /api/[...path] 404)
      afterFiles: apiPrefixes.map((prefix) => ({ source: `/api/${prefix}/:path*`, destination: `/${prefix}/:path*` })),
    };
  },
};

export default nextConfig;
