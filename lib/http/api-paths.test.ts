import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { config as proxyConfig } from "../../proxy";
import { API_PREFIX, NATIVE_SEGMENTS, UNPREFIXED_SEGMENTS, WELL_KNOWN, isApiPath, servedWithoutPrefix } from "./api-paths.mjs";

// The API's path prefixes are declared once (api-paths.mjs). Next reads proxy.ts's matcher
// statically, so it must spell them as literals: these checks keep the literals, the route
// folders and the rewrites in agreement with the declaration.

const APP_DIR = path.resolve(__dirname, "../../app");
// plain JavaScript without a declaration file: imported by path
const loadNextConfig = async () =>
  ((await import(/* @vite-ignore */ path.resolve(__dirname, "../../next.config.mjs"))) as { default: NextConfig }).default;
const escape = (segment: string) => segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
type Matcher = { source: string; has?: { key: string }[]; missing?: unknown[] };
const matchers = proxyConfig.matcher as Matcher[];

describe("the API's path prefixes (lib/http/api-paths.mjs)", () => {
  it("are the ones proxy.ts's matcher spells out", () => {
    const preflights = matchers.filter((m) => m.has?.some((h) => h.key === "access-control-request-method")).map((m) => m.source);
    expect(preflights.sort()).toEqual([API_PREFIX, ...UNPREFIXED_SEGMENTS].map((s) => `/${s}/:path*`).sort());

    // paths with a percent sign: every API path form (Next's router answers a bare 500 to a
    // malformed one before any route, or the rewrite to app/api/well-known/, runs)
    const percent = matchers.find((m) => m.source.includes("%"))!.source;
    expect(percent).toBe(`/:path((?:${[API_PREFIX, ...UNPREFIXED_SEGMENTS].map(escape).join("|")})/.*%.*)`);

    // pages: everything but the API (and Next's own assets)
    const pages = matchers.find((m) => m.missing)!.source;
    const excluded = /^\/\(\(\?!(.*)\)\.\*\)$/.exec(pages)![1].split("|");
    expect(excluded.slice(0, UNPREFIXED_SEGMENTS.length + 1)).toEqual([API_PREFIX, ...UNPREFIXED_SEGMENTS].map((s) => `${escape(s)}/`));
  });

  it("each have their route folder with a JSON 404 catch-all, and no other folder has one", () => {
    const withCatchAll = readdirSync(APP_DIR).filter((name) => existsSync(path.join(APP_DIR, name, "[...path]", "route.ts")));
    expect(withCatchAll.sort()).toEqual([API_PREFIX, ...NATIVE_SEGMENTS].sort());
    expect(existsSync(path.join(APP_DIR, API_PREFIX, WELL_KNOWN.slice(1)))).toBe(true);
  });

  it("are the ones next.config.mjs rewrites", async () => {
    const rewrites = (await (
      await loadNextConfig()
    ).rewrites!()) as { beforeFiles: { source: string; destination: string }[]; afterFiles: { source: string; destination: string }[] };
    expect(rewrites.afterFiles).toEqual(NATIVE_SEGMENTS.map((s) => ({ source: `/api/${s}/:path*`, destination: `/${s}/:path*` })));
    expect(rewrites.beforeFiles.map((r) => r.source)).toEqual([`/${WELL_KNOWN}/:path*`, `/api/${WELL_KNOWN}/:path*`]);
  });

  it("tell the API's paths from the pages'", () => {
    for (const p of ["/api", "/api/admin/users", "/auth/login", "/user/2fa", "/v1/auth/forgot-password", "/.well-known/jwks.json"])
      expect(isApiPath(p), p).toBe(true);
    for (const p of ["/", "/login", "/account", "/authx", "/apiary", "/docs", "/_next/static/x.js"]) expect(isApiPath(p), p).toBe(false);
    expect(servedWithoutPrefix("/auth/login")).toBe(true);
    expect(servedWithoutPrefix("/admin/users")).toBe(false);
  });
});
