import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { issueSudoToken } from "@/lib/tokens/jwt";
import { api, createTestUser, expectEnvelope, login, mailTo, markTotpActive, partialTokenFor, signedIn, sleep } from "../helpers";

// docs/api.md §4 #19: PUT /user/password/old-password (S/A¬2FA).

const NEW = "Brand-New-Pass-7";
const change = (token: string | null, body: unknown) => api("/user/password/old-password", { method: "PUT", token, body });
const sessionOf = (refreshToken: string) => db.session.findUniqueOrThrow({ where: { refreshTokenHash: sha256(refreshToken) } });

describe("PUT /user/password/old-password (#19)", () => {
  it("changes the password; other sessions end, the caller's stays; recorded and told", async () => {
    const user = await createTestUser();
    const other = await signedIn(user);
    const me = await signedIn(user);
    const since = new Date();
    const r = await change(me.accessToken, { oldPassword: user.password, newPassword: NEW });
    expect(r.status).toBe(200);
    expect(r.text).toBe("null");

    expectEnvelope(await api("/auth/accesstoken", { token: other.refreshToken }), 401, "INVALID_TOKEN");
    expectEnvelope(await api("/auth/accesstoken/validate", { token: other.accessToken }), 401, "INVALID_TOKEN");
    expect((await api("/auth/accesstoken/validate", { token: me.accessToken })).status).toBe(200);
    expect((await api("/auth/accesstoken", { token: me.refreshToken })).status).toBe(200);

    expectEnvelope(await api("/auth/login", { body: { username: user.email, password: user.password } }), 401, "PASSWORD_INCORRECT");
    expect(await login({ email: user.email, password: NEW })).toBeTruthy();
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "password.changed" } })).toBe(1);
    await mailTo(user.email, "password-changed", since);
  });

  it("takes a sudo token, or an access token only while the user has no active 2FA", async () => {
    const user = await createTestUser();
    const { refreshToken, accessToken } = await signedIn(user);
    const session = await sessionOf(refreshToken);
    await markTotpActive(user.id);
    const body = { oldPassword: user.password, newPassword: NEW };
    expectEnvelope(await change(accessToken, body), 401, "INVALID_TOKEN");
    expectEnvelope(await change(refreshToken, body), 401, "INVALID_TOKEN");
    expectEnvelope(await change(await partialTokenFor(user.id), body), 401, "INVALID_TOKEN");
    expectEnvelope(await change(null, body), 401, "NO_TOKEN_PROVIDED");
    expectEnvelope(await change("garbage", body), 401, "INVALID_TOKEN");
    expect((await change(await issueSudoToken(user.id, session.id), body)).status).toBe(200);
  });

  it("answers PASSWORD_INCORRECT for a wrong old password, counting toward the password throttle", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    for (let i = 0; i < 5; i++)
      expectEnvelope(await change(accessToken, { oldPassword: "Wrong-password-1", newPassword: NEW }), 401, "PASSWORD_INCORRECT");
    const throttled = await change(accessToken, { oldPassword: user.password, newPassword: NEW });
    expectEnvelope(throttled, 429, "TOO_MANY_FAILED_PASSWORD_CHECKS");
    expect(throttled.json.retryAfter).toBe(1);
    expect(throttled.headers.get("retry-after")).toBe("1");
    // the same counter as login: the account waits there too
    expectEnvelope(
      await api("/auth/login", { body: { username: user.email, password: user.password } }),
      429,
      "TOO_MANY_FAILED_PASSWORD_CHECKS",
    );
    await db.throttle.update({ where: { key: `password:${user.id}` }, data: { blockedUntil: new Date(Date.now() - 1) } });
    expect((await change(accessToken, { oldPassword: user.password, newPassword: NEW })).status).toBe(200);
    expect((await db.throttle.findUniqueOrThrow({ where: { key: `password:${user.id}` } })).failures).toBe(0);
  });

  it("answers NO_PASSWORD_INFO for an account without a password", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    expectEnvelope(await change(accessToken, { oldPassword: user.password, newPassword: NEW }), 500, "NO_PASSWORD_INFO");
  });

  it("rejects a new password that breaks the policy (400 naming newPassword) without spending a password check", async () => {
    const email = `Mail-${Date.now().toString(36)}-q1@example.com`;
    const user = await createTestUser({ email });
    const { accessToken } = await signedIn(user);
    const put = (newPassword: unknown, oldPassword: unknown = "Wrong-password-1") => change(accessToken, { oldPassword, newPassword });
    expectEnvelope(await put("alllowercase1"), 400, "newPassword must contain a lowercase letter, an uppercase letter and a digit");
    expectEnvelope(await put("Sh0rt"), 400, "newPassword must be at least 8 characters");
    expectEnvelope(await put("Password1"), 400, "newPassword is too common: choose one that is not on lists of leaked passwords");
    expectEnvelope(await put(email), 400, "newPassword must not be your email address");
    expectEnvelope(await put(NEW, "x".repeat(257)), 400, "oldPassword must be at most 256 characters");
    expectEnvelope(await change(accessToken, { newPassword: NEW }), 400, "oldPassword is required");
    expectEnvelope(await put(undefined), 400, "newPassword is required");
    expectEnvelope(
      await api("/user/password/old-password", {
        method: "PUT",
        token: accessToken,
        body: "nope",
        headers: { "Content-Type": "application/json" },
      }),
      400,
      "body is not valid JSON",
    );
    expect((await db.throttle.findUniqueOrThrow({ where: { key: `password:${user.id}` } })).failures).toBe(0); // login left it at 0
  });

  it("refuses the current password as the new one (400 naming newPassword) before anything changes (§8)", async () => {
    const user = await createTestUser();
    const other = await signedIn(user);
    const me = await signedIn(user);
    expectEnvelope(
      await change(me.accessToken, { oldPassword: user.password, newPassword: user.password }),
      400,
      "newPassword must not be your current password",
    );
    expect((await api("/auth/accesstoken", { token: other.refreshToken })).status).toBe(200);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "password.changed" } })).toBe(0);
    await sleep(300);
    expect(await db.mailMessage.count({ where: { toAddress: user.email, template: "password-changed" } })).toBe(0);
    expect(await login(user)).toBeTruthy();
  });

  it("answers 405 to other methods", async () => {
    expectEnvelope(await api("/user/password/old-password", { method: "POST", body: {} }), 405, "METHOD_NOT_ALLOWED");
  });
});
