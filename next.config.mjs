// Every API endpoint answers at /api/<path> and at /<path> (spec §1), so existing Eniris clients
// can use this server's origin as their "auth URL" unchanged.
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
        ...apiPrefixes.map((prefix) => ({ source: `/${prefix}/:path*`, destination: `/api/${prefix}/:path*` })),
      ],
    };
  },
};

export default nextConfig;
