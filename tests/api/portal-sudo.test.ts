import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { issueAccessToken, issueSudoToken } from "@/lib/tokens/jwt";
import { api, createTestUser, expectEnvelope, login } from "../helpers";

// The portal's step-up survives a reload (issue 14 bug 3): the browser session holds the sudo
// token in an HttpOnly cookie beside its session cookie, and /api/portal/token hands it back
// while it is that session's and still valid. Another session's token, an access token, or one
// whose session ended is never held or handed back.

const SESSION_COOKIE = "authjs.session-token";

async function signedInBrowser() {
  const user = await createTestUser();
  const refreshToken = await login(user);
  const session = await db.session.findUniqueOrThrow({ where: { refreshTokenHash: sha256(refreshToken) } });
  const value = await encode({ token: { uid: String(user.id), sid: session.id }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
  return { user, sessionId: session.id, cookie: `${SESSION_COOKIE}=${value}` };
}

const hold = (cookie: string, sudoToken: unknown) =>
  api("/api/portal/sudo", { method: "PUT", body: { sudoToken }, headers: { Cookie: cookie } });

describe("the portal's held step-up (/api/portal/sudo)", () => {
  it("holds this session's sudo token in an HttpOnly cookie, hands it back, and forgets it", async () => {
    const browser = await signedInBrowser();
    const sudoToken = await issueSudoToken(browser.user.id, browser.sessionId);

    const held = await hold(browser.cookie, sudoToken);
    expect(held.status, held.text).toBe(200);
    const setCookie = held.headers.get("set-cookie")!;
    expect(setCookie).toMatch(
      /^gatehouse_sudo=[\w-]+\.[\w-]+\.[\w-]+; Path=\/api\/portal; HttpOnly; Secure; SameSite=Strict; Max-Age=(29\d|300)$/,
    );
    const sudoCookie = setCookie.split(";")[0];

    const token = await api("/api/portal/token", { headers: { Cookie: `${browser.cookie}; ${sudoCookie}` } });
    expect(token.status).toBe(200);
    expect(token.json.sudo.token).toBe(sudoToken);
    expect(token.json.sudo.expiresIn).toBeGreaterThan(280);

    const forgotten = await api("/api/portal/sudo", { method: "DELETE", headers: { Cookie: `${browser.cookie}; ${sudoCookie}` } });
    expect(forgotten.status).toBe(200);
    expect(forgotten.headers.get("set-cookie")).toMatch(/^gatehouse_sudo=; .*Max-Age=0$/);
  });

  it("refuses to hold another session's sudo token, an access token, or garbage", async () => {
    const browser = await signedInBrowser();
    const other = await signedInBrowser();
    for (const sudoToken of [
      await issueSudoToken(other.user.id, other.sessionId),
      await issueAccessToken(browser.user.id, browser.sessionId),
      "not.a.token",
      "x".repeat(3000),
    ]) {
      const r = await hold(browser.cookie, sudoToken);
      expect(r.headers.get("set-cookie"), String(sudoToken).slice(0, 20)).toBeNull();
      expect([400, 401]).toContain(r.status);
    }
    expectEnvelope(await hold(browser.cookie, await issueSudoToken(other.user.id, other.sessionId)), 401, "INVALID_TOKEN");
    expectEnvelope(await hold("", "x"), 401, "NO_TOKEN_PROVIDED"); // no browser session
  });

  it("hands back nothing that is not this live session's: a copied cookie, an ended session", async () => {
    const browser = await signedInBrowser();
    const other = await signedInBrowser();
    const foreign = `gatehouse_sudo=${await issueSudoToken(other.user.id, other.sessionId)}`;
    const token = await api("/api/portal/token", { headers: { Cookie: `${browser.cookie}; ${foreign}` } });
    expect(token.status).toBe(200);
    expect(token.json.sudo).toBeUndefined();

    const own = `gatehouse_sudo=${await issueSudoToken(browser.user.id, browser.sessionId)}`;
    await db.session.update({ where: { id: browser.sessionId }, data: { revokedAt: new Date() } });
    expectEnvelope(await api("/api/portal/token", { headers: { Cookie: `${browser.cookie}; ${own}` } }), 401, "NO_TOKEN_PROVIDED");
  });
});
