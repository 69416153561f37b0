// Every API endpoint answers at /api/<path> and at /<path> (spec §1), so existing Eniris clients
// can use this server's origin as their "auth URL" unchanged.
const apiPrefixes = ["auth", "user", "v1"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Tests and parallel work build into their own folder (NEXT_DIST_DIR) so builds never collide.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The build type-checks the app only; `npm test` type-checks everything (tests, scripts, e2e).
  typescript: { tsconfigPath: "tsconfig.build.json" },
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
