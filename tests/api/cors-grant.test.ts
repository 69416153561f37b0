import { describe, expect, it } from "vitest";
import { applyCorsHeaders, corsGrant, isCorsPath, isListedOrigin, preflightResponse } from "@/lib/http/cors";

// The CORS decisions themselves (lib/http/cors.ts), for any configuration; cors.test.ts checks
// them on running servers.

const preflight = (origin: string | null, method = "POST") =>
  new Request("http://server.test/auth/login", {
    method: "OPTIONS",
    headers: { ...(origin ? { Origin: origin } : {}), "Access-Control-Request-Method": method },
  });

describe("corsGrant", () => {
  it("grants nothing without configuration or without an Origin", () => {
    expect(corsGrant("https://app.example.com", [])).toBeNull();
    expect(corsGrant(null, ["*"])).toBeNull();
  });

  it("reflects a listed origin with credentials, compared without case or trailing slash", () => {
    const allowed = ["https://app.example.com/"];
    expect(corsGrant("https://App.Example.com", allowed)).toEqual({ allowOrigin: "https://App.Example.com", credentials: true });
    expect(corsGrant("https://app.example.com.evil.net", allowed)).toBeNull();
    expect(corsGrant("http://app.example.com", allowed)).toBeNull();
  });

  it("gives * without credentials to any other origin only when * is listed", () => {
    expect(corsGrant("https://anyone.example", ["*", "https://app.example.com"])).toEqual({ allowOrigin: "*", credentials: false });
    expect(corsGrant("https://app.example.com", ["*", "https://app.example.com"])).toEqual({
      allowOrigin: "https://app.example.com",
      credentials: true,
    });
    // "null" is never trusted by name, even when listed
    expect(corsGrant("null", ["null"])).toBeNull();
    expect(corsGrant("null", ["*"])).toEqual({ allowOrigin: "*", credentials: false });
  });
});

describe("isListedOrigin (trusted with the cookie and with bodies sent without a preflight)", () => {
  it("is true only for an origin the configuration names, never for one * lets in (§8)", () => {
    expect(isListedOrigin("https://App.Example.com", ["*", "https://app.example.com/"])).toBe(true);
    for (const origin of ["https://anyone.example", "null", "*"])
      expect(isListedOrigin(origin, ["*", "https://app.example.com"]), origin).toBe(false);
    expect(isListedOrigin("https://anyone.example", ["*"])).toBe(false);
    expect(isListedOrigin("https://app.example.com", [])).toBe(false);
  });
});

describe("preflightResponse and applyCorsHeaders", () => {
  it("answers an allowed preflight with 204 and the allowed methods, headers and max age", () => {
    const r = preflightResponse(preflight("https://app.example.com"), ["https://app.example.com"])!;
    expect(r.status).toBe(204);
    expect(Object.fromEntries(r.headers)).toMatchObject({
      "access-control-allow-origin": "https://app.example.com",
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET, POST, PUT, DELETE",
      "access-control-allow-headers": "Authorization, Content-Type",
      "access-control-max-age": "600",
      vary: "Origin",
    });
  });

  it("answers no preflight for other origins, other configurations or non-preflights", () => {
    expect(preflightResponse(preflight("https://evil.example"), ["https://app.example.com"])).toBeNull();
    expect(preflightResponse(preflight("https://app.example.com"), [])).toBeNull();
    expect(preflightResponse(preflight(null), ["*"])).toBeNull();
    expect(
      preflightResponse(new Request("http://server.test/x", { method: "OPTIONS", headers: { Origin: "https://a.example" } }), ["*"]),
    ).toBeNull();
  });

  it("never sends credentials with *", () => {
    const headers = new Headers({ "Access-Control-Allow-Credentials": "true" });
    applyCorsHeaders(new Request("http://server.test/x", { headers: { Origin: "https://a.example" } }), headers, ["*"]);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("adds Vary: Origin once configured, and nothing at all when not", () => {
    const none = new Headers();
    applyCorsHeaders(new Request("http://server.test/x", { headers: { Origin: "https://a.example" } }), none, []);
    expect([...none.keys()]).toEqual([]);
    const vary = new Headers({ Vary: "Accept-Encoding" });
    applyCorsHeaders(new Request("http://server.test/x"), vary, ["https://a.example"]);
    expect(vary.get("vary")).toBe("Accept-Encoding, Origin");
    expect(vary.get("access-control-allow-origin")).toBeNull();
  });

  it("covers both API path forms but not the portal's plumbing", () => {
    for (const path of [
      "/api/auth/login",
      "/auth/login",
      "/user/2fa",
      "/v1/auth/forgot-password",
      "/.well-known/jwks.json",
      "/api/openapi.json",
    ]) {
      expect(isCorsPath(path), path).toBe(true);
    }
    for (const path of ["/api/portal/token", "/api/session/csrf", "/account", "/docs", "/authx"])
      expect(isCorsPath(path), path).toBe(false);
  });
});
