import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, commonSecurityHeaders, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { db } from "@/lib/db";
import { api, baseUrl, createTestUser, expectEnvelope } from "../helpers";

// Issue 8 "headers and cookies".
const page = async (path: string) => {
  const response = await fetch(baseUrl() + path, { redirect: "manual" });
  return { response, html: await response.text() };
};

describe("pages", () => {
  it("carry a nonce CSP without unsafe-inline scripts, and the nonce is on Next's scripts", async () => {
    const { response, html } = await page("/login");
    const csp = response.headers.get("content-security-policy")!;
    const scriptSrc = csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("get a fresh nonce on every request", async () => {
    const nonceOf = async () => /'nonce-([^']+)'/.exec((await page("/login")).response.headers.get("content-security-policy")!)![1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it("carry the common security headers and HSTS", async () => {
    const { response } = await page("/login");
    for (const [name, value] of Object.entries(commonSecurityHeaders)) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
  });
});

describe("API responses", () => {
  it("carry no-store, nosniff, a deny-all CSP and the common headers, also on errors", async () => {
    for (const r of [await api("/.well-known/jwks.json"), await api("/auth/login", { body: {} }), await api("/api/nope")]) {
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
    }
  });
});

describe("the refresh cookie is refused on cross-site requests (CSRF)", () => {
  it("rotates with the cookie from this origin, not from another site", async () => {
    const user = await createTestUser();
    const login = await api("/auth/login?cookie=true", { body: { username: user.email, password: user.password } });
    const cookie = `gatehouse_refresh=${login.text}`;
    expectEnvelope(
      await api("/auth/refreshtoken", { headers: { Cookie: cookie, "Sec-Fetch-Site": "cross-site" } }),
      403,
      "CROSS_SITE_REQUEST",
    );
    expectEnvelope(
      await api("/auth/logout", { method: "POST", headers: { Cookie: cookie, Origin: "https://evil.example" } }),
      403,
      "CROSS_SITE_REQUEST",
    );
    // the refused requests changed nothing: the cookie's token still works, from this origin
    const same = await api("/auth/accesstoken", { headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin", Origin: baseUrl() } });
    expect(same.status).toBe(200);
    // a bearer token is never subject to this: browsers do not attach it by themselves
    expect((await api("/auth/refreshtoken/validate", { token: login.text, headers: { Origin: "https://evil.example" } })).status).toBe(200);
  });
});

describe("a body that skipped the CORS preflight is refused from another site (CSRF)", () => {
  // a form post or a text/plain fetch: the browser sends it without asking, so the server decides
  const formPost = (path: string, body: unknown, headers: Record<string, string>) =>
    api(path, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "text/plain", ...headers } });

  it("cannot sign a visitor in from another site, and leaves no session behind", async () => {
    const user = await createTestUser();
    const credentials = { username: user.email, password: user.password };
    const sessions = () => db.session.count({ where: { user: { email: user.email } } });
    const crossSite: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "null" },
    ];
    for (const headers of crossSite) {
      const refused = await formPost("/auth/login?cookie=true", credentials, headers);
      expectEnvelope(refused, 403, "CROSS_SITE_REQUEST");
      expect(refused.headers.get("set-cookie")).toBeNull();
    }
    expect(await sessions()).toBe(0);
    // the same text/plain body from this origin, or from a client that is not a browser, is read as JSON
    expect((await formPost("/auth/login", credentials, { Origin: baseUrl(), "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect((await formPost("/auth/login", credentials, {})).status).toBe(200);
    // a JSON-typed body from another site was preflighted: CORS, not this guard, decides
    expect((await api("/auth/login", { body: credentials, headers: { Origin: "https://evil.example" } })).status).toBe(200);
    expect(await sessions()).toBe(3);
  });
});
