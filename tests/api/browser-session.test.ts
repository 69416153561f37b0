import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { issueSudoToken } from "@/lib/tokens/jwt";
import { api, baseUrl, createTestUser, expectEnvelope, login } from "../helpers";

// docs/api.md §8 "Browser sign-out": the portal's session cookie (next-auth, under /api/session) carries
// a Gatehouse session; every way of ending the cookie session ends that session too, and the
// session library's own pages, which Gatehouse does not use, answer 404.

const SESSION_COOKIE = "authjs.session-token"; // the test server runs on http: no __Secure- prefix
const CSRF_COOKIE = "authjs.csrf-token";

/** A signed-in browser: a Gatehouse session, and the portal cookie that carries it (as the portal's sign-in sets it). */
async function signedInBrowser() {
  const user = await createTestUser();
  const refreshToken = await login(user);
  const session = await db.session.findUniqueOrThrow({ where: { refreshTokenHash: sha256(refreshToken) } });
  const value = await encode({ token: { uid: String(user.id), sid: session.id }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
  return { user, refreshToken, sessionId: session.id, cookie: `${SESSION_COOKIE}=${value}` };
}

const portalToken = (cookie: string) => api("/api/portal/token", { headers: { Cookie: cookie } });

/** next-auth's own CSRF token and the cookie it is checked against. */
async function csrf(cookie: string) {
  const r = await fetch(`${baseUrl()}/api/session/csrf`, { headers: { Cookie: cookie } });
  expect(r.status).toBe(200);
  const csrfCookie = r.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${CSRF_COOKIE}=`))!
    .split(";")[0];
  return { csrfToken: ((await r.json()) as { csrfToken: string }).csrfToken, csrfCookie };
}

describe("next-auth's built-in sign-out (POST /api/session/signout)", () => {
  it("ends the Gatehouse session behind the cookie: its refresh, access and sudo tokens stop working", async () => {
    const browser = await signedInBrowser();
    const issued = await portalToken(browser.cookie);
    expect(issued.status, issued.text).toBe(200);
    const accessToken = issued.json.accessToken as string;
    const sudoToken = await issueSudoToken(browser.user.id, browser.sessionId);
    expect((await api("/auth/accesstoken/validate", { token: accessToken })).status).toBe(200);

    const { csrfToken, csrfCookie } = await csrf(browser.cookie);
    const signOut = await fetch(`${baseUrl()}/api/session/signout`, {
      method: "POST",
      headers: { Cookie: `${browser.cookie}; ${csrfCookie}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }),
      redirect: "manual",
    });
    expect(signOut.status).toBe(302);
    expect(signOut.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toBe(true); // the cookie is cleared

    expectEnvelope(await api("/auth/accesstoken", { token: browser.refreshToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: accessToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: sudoToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await portalToken(browser.cookie), 401, "NO_TOKEN_PROVIDED"); // a copy of the old cookie opens nothing
    expect((await db.session.findUniqueOrThrow({ where: { id: browser.sessionId } })).revokedAt).not.toBeNull();
  });

  it("without next-auth's CSRF token ends nothing", async () => {
    const browser = await signedInBrowser();
    const { csrfCookie } = await csrf(browser.cookie);
    await fetch(`${baseUrl()}/api/session/signout`, {
      method: "POST",
      headers: { Cookie: `${browser.cookie}; ${csrfCookie}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: "forged", callbackUrl: "/login" }),
      redirect: "manual",
    });
    expect((await api("/auth/accesstoken", { token: browser.refreshToken })).status).toBe(200);
    expect((await portalToken(browser.cookie)).status).toBe(200);
  });
});

describe("the session library's routes", () => {
  it("answers 404 for the pages and sign-in routes Gatehouse does not use", async () => {
    const unused: [string, string][] = [
      ["GET", "/api/session/signin"],
      ["GET", "/api/session/signin/credentials"],
      ["GET", "/api/session/signout"],
      ["GET", "/api/session/error"],
      ["GET", "/api/session/error?error=Configuration"],
      ["GET", "/api/session/verify-request"],
      ["GET", "/api/session/providers"],
      ["GET", "/api/session/callback/credentials"],
      ["GET", "/api/session/webauthn-options"],
      ["POST", "/api/session/signin/credentials"],
      ["POST", "/api/session/callback/credentials"],
      ["POST", "/api/session/session"],
      ["GET", "/api/session"],
      ["GET", "/api/session/anything"],
    ];
    for (const [method, path] of unused) {
      const r = await fetch(baseUrl() + path, {
        method,
        redirect: "manual",
        headers: method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {},
        body: method === "POST" ? "" : undefined,
      });
      expect(r.status, `${method} ${path}`).toBe(404);
    }
  });

  it("still serves what a session client needs: the CSRF token and the session", async () => {
    const browser = await signedInBrowser();
    expect((await csrf(browser.cookie)).csrfToken).toMatch(/^[0-9a-f]{64}$/);
    const session = await api("/api/session/session", { headers: { Cookie: browser.cookie } });
    expect(session.status).toBe(200);
    expect(session.json.sid).toBe(browser.sessionId);
  });
});
