import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, createTestUser, expectEnvelope, login, signedIn } from "../helpers";
import { awayFromStepBoundary, events, loginOwingSecondFactor, userWithTokens, enableTotpViaApi, wrongTotp } from "./two-factor-helpers";

// Issue 14, "activity that tells the story": what a person needs to read their account's history —
// wrong second-factor codes, sign-outs, which device an ended session was — is recorded.

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const detailOf = (event: { detail: string | null }) => JSON.parse(event.detail ?? "{}") as Record<string, unknown>;

describe("wrong second-factor codes are events", () => {
  it("a wrong authenticator code, email code or recovery code at sign-in is recorded with the device that sent it", async () => {
    const owed = await loginOwingSecondFactor();
    const headers = { "User-Agent": FIREFOX_ON_WINDOWS };
    await awayFromStepBoundary();
    const totp = await api("/user/2fa/totp/authenticate", { body: { totp: await wrongTotp(owed.secret) }, token: owed.partial, headers });
    expectEnvelope(totp, 401, "TOTP_INCORRECT");
    const wrongOtp = owed.emailCode === "000000" ? "000001" : "000000";
    const otp = await api("/user/2fa/email-otp/authenticate", { body: { otp: wrongOtp }, token: owed.partial, headers });
    expectEnvelope(otp, 401, "OTP_INVALID_EXPIRED");
    const code = await api("/user/2fa/recovery-code/authenticate", {
      body: { recoveryCode: "0000000000000000" },
      token: owed.partial,
      headers,
    });
    expectEnvelope(code, 401, "RECOVERY_CODE_INCORRECT");

    for (const [kind, factor] of [
      ["totp.failure", "totp"],
      ["email_otp.failure", "emailOtp"],
      ["recovery_code.failure", "recoveryCode"],
    ] as const) {
      const recorded = await events(owed.user.id, kind);
      expect(recorded, kind).toHaveLength(1);
      expect(recorded[0].userAgent).toBe(FIREFOX_ON_WINDOWS);
      expect(detailOf(recorded[0])).toMatchObject({ factor, failures: 1, during: "sign-in" });
    }
  });

  it("a wrong code when confirming an action (step-up) is recorded too, and the failure that starts a wait says so as well", async () => {
    const { user, tokens } = await userWithTokens();
    const { secret } = await enableTotpViaApi(user.id, tokens);
    for (let i = 1; i <= 5; i++) {
      await awayFromStepBoundary();
      const r = await api("/user/2fa/totp/authenticate", { body: { totp: await wrongTotp(secret) }, token: tokens.access });
      expectEnvelope(r, 401, "TOTP_INCORRECT");
    }
    const failures = await db.securityEvent.findMany({ where: { userId: user.id, kind: "totp.failure" }, orderBy: { createdAt: "asc" } });
    expect(failures.map((e) => detailOf(e).failures)).toEqual([1, 2, 3, 4, 5]);
    expect(failures.every((e) => detailOf(e).during === "step-up")).toBe(true);
    expect(await events(user.id, "throttle.triggered")).toHaveLength(1);
  });

  it("a right code records no failure", async () => {
    const owed = await loginOwingSecondFactor();
    const r = await api("/user/2fa/email-otp/authenticate", { body: { otp: owed.emailCode }, token: owed.partial });
    expect(r.status, r.text).toBe(200);
    expect(await db.securityEvent.count({ where: { userId: owed.user.id, kind: { endsWith: ".failure" } } })).toBe(0);
  });
});

describe("signing out is an event of its own", () => {
  it("POST /auth/logout records a sign-out (not an ended session) in the same step as the revocation", async () => {
    const user = await createTestUser();
    const refreshToken = await login(user);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    const r = await api("/auth/logout", { method: "POST", token: refreshToken, headers: { "User-Agent": FIREFOX_ON_WINDOWS } });
    expect(r.status).toBe(204);
    const [signOut] = await events(user.id, "logout");
    expect(signOut, "a logout event").toBeDefined();
    expect(signOut.userAgent).toBe(FIREFOX_ON_WINDOWS);
    expect(detailOf(signOut)).toMatchObject({ sessionId: session.id, via: "api" });
    expect(await events(user.id, "session.revoked")).toHaveLength(0);
    // a second logout with the dead token records nothing more
    expectEnvelope(await api("/auth/logout", { method: "POST", token: refreshToken }), 401, "INVALID_TOKEN");
    expect(await events(user.id, "logout")).toHaveLength(1);
  });
});

describe("an ended session names its device", () => {
  it("DELETE /user/sessions/{id} records the browser of the session that ended, not only of the one that ended it", async () => {
    const user = await createTestUser();
    const other = await api("/auth/login", {
      body: { username: user.email, password: user.password },
      headers: { "User-Agent": FIREFOX_ON_WINDOWS },
    });
    expect(other.status).toBe(200);
    const ended = await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    const me = await signedIn(user);
    const r = await api(`/user/sessions/${ended.id}`, { method: "DELETE", token: me.accessToken });
    expect(r.status).toBe(200);
    const [event] = await events(user.id, "session.revoked");
    expect(event.userAgent).not.toBe(FIREFOX_ON_WINDOWS);
    expect(detailOf(event)).toMatchObject({ sessionId: ended.id, sessionUserAgent: FIREFOX_ON_WINDOWS, current: false });
  });
});
